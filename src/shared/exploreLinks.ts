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

/** Builds one row's Explore URL from its query text and its time range. */
export type ExploreUrlBuilder = (text: string, range: TimeRangeRef) => string;

/** Text placed where a row's value goes; control characters keep it out of any real uid or query. */
const SLOT = { text: '\u0001tl-text\u0001', from: '\u0001tl-from\u0001', to: '\u0001tl-to\u0001' } as const;

/** A string value as it appears inside exploreUrlFor's output: JSON-escaped, then percent-encoded. */
function encodedValue(value: string): string {
  return encodeURIComponent(JSON.stringify(value).slice(1, -1));
}

const DIGITS = /^[0-9]+$/;

/** A range end: epoch milliseconds (digits, which neither encoding changes) or anything else. */
function encodedTime(value: string): string {
  return DIGITS.test(value) ? value : encodedValue(value);
}

/**
 * exploreUrlFor for many rows whose queries differ only in one string (the query text, placed by
 * `queryFor`) and whose ranges differ: the URL is written once with a marker in each of the three
 * places, and each row's URL is the parts between the markers joined with the row's values encoded.
 * That is the same text exploreUrlFor writes, because JSON.stringify escapes a string value the
 * same wherever it stands and encodeURIComponent works one code point at a time; only the escaping
 * and encoding of the row's own values is left per row. If a marker is not found exactly once (a
 * model that copies or drops the text), every row falls back to exploreUrlFor.
 */
export function exploreUrlBuilder(
  ds: DatasourceRef,
  queryFor: (text: string) => { refId?: string; [key: string]: unknown },
  orgId: number | undefined = currentOrgId()
): ExploreUrlBuilder {
  const fallback: ExploreUrlBuilder = (text, range) => exploreUrlFor(ds, queryFor(text), range, orgId);
  const url = exploreUrlFor(ds, queryFor(SLOT.text), { from: SLOT.from, to: SLOT.to }, orgId);
  const slots = (['text', 'from', 'to'] as const).map((name) => {
    const marker = encodedValue(SLOT[name]);
    const at = url.indexOf(marker);
    return { name, at, end: at + marker.length, once: at >= 0 && url.indexOf(marker, at + 1) < 0 };
  });
  if (!slots.every((s) => s.once)) {
    return fallback;
  }
  const [a, b, c] = [...slots].sort((x, y) => x.at - y.at);
  const p0 = url.slice(0, a.at);
  const p1 = url.slice(a.end, b.at);
  const p2 = url.slice(b.end, c.at);
  const p3 = url.slice(c.end);
  return (text, range) => {
    const v = { text: encodedValue(text), from: encodedTime(range.from), to: encodedTime(range.to) };
    return p0 + v[a.name] + p1 + v[b.name] + p2 + v[c.name] + p3;
  };
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
