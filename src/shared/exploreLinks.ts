/**
 * Links into Grafana Explore, shared by the app page and the panels (which must not import the
 * data source: they only know its uid from the frames or the panel query).
 */
import type { DataQuery } from '@grafana/schema';

/**
 * Explore URL for a TraceLens query. Kept pure so the overview page, panels and tests agree on the
 * shape Grafana expects in the `panes` parameter.
 */
export function exploreUrl(
  datasourceUid: string,
  query: DataQuery & { query?: string; queryType?: string },
  from = 'now-1h',
  to = 'now'
): string {
  const panes = {
    tl: {
      datasource: datasourceUid,
      queries: [
        {
          ...query,
          refId: query.refId || 'A',
          datasource: { type: 'tracelens-traceql-datasource', uid: datasourceUid },
        },
      ],
      range: { from, to },
    },
  };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}&orgId=1`;
}

/** Explore URL that opens one trace in the trace view. */
export function traceUrl(datasourceUid: string, traceId: string, from = 'now-1h', to = 'now'): string {
  return exploreUrl(datasourceUid, { refId: 'A', queryType: 'traceId', query: traceId }, from, to);
}

/** Explore URL for a TraceQL search. */
export function searchUrl(datasourceUid: string, traceql: string, from = 'now-1h', to = 'now'): string {
  return exploreUrl(datasourceUid, { refId: 'A', queryType: 'traceql', query: traceql }, from, to);
}
