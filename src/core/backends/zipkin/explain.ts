import { printTraceQL } from '../../traceql';
import type { ZipkinPlan } from './plan';
import type { ZipkinCondition } from './pushdown';
import { zipkinWindow } from './window';

function describe(c: ZipkinCondition): string {
  switch (c.param) {
    case 'serviceName':
      return `serviceName=${c.value} (lower-cased by Zipkin)`;
    case 'spanName':
      return `spanName=${c.value} (lower-cased by Zipkin)`;
    case 'annotationQuery':
      return `annotationQuery ${c.value}`;
    case 'status':
      return 'two searches: annotationQuery error, and otel.status_code=ERROR';
    case 'minDuration':
      return `minDuration=${c.value} µs`;
    case 'maxDuration':
      return `maxDuration=${c.value} µs`;
  }
}

/** `explain` for a Zipkin plan, in words and as JSON. */
export function explainZipkinPlan(plan: ZipkinPlan): { text: string; json: unknown } {
  const p = plan.pushdown;
  const query = printTraceQL(plan.residual);
  const w = zipkinWindow(plan.window.start, plan.window.end);
  const lines = ['Backend: Zipkin (API v2, /api/v2/traces)', '', 'Runs on Zipkin:'];
  lines.push(p.alternatives.length > 1 ? `  ${p.alternatives.length} searches, merged` : '  one search');
  if (p.conditions.length) {
    lines.push('  with these parameters (each met by some span of the trace, of the service if one is given):');
    lines.push(...p.conditions.map((c) => `  - ${describe(c).padEnd(60)} from \`${c.source}\``));
  } else {
    lines.push('  with no parameters beyond the time range (nothing in the query is a condition Zipkin can match)');
  }
  lines.push(
    `  endTs=${w.endTs} lookback=${w.lookback} ms (Zipkin checks each trace's root span start),`,
    `  limit=${plan.searchDepth} traces per search (search depth)`
  );
  if (p.notPushed.length) {
    lines.push(
      '',
      'Not pushed (checked by the engine):',
      ...p.notPushed.map((n) => `  - \`${n.source}\`: ${n.reason}`)
    );
  }
  lines.push(
    '',
    'Runs in the engine:',
    `  the whole ${plan.queryKind === 'metrics' ? 'metrics query' : 'query'} over the fetched traces: ${query}`,
    '  Zipkin stores span and service names lower-cased: a name literal with capitals matches nothing.'
  );
  return {
    text: lines.join('\n'),
    json: {
      backend: 'zipkin',
      queryKind: plan.queryKind,
      window: { start: plan.window.start.toString(), end: plan.window.end.toString() },
      pushdown: {
        serviceName: p.serviceName ?? null,
        spanName: p.spanName ?? null,
        annotationQuery: p.annotationQuery,
        alternatives: p.alternatives,
        minDurationUs: p.minDurationUs ?? null,
        maxDurationUs: p.maxDurationUs ?? null,
        endTs: w.endTs,
        lookback: w.lookback,
        limit: plan.searchDepth,
        conditions: p.conditions,
      },
      notPushed: p.notPushed,
      residual: query,
    },
  };
}
