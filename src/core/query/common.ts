import { TraceLensError } from '../errors';
import { searchTracesCancellable, type SearchResponse } from '../engine';
import { spanTableOf } from '../model/table';
import type { Trace } from '../model/types';
import { formatDiagnostic, parseTraceQL } from '../traceql';
import type { RootNode } from '../traceql/ast';
import { engineMetricsNotice } from './notices';
import type { Notice, QueryStats, Window } from './types';

export { DEFAULT_SEARCH_DEPTH } from '../plan';
export const DEFAULT_MAX_CONCURRENCY = 4;
export const DEFAULT_LIMIT = 20;
export const DEFAULT_SPSS = 3;

/** Parses final query text (variables already interpolated); a bad query is a 'parse' error with line:column. */
export function parseQuery(text: string): RootNode {
  const q = text.trim() === '' ? '{}' : text;
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new TraceLensError('parse', formatDiagnostic(q, r.error));
  }
  return r.value;
}

export function checkWindow(w: Window): void {
  if (w.end <= w.start) {
    throw new TraceLensError('input', 'the time range is empty: end must be after start');
  }
}

export function stats(partial: Partial<QueryStats>): QueryStats {
  return { tracesFetched: 0, tracesMatched: 0, bytesFetched: 0, requests: 0, bounded: false, ...partial };
}

/**
 * A metrics answer the engine computed over fetched traces: the engine's error thrown as is, and
 * the notice that the figures cover only the traces fetched. Shared by both backends' range and
 * instant queries.
 */
export function engineMetricsOutcome<R>(
  result: { readonly ok: true; readonly response: R } | { readonly ok: false; readonly error: TraceLensError },
  backend: string,
  fetched: { readonly traces: readonly Trace[]; readonly notices: readonly Notice[]; readonly bounded: boolean },
  queryStats: QueryStats
): { response: R; notices: Notice[]; stats: QueryStats } {
  if (!result.ok) {
    throw result.error;
  }
  return {
    response: result.response,
    notices: [...fetched.notices, engineMetricsNotice(backend, fetched.traces.length, fetched.bounded)],
    stats: queryStats,
  };
}

/** Newest trace first, as Tempo orders search results, so a result limit keeps the most recent. */
export function newestFirst(traces: Iterable<Trace>): Trace[] {
  // Earliest start per trace, as (seconds, nanoseconds) from its table: no Span objects, no BigInt.
  const keyed = [...traces].map((t) => {
    const table = spanTableOf(t);
    let s = Number.MAX_SAFE_INTEGER;
    let n = 0;
    for (let i = 0; i < table.length; i++) {
      const ts = table.startSeconds[i];
      const tn = table.startNanos[i];
      if (ts < s || (ts === s && tn < n)) {
        s = ts;
        n = tn;
      }
    }
    return { t, s, n };
  });
  return keyed
    .sort((a, b) =>
      a.s === b.s && a.n === b.n
        ? a.t.traceId.localeCompare(b.t.traceId)
        : a.s > b.s || (a.s === b.s && a.n > b.n)
          ? -1
          : 1
    )
    .map((x) => x.t);
}

/** Merges traces fetched by several searches, keeping the copy with the most spans. */
export function mergeTraces(lists: ReadonlyArray<readonly Trace[]>): Trace[] {
  const byId = new Map<string, Trace>();
  for (const list of lists) {
    for (const t of list) {
      const prev = byId.get(t.traceId);
      if (!prev || spanTableOf(t).length > spanTableOf(prev).length) {
        byId.set(t.traceId, t);
      }
    }
  }
  return [...byId.values()];
}

/**
 * Evaluates a search over fetched traces: every trace is checked (so the matched count is exact
 * for what was fetched), and the answer describes the newest `limit` of them. Cancellable: the
 * evaluation yields now and then and stops with 'cancelled' once `signal` aborts.
 */
export async function evaluateSearch(
  root: RootNode,
  traces: readonly Trace[],
  opts: { limit?: number; spss?: number; bytes: number; signal?: AbortSignal }
): Promise<{ response: SearchResponse; matched: number }> {
  const limit = opts.limit !== undefined && opts.limit > 0 ? Math.floor(opts.limit) : DEFAULT_LIMIT;
  const r = await searchTracesCancellable(root, traces, {
    limit,
    spss: opts.spss ?? DEFAULT_SPSS,
    signal: opts.signal,
  });
  if (!r.ok) {
    throw r.error;
  }
  return {
    matched: r.matched,
    response: { traces: r.response.traces, metrics: { ...r.response.metrics, inspectedBytes: String(opts.bytes) } },
  };
}

/** Tempo's step parameter from nanoseconds, in the largest whole unit. */
export function formatStep(ns: number): string {
  if (!Number.isFinite(ns) || ns <= 0) {
    throw new TraceLensError('input', 'step must be a positive duration');
  }
  const n = Math.round(ns);
  for (const [unit, size] of [
    ['h', 3_600_000_000_000],
    ['m', 60_000_000_000],
    ['s', 1_000_000_000],
    ['ms', 1_000_000],
    ['us', 1_000],
  ] as const) {
    if (n % size === 0) {
      return `${n / size}${unit}`;
    }
  }
  return `${n}ns`;
}

/** The fetched traces the query matches, whole (analyses need every span, not just the spanset). */
export async function matchingTraces(root: RootNode, traces: readonly Trace[], signal?: AbortSignal): Promise<Trace[]> {
  const r = await searchTracesCancellable(root, traces, { limit: Math.max(1, traces.length), spss: 1, signal });
  if (!r.ok) {
    throw r.error;
  }
  const ids = new Set(r.response.traces.map((t) => t.traceID));
  return traces.filter((t) => ids.has(t.traceId));
}
