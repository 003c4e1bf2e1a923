import type { DataFrame, QueryResultMetaNotice } from '@grafana/data';

import type { BackendNotice } from '../client/types';

/** Notices ride on a frame's meta so panels and Explore show them next to the data. */
export function withNotices(frame: DataFrame, notices: readonly BackendNotice[]): DataFrame {
  if (notices.length === 0) {
    return frame;
  }
  const extra: QueryResultMetaNotice[] = notices.map((n) => ({ severity: n.severity, text: n.text }));
  return { ...frame, meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), ...extra] } };
}
