import { DataQuery, RawTimeRange, dateTime } from '@grafana/data';

/** One Explore pane as Grafana encodes it in `?panes=` (or the older `?left=`). */
export interface ExplorePaneState {
  datasource?: string;
  queries: DataQuery[];
  range: RawTimeRange;
}

const DEFAULT_RANGE: RawTimeRange = { from: 'now-1h', to: 'now' };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Grafana's URLs carry either relative times ("now-1h") or epoch milliseconds. */
function parseRawTime(value: unknown): RawTimeRange['from'] {
  const text = String(value);
  return /^\d+$/.test(text) ? dateTime(Number(text)) : text;
}

function toPane(value: unknown): ExplorePaneState | undefined {
  if (!isRecord(value)) {
    return undefined;
  }
  const queries = Array.isArray(value.queries)
    ? value.queries.filter((query): query is DataQuery => isRecord(query) && typeof query.refId === 'string')
    : [];
  const range = isRecord(value.range) && value.range.from && value.range.to ? value.range : DEFAULT_RANGE;
  const datasource = typeof value.datasource === 'string' ? value.datasource : queries[0]?.datasource?.uid;
  return { datasource, queries, range: { from: parseRawTime(range.from), to: parseRawTime(range.to) } };
}

/**
 * Reads the pane Grafana links open (data links, `internal` links from frames, "open in Explore"),
 * so a panel's link into Explore lands on the same query here.
 */
export function parseExploreUrl(search: string): ExplorePaneState | undefined {
  const params = new URLSearchParams(search);
  try {
    const panes = params.get('panes');
    if (panes) {
      const parsed: unknown = JSON.parse(panes);
      return isRecord(parsed) ? toPane(Object.values(parsed)[0]) : undefined;
    }
    const left = params.get('left');
    return left ? toPane(JSON.parse(left)) : undefined;
  } catch {
    return undefined;
  }
}

export function exploreUrl(pane: ExplorePaneState): string {
  const panes = JSON.stringify({ sandbox: pane });
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(panes)}`;
}
