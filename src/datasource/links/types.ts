/** The logs data source a link goes to, as the data source picker gives it. */
export interface LogsDatasourceRef {
  uid: string;
  /** Plugin id: 'loki', 'elasticsearch', 'grafana-opensearch-datasource', ... */
  type: string;
  name: string;
}

/**
 * What a trace-to-logs link knows about the span (or, without spanId, the trace) it starts from;
 * without traceId either, a service over a time range (the service graph's "Logs for a service").
 */
export interface LogsLinkContext {
  /** Absent for a service-level link: there is no one trace to filter by. */
  traceId?: string;
  /** Absent for a trace-level link ("Logs for this trace"). */
  spanId?: string;
  /** Span attributes over resource attributes, as strings, for tag mappings and `${__span.tags}`. */
  attributes: Readonly<Record<string, string>>;
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
  spanName?: string;
  traceName?: string;
  traceDurationMs?: number;
}

export interface LogsQueryText {
  /** The query in the target's language, e.g. `{service_name="api"} |= "4bf9…"`. */
  text: string;
  /** Epoch milliseconds after the configured shifts. */
  fromMs: number;
  toMs: number;
}

export type LogsQueryResult = { ok: true; value: LogsQueryText } | { ok: false; reason: string };

export type LogsLanguage = 'logql' | 'lucene' | 'custom-only';
