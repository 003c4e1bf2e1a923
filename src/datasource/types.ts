import type { DataQuery, DataSourceJsonData } from '@grafana/schema';

import type { BackendKind } from '../core/backends';

/**
 * What a TraceLens panel query asks for. One query model for both backends: the data source
 * decides per backend what runs remotely and what the engine finishes.
 */
export type TraceLensQueryType = 'traceql' | 'traceId' | 'serviceGraph' | 'latency' | 'sampling' | 'metrics';

export interface TraceLensQuery extends DataQuery {
  queryType?: TraceLensQueryType;
  /** TraceQL for traceql/latency/metrics/serviceGraph (a filter), or a trace ID for traceId. */
  query?: string;
  /** Max traces for search (Tempo's default is 20). */
  limit?: number;
  /** Spans per spanset (Tempo's default is 3). */
  spss?: number;
  /** Metrics and latency step, e.g. '30s'; empty lets the data source pick from the interval. */
  step?: string;
  /** Metrics: 'range' or 'instant'. */
  metricsQueryType?: 'range' | 'instant';
  /** Latency: which duration to plot. */
  latencyDuration?: 'span' | 'trace';
  /** Service graph: include operations, databases and external peers as nodes. */
  serviceGraphDetail?: 'services' | 'peers';
  /**
   * Service graph: where the calls are counted. 'traces' (default) reads every trace in the range;
   * 'dependencies' asks the backend's own aggregation (Jaeger's /api/dependencies): call counts of
   * everything it stored, without errors or latency, and no TraceQL filter.
   */
  serviceGraphCalls?: 'traces' | 'dependencies';
  /** Sampling: also split by operation. */
  samplingByOperation?: boolean;
  /** Editor mode for traceql; the builder writes TraceQL into `query`. */
  editorMode?: 'code' | 'builder';
}

export const DEFAULT_QUERY: Partial<TraceLensQuery> = {
  queryType: 'traceql',
  query: '{}',
  limit: 20,
  spss: 3,
};

/** The `backend` option: a registered backend's name (the core registry's keys). */
export type { BackendKind };

/** Shape Grafana's trace view reads from any data source's jsonData for span → logs links. */
export interface TraceToLogsOptionsV2 {
  datasourceUid?: string;
  tags?: Array<{ key: string; value?: string }>;
  spanStartTimeShift?: string;
  spanEndTimeShift?: string;
  filterByTraceID?: boolean;
  filterBySpanID?: boolean;
  query?: string;
  customQuery?: boolean;
  /**
   * TraceLens only (Grafana ignores it): how Loki links filter by trace/span id. 'line' adds
   * `|= "<id>"`; 'structuredMetadata' adds `| trace_id="<id>"` for logs ingested over OTLP.
   */
  lokiFilterMode?: 'line' | 'structuredMetadata';
}

export interface TraceLensOptions extends DataSourceJsonData {
  backend?: BackendKind;
  /** Jaeger remote-sampling endpoint (…:5778), read by the sampling query. */
  samplingUrl?: string;
  /** Prometheus data source holding Tempo service-graph metrics. */
  serviceMapDatasourceUid?: string;
  /** Per-request timeout in seconds; Grafana's standard key, which its data proxy also obeys. */
  timeout?: number;
  /** @deprecated Where earlier versions stored the timeout; read when `timeout` is unset, moved by the config editor. */
  timeoutSeconds?: number;
  /** Most traces fetched for engine-side evaluation (Jaeger search depth). */
  searchDepth?: number;
  /** Most traces an analysis (graph, latency, sampling) reads from its window; default 20,000. */
  maxTraces?: number;
  /** Parallel requests when a query fans out over Jaeger services. */
  maxConcurrency?: number;
  tracesToLogsV2?: TraceToLogsOptionsV2;
  /** Grafana's proxy forwards the signed-in user's OAuth token (Grafana's standard key). */
  oauthPassThru?: boolean;
  /** Bearer token mode: the token itself lives in secureJsonData.bearerToken. */
  authType?: 'none' | 'basic' | 'bearer';
}

/** Never in jsonData: Grafana stores these encrypted and only the data proxy reads them. */
export interface TraceLensSecureOptions {
  bearerToken?: string;
  basicAuthPassword?: string;
}

/**
 * Every jsonData key the config editor writes, for provisioning checks. Grafana's standard HTTP
 * settings add their own (`httpHeaderNameN`, `tlsAuth`, `tlsSkipVerify`, `oauthPassThru`, ...).
 */
export const JSON_DATA_KEYS: ReadonlyArray<keyof TraceLensOptions> = [
  'backend',
  'authType',
  'timeout',
  'searchDepth',
  'maxTraces',
  'maxConcurrency',
  'samplingUrl',
  'serviceMapDatasourceUid',
  'tracesToLogsV2',
];

export const TRACES_TO_LOGS_KEYS: ReadonlyArray<keyof TraceToLogsOptionsV2> = [
  'datasourceUid',
  'tags',
  'spanStartTimeShift',
  'spanEndTimeShift',
  'filterByTraceID',
  'filterBySpanID',
  'customQuery',
  'query',
  'lokiFilterMode',
];
