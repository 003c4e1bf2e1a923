import { formatDuration, printTraceQL } from '../traceql';
import type { JaegerPushdown, PushedCondition } from './jaegerPushdown';
import type { JaegerPlan, QueryPlan, TempoEnginePlan, TempoNativePlan, TimeWindow } from './types';

export interface PlanExplanation {
  /** Plain words: what runs on the backend, what in the engine, and why. */
  readonly text: string;
  /** The same, structured (bigints as decimal strings) for `--json` and tooling. */
  readonly json: unknown;
}

export function explainPlan(plan: QueryPlan): PlanExplanation {
  switch (plan.backend) {
    case 'jaeger':
      return explainJaeger(plan);
    case 'tempo':
      return plan.mode === 'native' ? explainTempoNative(plan) : explainTempoEngine(plan);
  }
}

function isoWindow(w: TimeWindow): string {
  const iso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();
  return `${iso(w.start)} to ${iso(w.end)}`;
}

function windowJson(w: TimeWindow): { start: string; end: string } {
  return { start: w.start.toString(), end: w.end.toString() };
}

function describeCondition(c: PushedCondition): string {
  switch (c.param) {
    case 'service':
      return `service = ${JSON.stringify(c.value)}`;
    case 'operation':
      return `operation = ${JSON.stringify(c.value)}`;
    case 'attribute':
      return `attribute ${c.key} = ${JSON.stringify(c.value)}`;
    case 'durationMin':
      return `span duration >= ${formatDuration(Number(c.value))}`;
    case 'durationMax':
      return `span duration <= ${formatDuration(Number(c.value))}`;
  }
}

function pushdownLines(p: JaegerPushdown): string[] {
  return p.conditions.map((c) => `  - ${describeCondition(c).padEnd(44)} from \`${c.source}\``);
}

function explainJaeger(plan: JaegerPlan): PlanExplanation {
  const p = plan.pushdown;
  const query = printTraceQL(plan.residual);
  const api = plan.api === 'v3' ? 'api_v3 /api/v3/traces' : 'v1 /api/traces';
  const lines: string[] = [`Backend: Jaeger (${api})`, ''];
  lines.push('Runs on Jaeger:');
  if (plan.fanOut) {
    lines.push(
      '  one search per service (no service condition can be pushed, and Jaeger needs one), merged;',
      '  narrow the query with { resource.service.name = "..." } to search one service only'
    );
  } else {
    lines.push('  one search');
  }
  if (p.conditions.length) {
    lines.push('  with these conditions, all on the same span:', ...pushdownLines(p));
  } else {
    lines.push(
      '  with no conditions beyond the time range: the query has no condition every matching trace must',
      '  satisfy on one span in a form Jaeger can match (e.g. ||, negation, regex, ranges on attributes)'
    );
  }
  lines.push(
    `  time range ${isoWindow(plan.window)} (checked by Jaeger on the start of that same span),`,
    `  at most ${plan.searchDepth} traces per search (search depth)`
  );
  if (p.notPushed.length) {
    lines.push('', 'Not pushed (checked by the engine):');
    for (const n of p.notPushed) {
      lines.push(`  - \`${n.source}\`: ${n.reason}`);
    }
  }
  lines.push(
    '',
    'Runs in the engine:',
    `  the whole ${plan.queryKind === 'metrics' ? 'metrics query' : 'query'} over the fetched traces: ${query}`,
    '  Pushdown only narrows which traces are fetched; every condition is re-checked here, so the',
    '  answer is exact for the traces Jaeger returned.'
  );
  if (Object.keys(p.attributes).length) {
    lines.push(
      '  Note: Jaeger compares attribute values as text; an array-valued attribute matches only as a',
      '  whole, so array elements matched by TraceQL "=" may be missed by the pushdown. Some Jaeger',
      '  versions (2.13) ignore attributes in api_v3 searches; the engine checks them either way.'
    );
  }
  return {
    text: lines.join('\n'),
    json: {
      backend: 'jaeger',
      api: plan.api,
      queryKind: plan.queryKind,
      window: windowJson(plan.window),
      pushdown: {
        service: p.service ?? null,
        operation: p.operation ?? null,
        attributes: p.attributes,
        durationMinNs: p.durationMinNs ?? null,
        durationMaxNs: p.durationMaxNs ?? null,
        searchDepth: plan.searchDepth,
        fanOutOverServices: plan.fanOut,
        conditions: p.conditions,
      },
      notPushed: p.notPushed,
      residual: query,
    },
  };
}

function explainTempoNative(plan: TempoNativePlan): PlanExplanation {
  const query = printTraceQL(plan.residual);
  const endpoint = plan.queryKind === 'metrics' ? '/api/metrics/query_range (or /api/metrics/query)' : '/api/search';
  const version = plan.version || 'version unknown (assumed the latest release)';
  return {
    text: [
      `Backend: Tempo ${version}`,
      '',
      `Runs on Tempo: the whole query, natively, through ${endpoint}:`,
      `  ${query}`,
      '',
      'Runs in the engine: nothing (this Tempo supports every construct in the query).',
    ].join('\n'),
    json: {
      backend: 'tempo',
      mode: 'native',
      version: plan.version,
      queryKind: plan.queryKind,
      window: windowJson(plan.window),
      remote: query,
      residual: null,
    },
  };
}

function explainTempoEngine(plan: TempoEnginePlan): PlanExplanation {
  const query = printTraceQL(plan.residual);
  const lines = [
    `Backend: Tempo ${plan.version || '(version unknown)'}`,
    '',
    'This Tempo cannot run the whole query:',
    ...plan.unsupported.map((u) => `  - ${u.label} needs Tempo ${u.since} (at characters ${u.from}-${u.to})`),
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
