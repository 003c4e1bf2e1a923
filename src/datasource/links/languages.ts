import type { DataQuery } from '@grafana/schema';

import type { LogsLanguage } from './types';

/** Plugin ids of logs data sources whose query language we can write without a custom query. */
const LANGUAGE_BY_TYPE: Record<string, LogsLanguage> = {
  loki: 'logql',
  elasticsearch: 'lucene',
  'grafana-opensearch-datasource': 'lucene',
  opensearch: 'lucene',
};

/** What the config editor's logs data source picker offers (as Grafana's own trace-to-logs does). */
export const LOGS_DATASOURCE_TYPES: readonly string[] = [
  'loki',
  'elasticsearch',
  'grafana-opensearch-datasource',
  'grafana-splunk-datasource',
  'grafana-falconlogscale-datasource',
  'googlecloud-logging-datasource',
  'victoriametrics-logs-datasource',
];

/**
 * How a value goes inside a double-quoted string of a target's query language, or undefined when
 * it cannot go there safely (the link is then left out rather than sent with a broken or altered
 * query). For the languages below the vendors document backslash escapes for `"` and `\` inside
 * double quotes: Splunk SPL, LogScale, Cloud Logging's query language and VictoriaLogs' LogsQL.
 * None documents an escape for a line break, so values with control characters are refused.
 */
export type QuotedEscaper = (value: string) => string | undefined;

const backslashQuoted: QuotedEscaper = (v) =>
  /[\u0000-\u001f\u007f]/.test(v) ? undefined : v.replace(/[\\"]/g, (c) => `\\${c}`);

const QUOTED_BY_TYPE: Record<string, QuotedEscaper> = {
  'grafana-splunk-datasource': backslashQuoted,
  'grafana-falconlogscale-datasource': backslashQuoted,
  'googlecloud-logging-datasource': backslashQuoted,
  'victoriametrics-logs-datasource': backslashQuoted,
};

// For a data source whose language we do not know: only text that needs no escaping anywhere.
const PLAIN = /^[\p{L}\p{N} ._:/@+=,-]*$/u;
const plainOnly: QuotedEscaper = (v) => (PLAIN.test(v) ? v : undefined);

/** The escaper for a custom query sent to `type` (Loki and Lucene targets have their own). */
export function quotedEscaperFor(type: string): QuotedEscaper {
  return QUOTED_BY_TYPE[type] ?? plainOnly;
}

export function languageFor(type: string): LogsLanguage {
  return LANGUAGE_BY_TYPE[type] ?? 'custom-only';
}

/**
 * The query model each target expects. Loki reads `expr`; Elasticsearch and OpenSearch read a
 * Lucene `query` with a raw-logs metric; other sources get the text in `query`, which is where
 * Splunk, LogScale and Cloud Logging read it.
 */
export function logsQueryModel(type: string, text: string, refId = 'logs'): DataQuery & Record<string, unknown> {
  switch (type) {
    case 'loki':
      return { refId, expr: text, queryType: 'range' };
    case 'elasticsearch':
      return { refId, query: text, metrics: [{ id: '1', type: 'logs' }], bucketAggs: [] };
    case 'grafana-opensearch-datasource':
    case 'opensearch':
      return { refId, query: text, queryType: 'lucene', metrics: [{ id: '1', type: 'logs' }], bucketAggs: [] };
    default:
      return { refId, query: text };
  }
}
