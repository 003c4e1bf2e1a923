import { TraceLensError } from '../../errors';
import { compileSearch, type Spanset } from '../../engine';
import type { Trace } from '../../model/types';
import type { Backend } from '../../backends';
import type { Notice, Window } from '../../query';
import type { Completeness } from '../../scan';
import { isMetricsQuery, parseTraceQL } from '../../traceql';
import { sampleFromSpan, sampleFromTrace, type LatencySample } from '../latency';
import { scanMatching, type RunProgress, type WindowRunOptions } from './scanMatching';

export interface LatencyRun {
  readonly samples: LatencySample[];
  readonly completeness: Completeness;
  readonly notices: readonly Notice[];
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
    if (outcome.spansets.length > 0) {
      addSamples(samples, trace, outcome.spansets, durationKind);
    }
  }
  return samples;
}

export interface LatencyRunOptions extends WindowRunOptions {
  readonly onProgress?: (p: RunProgress<readonly LatencySample[]>) => void;
}

/** One sample per matched span (each once), or per matched trace for trace latency. */
function addSamples(
  out: LatencySample[],
  trace: Trace,
  spansets: readonly Spanset[],
  durationKind: 'span' | 'trace'
): void {
  if (durationKind === 'trace') {
    const s = sampleFromTrace(trace);
    if (s) {
      out.push(s);
    }
    return;
  }
  const seen = new Set<string>();
  for (const set of spansets) {
    for (const span of set.spans) {
      if (!seen.has(span.spanId)) {
        seen.add(span.spanId);
        out.push(sampleFromSpan(span));
      }
    }
  }
}

/**
 * Latency samples of every span (or trace) the filter matches in the window, read through a
 * complete window scan (scanMatching). The samples are what the heatmap re-buckets and compares,
 * so they are kept (one small record per matched span); the traces are not.
 */
export async function runLatency(
  backend: Pick<Backend, 'scan'>,
  queryText: string,
  window: Window,
  durationKind: 'span' | 'trace',
  opts: LatencyRunOptions = {}
): Promise<LatencyRun> {
  const samples: LatencySample[] = [];
  const progress = opts.onProgress;
  const run = await scanMatching(
    backend,
    queryText,
    window,
    opts,
    (trace, spansets) => addSamples(samples, trace, spansets, durationKind),
    progress ? (completeness) => progress({ completeness, snapshot: () => samples.slice() }) : undefined
  );
  return { samples, completeness: run.completeness, notices: run.notices };
}
