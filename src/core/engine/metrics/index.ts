export { evaluateMetrics, evaluateMetricsInstant } from './evaluateMetrics';
export type { InstantMetricsResult, MetricsRangeOptions, MetricsResult } from './evaluateMetrics';
export type {
  InstantMetricsResponse,
  InstantSeries,
  MetricsExemplar,
  MetricsResponse,
  MetricsSample,
  MetricsSeries,
  MetricsStats,
} from './metricsResponse';
export { adjustedCount } from './sampling';
export { metricsFetchWindow } from './timeGrid';
