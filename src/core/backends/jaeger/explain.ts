import { isoWindow, windowJson, type PlanExplanation } from '../../plan';
import { formatDuration, printTraceQL } from '../../traceql';
import type { JaegerPlan } from './plan';
import type { JaegerPushdown, PushedCondition } from './pushdown';

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

/** What runs on Jaeger (its search parameters) and what the engine finishes, in words and JSON. */
export function explainJaegerPlan(plan: JaegerPlan): PlanExplanation {
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
