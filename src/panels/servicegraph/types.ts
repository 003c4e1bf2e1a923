/** Panel options as saved in the dashboard JSON. */
export type SizeMetric = 'requestRate' | 'errorRate' | 'p95Ms' | 'none';
export type GroupingMode = 'none' | 'namespace' | 'prefix';

export interface ServiceGraphOptions {
  /** Error rate in percent from which a node or call is drawn as degraded, then failing. */
  errorWarnPercent: number;
  errorBadPercent: number;
  /** p95 latency in ms from which a node gets a warning or failing outline. */
  latencyWarnMs: number;
  latencyBadMs: number;
  sizeBy: SizeMetric;
  showOnlyErrors: boolean;
  hideHealthy: boolean;
  grouping: GroupingMode;
  /** Hops out from the focused service, in each direction. */
  focusHops: number;
  /** Above this many nodes the panel groups by name prefix on its own and says so. */
  hugeGraphNodes: number;
  /** Zoom below which labels are hidden (level of detail). */
  labelMinZoom: number;
  /** Logs data source for the "Logs" link (Loki or any data source taking an `expr`). */
  logsDatasourceUid: string;
  /** Logs query; `${service}` becomes the service name. */
  logsQuery: string;
}

export const DEFAULT_OPTIONS: ServiceGraphOptions = {
  errorWarnPercent: 1,
  errorBadPercent: 5,
  latencyWarnMs: 500,
  latencyBadMs: 2000,
  sizeBy: 'requestRate',
  showOnlyErrors: false,
  hideHealthy: false,
  grouping: 'none',
  focusHops: 2,
  hugeGraphNodes: 800,
  labelMinZoom: 0.45,
  logsDatasourceUid: '',
  // Grafana's trace-to-logs default maps service.name to the service_name label.
  logsQuery: '{service_name="${service}"}',
};
