import { windowJson, type PlanExplanation } from '../../plan';
import { printTraceQL } from '../../traceql';
import type { TempoEnginePlan, TempoNativePlan } from './plan';

/** What Tempo runs (the query itself, or a narrowing search) and what the engine finishes. */
export function explainTempoPlan(plan: TempoNativePlan | TempoEnginePlan): PlanExplanation {
  return plan.mode === 'native' ? explainTempoNative(plan) : explainTempoEngine(plan);
}

function explainTempoNative(plan: TempoNativePlan): PlanExplanation {
  const query = printTraceQL(plan.rewritten ?? plan.residual);
  const endpoint = plan.queryKind === 'metrics' ? '/api/metrics/query_range (or /api/metrics/query)' : '/api/search';
  const version = plan.version || 'version unknown (assumed the latest release)';
  const engine =
    plan.probing.length === 0
      ? ['Runs in the engine: nothing (this Tempo supports every construct in the query).']
      : [
          'Runs in the engine: nothing, unless Tempo refuses the query. This server may run constructs newer',
          'than the release its version names (a development build, or no version reported), so it is asked:',
          ...plan.probing.map((u) => `  - ${u.label} (released Tempo: since ${u.since})`),
          'If Tempo refuses one as unknown, the engine finishes the query over a narrowing search instead.',
        ];
  return {
    text: [
      `Backend: Tempo ${version}`,
      '',
      `Runs on Tempo: the whole query, natively, through ${endpoint}:`,
      `  ${query}`,
      ...(plan.rewritten === null
        ? []
        : [
            'Each comparison of an attribute with a number is asked in both numeric types: Tempo compares an',
            'attribute only with a literal of the type it is stored as, TraceLens compares numbers by value',
            '(so 250 also matches 250.0 stored as a double).',
          ]),
      '',
      ...engine,
    ].join('\n'),
    json: {
      backend: 'tempo',
      mode: 'native',
      version: plan.version,
      queryKind: plan.queryKind,
      window: windowJson(plan.window),
      remote: query,
      residual: null,
      probing: plan.probing,
    },
  };
}

function explainTempoEngine(plan: TempoEnginePlan): PlanExplanation {
  const query = printTraceQL(plan.residual);
  const lines = [
    `Backend: Tempo ${plan.version || '(version unknown)'}`,
    '',
    'This Tempo cannot run the whole query:',
    ...plan.unsupported.map((u) =>
      u.defect !== undefined
        ? `  - ${u.label}: ${u.defect}, so TraceLens answers it (at characters ${u.from}-${u.to})`
        : `  - ${u.label} needs Tempo ${u.since} (at characters ${u.from}-${u.to})`
    ),
    '',
    'Runs on Tempo:',
    `  /api/search with the narrowing filter ${plan.narrowing} (at most ${plan.searchDepth} traces),`,
    '  then each trace fetched in full by id (/api/v2/traces/{id})',
    '',
    'Runs in the engine:',
    `  the whole ${plan.queryKind === 'metrics' ? 'metrics query' : 'query'} over those traces: ${query}`,
    '  The narrowing filter only keeps conditions every matching trace satisfies, so nothing is lost',
    '  beyond the search-depth bound.',
  ];
  return {
    text: lines.join('\n'),
    json: {
      backend: 'tempo',
      mode: 'engine',
      version: plan.version,
      queryKind: plan.queryKind,
      window: windowJson(plan.window),
      unsupported: plan.unsupported,
      remote: plan.narrowing,
      searchDepth: plan.searchDepth,
      residual: query,
    },
  };
}
