import type { DataLink } from '@grafana/data';

import type { TraceLensQuery } from '../types';

export interface SelfRef {
  uid: string;
  name: string;
}

/** Opens the trace whose id is in this field (or in `traceIdExpr`) in the trace view. */
export function traceViewLink(
  self: SelfRef,
  traceIdExpr = '${__value.raw}',
  title = 'Trace: ${__value.raw}'
): DataLink<TraceLensQuery> {
  return {
    title,
    url: '',
    internal: {
      datasourceUid: self.uid,
      datasourceName: self.name,
      query: { refId: 'A', queryType: 'traceId', query: traceIdExpr },
    },
  };
}

/** Opens the trace and focuses the span whose id is in this field. */
export function spanViewLink(self: SelfRef, traceIdField: string): DataLink<TraceLensQuery> {
  return {
    title: 'Span: ${__value.raw}',
    url: '',
    internal: {
      datasourceUid: self.uid,
      datasourceName: self.name,
      query: { refId: 'A', queryType: 'traceId', query: `\${__data.fields.${traceIdField}}` },
      panelsState: { trace: { spanId: '${__value.raw}' } },
    },
  };
}
