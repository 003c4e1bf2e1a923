/**
 * Search, metrics and trace fetches for a backend that runs no TraceQL itself (Jaeger, Zipkin, or
 * Tempo too old for a query): its planned window scan is run once over the whole window, the
 * traces are merged newest first, and the engine evaluates the whole query over them. The backend
 * supplies only the scan and the words for a bounded answer; everything else is here, once.
 */
import type { WindowScan } from '../backends/types';
import { evaluateMetrics, evaluateMetricsInstant, metricsFetchWindow } from '../engine';
import { TraceLensError } from '../errors';
import type { Trace } from '../model/types';
import type { RootNode } from '../traceql/ast';
import {
  DEFAULT_LIMIT,
  checkWindow,
  engineMetricsOutcome,
  evaluateSearch,
  matchingTraces,
  mergeTraces,
  newestFirst,
  parseQuery,
  stats,
} from './common';
import { mapBounded } from './mapBounded';
import { limitReachedNotice } from './notices';
import type {
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  QueryStats,
  SearchOptions,
  SearchOutcome,
  Window,
} from './types';

/** What one run of a scan over a window fetched. */
export interface ScanFetch<S extends WindowScan = WindowScan> {
  readonly scan: S;
  /** Merged by trace id (the copy with most spans), newest first. */
  readonly traces: Trace[];
  readonly notices: Notice[];
  /** Some search came back full: more traces may match than were fetched. */
  readonly bounded: boolean;
  readonly bytes: number;
  readonly requests: number;
  /** The most traces each search was asked for. */
  readonly searchDepth: number;
  /** Searches run, and how many of them came back full. */
  readonly searches: number;
  readonly capped: number;
}

/** The backend's part. */
export interface ScanSource<S extends WindowScan = WindowScan> {
  /** Display name for notices, e.g. `Jaeger`. */
  readonly label: string;
  readonly searchDepth: number;
  readonly maxConcurrency: number;
  /** Plans the scan for the query over the window, asking each search for `searchDepth` traces. */
  planScan(root: RootNode, window: Window, searchDepth: number): Promise<S>;
  /** Says the answer is bounded, and how to narrow or widen it, in the backend's terms. */
  boundedNotice(fetched: ScanFetch<S>, matched: number): Notice;
}

/** Runs every search of the scan over the whole window, at most `maxConcurrency` at a time. */
export async function fetchByScan<S extends WindowScan>(
  source: ScanSource<S>,
  root: RootNode,
  window: Window,
  searchDepth = source.searchDepth
): Promise<ScanFetch<S>> {
  checkWindow(window);
  const scan = await source.planScan(root, window, searchDepth);
  const slices = await mapBounded(
    scan.searches,
    source.maxConcurrency,
    (search, signal) => search.search({ start: window.start, end: window.end, limit: searchDepth, signal }),
    window.signal
  );
  const capped = slices.filter((s) => s.full).length;
  return {
    scan,
    traces: newestFirst(mergeTraces(slices.map((s) => s.traces))),
    notices: [...scan.notices, ...slices.flatMap((s) => s.notices)],
    bounded: capped > 0,
    bytes: slices.reduce((n, s) => n + s.bytes, scan.bytes),
    requests: slices.reduce((n, s) => n + s.requests, scan.requests),
    searchDepth,
    searches: slices.length,
    capped,
  };
}

function fetchStats(f: ScanFetch, matched: number): QueryStats {
  return stats({
    tracesFetched: f.traces.length,
    tracesMatched: matched,
    bytesFetched: f.bytes,
    requests: f.requests,
    bounded: f.bounded,
  });
}

export async function searchByScan<S extends WindowScan>(
  source: ScanSource<S>,
  queryText: string,
  opts: SearchOptions
): Promise<SearchOutcome> {
  const root = parseQuery(queryText);
  if (root.query.type !== 'Pipeline') {
    throw new TraceLensError('validate', 'this is a metrics query: run it as a metrics query, not a search');
  }
  const f = await fetchByScan(source, root, opts);
  const { response, matched } = await evaluateSearch(root, f.traces, { ...opts, bytes: f.bytes });
  const notices = [...f.notices];
  if (f.bounded) {
    notices.push(source.boundedNotice(f, matched));
  }
  const limit = opts.limit ?? DEFAULT_LIMIT;
  if (matched > limit) {
    notices.push(limitReachedNotice(limit, matched));
  }
  return { response, notices, stats: fetchStats(f, matched) };
}

/** Fetches over the interval the metrics' steps cover (see metricsFetchWindow), not just the range asked. */
export async function metricsByScan<S extends WindowScan>(
  source: ScanSource<S>,
  queryText: string,
  opts: MetricsOptions
): Promise<MetricsOutcome> {
  const root = parseQuery(queryText);
  const f = await fetchByScan(source, root, { ...opts, ...metricsFetchWindow(opts) });
  const r = evaluateMetrics(root, f.traces, {
    start: opts.start,
    end: opts.end,
    step: opts.step,
    exemplars: opts.exemplars,
  });
  return engineMetricsOutcome(r, source.label, f, fetchStats(f, f.traces.length));
}

export async function metricsInstantByScan<S extends WindowScan>(
  source: ScanSource<S>,
  queryText: string,
  opts: Window
): Promise<InstantMetricsOutcome> {
  const root = parseQuery(queryText);
  const f = await fetchByScan(source, root, { ...opts, ...metricsFetchWindow(opts) });
  const r = evaluateMetricsInstant(root, f.traces, { start: opts.start, end: opts.end });
  return engineMetricsOutcome(r, source.label, f, fetchStats(f, f.traces.length));
}

/** Whole traces the query matches (a metrics query: every trace fetched), for analyses. */
export async function fetchTracesByScan<S extends WindowScan>(
  source: ScanSource<S>,
  queryText: string,
  window: Window
): Promise<FetchOutcome> {
  const root = parseQuery(queryText);
  const f = await fetchByScan(source, root, window);
  const traces = root.query.type === 'Pipeline' ? await matchingTraces(root, f.traces, window.signal) : f.traces;
  const notices = [...f.notices];
  if (f.bounded) {
    notices.push(source.boundedNotice(f, traces.length));
  }
  return { traces, notices, stats: fetchStats(f, traces.length) };
}
