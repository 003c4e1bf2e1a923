import type { Backend } from '../../backends';
import { compileSearch, type Spanset } from '../../engine';
import { TraceLensError } from '../../errors';
import type { Trace } from '../../model/types';
import type { Notice, Window } from '../../query';
import {
  completenessText,
  DEFAULT_MAX_TRACES,
  DEFAULT_SLICE_LIMIT,
  scanWindow,
  type Completeness,
  type ScanLane,
} from '../../scan';
import { isMetricsQuery } from '../../traceql';

/** How an analysis reads its window: the budget and the shape of the scan. */
export interface WindowRunOptions {
  /** Most distinct traces to read (default 20,000); a scan stopped by it says so. */
  readonly maxTraces?: number;
  /** Traces asked for per request (default 500): bounds the memory one answer takes. */
  readonly sliceLimit?: number;
  /** Requests in flight at once (default 4). */
  readonly maxConcurrency?: number;
}

/** What a progressive run reports after each answer: how far it got, and the result so far. */
export interface RunProgress<R> {
  readonly completeness: Completeness;
  /** The analysis over what has been read so far; computed only when called. */
  readonly snapshot: () => R;
}

export interface ScanRun {
  readonly completeness: Completeness;
  /** Spans of every trace read (matched or not): with the bytes, the cost of a span on the wire. */
  readonly spansRead: number;
  readonly notices: readonly Notice[];
}

/** The notice every scanned analysis carries: complete (info) or a lower bound (warning). */
export function completenessNotice(c: Completeness): Notice {
  return { severity: c.complete ? 'info' : 'warning', text: completenessText(c) };
}

/**
 * Reads every trace in the window that the query can match (Backend.scan plans the searches,
 * scanWindow slices them until complete or the budget is spent) and hands each trace the query
 * matches, with its spansets, to `onMatch` as it arrives. Pushdown only narrows, so the engine
 * checks the whole query on every trace read. Traces are not kept.
 */
export async function scanMatching(
  backend: Pick<Backend, 'scan'>,
  queryText: string,
  window: Window,
  opts: WindowRunOptions,
  onMatch: (trace: Trace, spansets: readonly Spanset[]) => void,
  onProgress?: (completeness: Completeness) => void
): Promise<ScanRun> {
  const scan = await backend.scan(queryText.trim() === '' ? '{}' : queryText, window);
  if (isMetricsQuery(scan.root)) {
    throw new TraceLensError(
      'validate',
      'this analysis takes a TraceQL filter (like { kind = server }), not a metrics query'
    );
  }
  const compiled = compileSearch(scan.root);
  if (!compiled.ok) {
    throw compiled.error;
  }
  const lanes: ScanLane[] = scan.searches.map((s) => ({
    name: s.label,
    minSliceNs: s.resolutionNs,
    search: (slice, limit, signal) => s.search({ start: slice.start, end: slice.end, limit, signal }),
  }));
  let spansRead = 0;
  const done = await scanWindow({
    window: { start: window.start, end: window.end },
    lanes,
    sliceLimit: opts.sliceLimit ?? DEFAULT_SLICE_LIMIT,
    maxTraces: opts.maxTraces ?? DEFAULT_MAX_TRACES,
    maxConcurrency: opts.maxConcurrency,
    signal: window.signal,
    fold: (batch) => {
      for (const trace of batch) {
        spansRead += trace.spans.length;
        const outcome = compiled.query.evaluate(trace);
        if (!outcome.ok) {
          throw outcome.error;
        }
        if (outcome.spansets.length > 0) {
          onMatch(trace, outcome.spansets);
        }
      }
    },
    onProgress: onProgress
      ? (c) => onProgress({ ...c, requests: c.requests + scan.requests, bytes: c.bytes + scan.bytes })
      : undefined,
  });
  const completeness: Completeness = {
    ...done,
    requests: done.requests + scan.requests,
    bytes: done.bytes + scan.bytes,
  };
  return {
    completeness,
    spansRead,
    notices: [...scan.notices, ...(done.notices ?? []), completenessNotice(completeness)],
  };
}
