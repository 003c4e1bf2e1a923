/** Request rate, error rate and latency quantiles of one service's server spans. */
export interface ServiceMetricsRow {
  /** `namespace/name` when the service has a namespace, else the name (as in the service graph). */
  readonly id: string;
  readonly service: string;
  readonly namespace?: string;
  /** Server spans that started in the window. */
  readonly requests: number;
  /** Of those, spans with error status. */
  readonly errors: number;
  /** Requests per second over the window. */
  readonly requestRate: number | null;
  /** errors / requests (0 without requests). */
  readonly errorRate: number;
  /** Tempo's quantile_over_time reading of the duration buckets; null without a bucketed span. */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
}

/**
 * Where the figures were computed: `server` when the backend ran the metrics queries over every
 * span it holds, `traces` when TraceLens read the window's traces and evaluated them itself.
 */
export type ServiceMetricsSource = 'server' | 'traces';

export interface ServiceMetrics {
  readonly windowSeconds: number;
  readonly source: ServiceMetricsSource;
  /** Sorted by id. */
  readonly services: readonly ServiceMetricsRow[];
}
