import type { WindowScan } from '../backends/types';
import type { RootNode } from '../traceql/ast';
import {
  fetchTracesByScan,
  metricsByScan,
  metricsInstantByScan,
  searchByScan,
  type ScanFetch,
  type ScanSource,
} from './scanExecutor';
import type {
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  SearchOptions,
  SearchOutcome,
  Window,
} from './types';

/** How deep each search goes and how many run at once, as the registry validated them. */
export interface ScanLimits {
  readonly searchDepth: number;
  readonly maxConcurrency: number;
}

/**
 * The TraceQL half of a backend that runs no TraceQL itself: search, metrics and trace fetches are
 * the shared scan executor over the backend's own slice searches. A backend extends this and
 * supplies only its scan and the words for a bounded answer, so these four answers are written once
 * for every such backend rather than once per backend folder. A backend that answers natively when
 * it can (Tempo) overrides them and calls these for its fallback, so every backend scans one way.
 */
export abstract class ScanBackend<S extends WindowScan> implements ScanSource<S> {
  abstract readonly label: string;

  constructor(protected readonly limits: ScanLimits) {}

  get searchDepth(): number {
    return this.limits.searchDepth;
  }

  get maxConcurrency(): number {
    return this.limits.maxConcurrency;
  }

  abstract planScan(root: RootNode, window: Window, searchDepth: number): Promise<S>;

  abstract boundedNotice(fetched: ScanFetch<S>, matched: number): Notice;

  search(queryText: string, opts: SearchOptions): Promise<SearchOutcome> {
    return searchByScan(this, queryText, opts);
  }

  metrics(queryText: string, opts: MetricsOptions): Promise<MetricsOutcome> {
    return metricsByScan(this, queryText, opts);
  }

  metricsInstant(queryText: string, opts: Window): Promise<InstantMetricsOutcome> {
    return metricsInstantByScan(this, queryText, opts);
  }

  fetchTraces(queryText: string, window: Window): Promise<FetchOutcome> {
    return fetchTracesByScan(this, queryText, window);
  }
}
