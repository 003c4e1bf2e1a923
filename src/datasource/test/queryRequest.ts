import { dateTime, type DataQueryRequest } from '@grafana/data';

import type { TraceLensQuery } from '../types';

/** The window every data source test queries: 1_700_000_000_000 to 1_700_003_600_000 ms (one hour). */
export const REQUEST_WINDOW_MS = { from: 1_700_000_000_000, to: 1_700_003_600_000 };

/** A DataQueryRequest as Explore sends it, over REQUEST_WINDOW_MS with a 1-minute interval. */
export function queryRequest(
  targets: TraceLensQuery[],
  extra: Partial<DataQueryRequest<TraceLensQuery>> = {}
): DataQueryRequest<TraceLensQuery> {
  const from = dateTime(REQUEST_WINDOW_MS.from);
  const to = dateTime(REQUEST_WINDOW_MS.to);
  return {
    requestId: 'r1',
    interval: '1m',
    intervalMs: 60_000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets,
    timezone: 'utc',
    app: 'explore',
    startTime: 0,
    ...extra,
  } as DataQueryRequest<TraceLensQuery>;
}
