export { COUNTS_QUERY, HISTOGRAM_QUERY, SERVER_SPANS } from './queries';
export { ServiceMetricsFold } from './serviceMetricsFold';
export type { ServiceMetrics, ServiceMetricsRow, ServiceMetricsSource } from './types';
