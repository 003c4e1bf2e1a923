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
