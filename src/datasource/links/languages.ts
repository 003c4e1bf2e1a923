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
