import type { Backend } from '../../backends';
import { evaluateMetricsInstant, metricsFetchWindow, type InstantMetricsResponse } from '../../engine';
import type { Trace } from '../../model/types';
import type { InstantMetricsOutcome, Notice, Window } from '../../query';
import { parseQuery } from '../../query/common';
import type { Completeness } from '../../scan';
import {
  COUNTS_QUERY,
  HISTOGRAM_QUERY,
  SERVER_SPANS,
  ServiceMetricsFold,
  type ServiceMetrics,
} from '../serviceMetrics';
import { completenessNotice, scanMatching, type WindowRunOptions } from './scanMatching';

export interface ServiceMetricsRun {
  readonly metrics: ServiceMetrics;
  readonly completeness: Completeness;
  readonly notices: readonly Notice[];
}

export type MetricsBackend = Pick<Backend, 'scan' | 'features' | 'label' | 'metricsInstant'>;

/** Tempo marks an answer some of whose jobs failed; the engine's type does not carry the field. */
function partialMessage(outcome: InstantMetricsOutcome): string | undefined {
  const r: InstantMetricsResponse & { readonly status?: unknown; readonly message?: unknown } = outcome.response;
  const m = r.metrics;
  if (r.status === 'PARTIAL' || (m.totalJobs > 0 && m.completedJobs < m.totalJobs)) {
    const detail = typeof r.message === 'string' && r.message !== '' ? `: ${r.message}` : '';
    return `${m.completedJobs} of ${m.totalJobs} jobs answered${detail}`;
  }
  return undefined;
}

/**
 * The server's own answer, when it ran both queries over every span (not bounded by a search).
 * Undefined when it could not, e.g. a Tempo too old for these functions, whose executor falls back
 * to a bounded fetch: then the window is scanned here instead.
 */
export async function serviceMetricsFromServer(
  backend: MetricsBackend,
  window: Window
): Promise<ServiceMetricsRun | undefined> {
  const [counts, histogram] = await Promise.all([
    backend.metricsInstant(COUNTS_QUERY, window),
    backend.metricsInstant(HISTOGRAM_QUERY, window),
  ]);
  if (counts.stats.bounded || histogram.stats.bounded) {
    return undefined;
  }
  const fold = new ServiceMetricsFold();
  fold.addCounts(counts.response);
  fold.addHistogram(histogram.response);
  const native = counts.stats.tracesFetched === 0 && histogram.stats.tracesFetched === 0;
  const partial = partialMessage(counts) ?? partialMessage(histogram);
  const scanned = native
    ? Math.max(counts.response.metrics.inspectedTraces, histogram.response.metrics.inspectedTraces)
    : Math.max(counts.stats.tracesFetched, histogram.stats.tracesFetched);
  const range = { start: window.start, end: window.end };
  const completeness: Completeness = {
    complete: partial === undefined,
    tracesScanned: scanned,
    tracesAtLeast: scanned,
    window: range,
    covered: partial === undefined ? [range] : [],
    ...(partial !== undefined
      ? { why: { reason: 'backend-error' as const, message: `${backend.label} answered in part (${partial})` } }
      : {}),
    requests: counts.stats.requests + histogram.stats.requests,
    bytes: counts.stats.bytesFetched + histogram.stats.bytesFetched,
  };
  const windowSeconds = Number(window.end - window.start) / 1e9;
  return {
    metrics: fold.result(windowSeconds, native ? 'server' : 'traces'),
    completeness,
    notices: [...counts.notices, ...histogram.notices, completenessNotice(completeness)],
  };
}

/** The engine evaluating both queries over one trace at a time, the answers summed. */
class TraceByTrace {
  private readonly counts = parseQuery(COUNTS_QUERY);
  private readonly histogram = parseQuery(HISTOGRAM_QUERY);
  private readonly fold = new ServiceMetricsFold();

  constructor(private readonly window: { readonly start: bigint; readonly end: bigint }) {}

  add(trace: Trace): void {
    const c = evaluateMetricsInstant(this.counts, [trace], this.window);
    const h = evaluateMetricsInstant(this.histogram, [trace], this.window);
    if (!c.ok) {
      throw c.error;
    }
    if (!h.ok) {
      throw h.error;
    }
    this.fold.addCounts(c.response);
    this.fold.addHistogram(h.response);
  }

  result(): ServiceMetrics {
    return this.fold.result(Number(this.window.end - this.window.start) / 1e9, 'traces');
  }
}

/** The per-service figures of traces already in hand (trace files), counted like a scan would. */
export function serviceMetricsFromTraces(
  traces: Iterable<Trace>,
  window: { readonly start: bigint; readonly end: bigint }
): ServiceMetrics {
  const fold = new TraceByTrace(window);
  for (const t of traces) {
    fold.add(t);
  }
  return fold.result();
}

/**
 * Request rate, error rate and p50/p95/p99 of every service's server spans in the window, by the
 * queries in serviceMetrics/queries.ts. A backend that runs TraceQL metrics itself answers them
 * over every span it holds; otherwise the window's traces are read through a whole-window scan
 * (within the trace budget) and the engine evaluates the same queries trace by trace, so both
 * routes give the same figures for the same spans.
 */
export async function runServiceMetrics(
  backend: MetricsBackend,
  window: Window,
  opts: WindowRunOptions = {}
): Promise<ServiceMetricsRun> {
  const notices: Notice[] = [];
  if (backend.features.traceqlMetrics) {
    const server = await serviceMetricsFromServer(backend, window);
    if (server !== undefined) {
      return server;
    }
    notices.push({
      severity: 'info',
      text: `${backend.label} could not run these metrics over every span itself; TraceLens read the window's traces instead.`,
    });
  }
  const range = { start: window.start, end: window.end };
  const fold = new TraceByTrace(range);
  const run = await scanMatching(
    backend,
    SERVER_SPANS,
    { ...metricsFetchWindow(range), signal: window.signal },
    opts,
    (trace) => fold.add(trace)
  );
  return {
    metrics: fold.result(),
    completeness: run.completeness,
    notices: [...notices, ...run.notices],
  };
}
