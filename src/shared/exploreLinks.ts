/**
 * Links into Grafana Explore, one builder for the app page, the panels (which must not import the
 * data source: they only know its uid from the frames or the panel query) and the data source's
 * own per-row links. Kept pure apart from reading the current org, so tests agree on the shape
 * Grafana expects in the `panes` parameter.
 */
import { config } from '@grafana/runtime';
import type { DataQuery } from '@grafana/schema';

export const TRACELENS_TYPE = 'tracelens-traceql-datasource';

/** A data source by uid, with its plugin type when known (Explore needs it to pick the editor). */
export interface DatasourceRef {
  readonly uid: string;
  readonly type?: string;
}

/** Explore time range: epoch milliseconds as strings, or relative (`now-1h`). */
export interface TimeRangeRef {
  readonly from: string;
  readonly to: string;
}

/**
 * The org the user is working in, so a link opens there and a copied link keeps it. Undefined
 * without boot data (outside Grafana), and the URL then has no orgId: Grafana uses the current one.
 */
export function currentOrgId(): number | undefined {
  const id = (config as { bootData?: { user?: { orgId?: unknown } } }).bootData?.user?.orgId;
  return typeof id === 'number' && id > 0 ? id : undefined;
}

/** An Explore URL with one pane running `query` against `ds` over `range`. */
export function exploreUrlFor(
  ds: DatasourceRef,
  query: { refId?: string; [key: string]: unknown },
  range: TimeRangeRef,
  orgId: number | undefined = currentOrgId()
): string {
  const panes = {
    tl: {
      datasource: ds.uid,
      queries: [
        { ...query, refId: query.refId || 'A', datasource: ds.type ? { type: ds.type, uid: ds.uid } : { uid: ds.uid } },
      ],
      range,
    },
  };
  const org = orgId === undefined ? '' : `&orgId=${orgId}`;
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify(panes))}${org}`;
}

/** Explore URL for a TraceLens query. */
export function exploreUrl(
  datasourceUid: string,
  query: DataQuery & { query?: string; queryType?: string },
  from = 'now-1h',
  to = 'now'
): string {
  return exploreUrlFor({ uid: datasourceUid, type: TRACELENS_TYPE }, { ...query }, { from, to });
}

/** Explore URL that opens one trace in the trace view. */
export function traceUrl(datasourceUid: string, traceId: string, from = 'now-1h', to = 'now'): string {
  return exploreUrl(datasourceUid, { refId: 'A', queryType: 'traceId', query: traceId }, from, to);
}

/** Explore URL for a TraceQL search. */
export function searchUrl(datasourceUid: string, traceql: string, from = 'now-1h', to = 'now'): string {
  return exploreUrl(datasourceUid, { refId: 'A', queryType: 'traceql', query: traceql }, from, to);
}
