import { TraceLensError } from '../../errors';
import { compileSearch } from '../../engine';
import type { Trace } from '../../model/types';
import type { Backend } from '../../backends';
import type { Notice, QueryStats, Window } from '../../query';
import { isMetricsQuery, parseTraceQL } from '../../traceql';
import { sampleFromSpan, sampleFromTrace, type LatencySample } from '../latency';

export interface LatencyRun {
  readonly samples: LatencySample[];
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

/**
 * The spans (or traces) a TraceQL filter matches, as latency samples. The backend fetches traces
 * through the planner; the engine then picks exactly the matched spans, so the heatmap shows the
 * query's answer and not everything the pushdown happened to return.
 */
export function latencySamplesFromTraces(
  queryText: string,
  traces: readonly Trace[],
  durationKind: 'span' | 'trace'
): LatencySample[] {
  const parsed = parseTraceQL(queryText.trim() === '' ? '{}' : queryText);
  if (!parsed.ok) {
    throw new TraceLensError(
      'parse',
      `${parsed.error.message} at line ${parsed.error.line}, column ${parsed.error.column}`
    );
  }
  if (isMetricsQuery(parsed.value)) {
    throw new TraceLensError(
      'validate',
      'a latency query takes a TraceQL filter (like { kind = server }), not a metrics query'
    );
  }
  const compiled = compileSearch(parsed.value);
  if (!compiled.ok) {
    throw compiled.error;
  }
  const samples: LatencySample[] = [];
  for (const trace of traces) {
    const outcome = compiled.query.evaluate(trace);
    if (!outcome.ok) {
      throw outcome.error;
    }
    if (outcome.spansets.length === 0) {
      continue;
    }
    if (durationKind === 'trace') {
      const s = sampleFromTrace(trace);
      if (s) {
        samples.push(s);
      }
      continue;
    }
    const seen = new Set<string>();
    for (const set of outcome.spansets) {
      for (const span of set.spans) {
        if (!seen.has(span.spanId)) {
          seen.add(span.spanId);
          samples.push(sampleFromSpan(span));
        }
      }
    }
  }
  return samples;
}

export async function runLatency(
  backend: Backend,
  queryText: string,
  window: Window,
  durationKind: 'span' | 'trace'
): Promise<LatencyRun> {
  const fetched = await backend.fetchTraces(queryText.trim() === '' ? '{}' : queryText, window);
  return {
    samples: latencySamplesFromTraces(queryText, fetched.traces, durationKind),
    notices: fetched.notices,
    stats: fetched.stats,
  };
}
