import { dateTime, type DataLink } from '@grafana/data';

import { buildLogsQuery, logsQueryModel, type LogsDatasourceRef, type LogsLinkContext } from '../links';
import type { TraceToLogsOptionsV2 } from '../types';

/** Trace-to-logs as configured on the data source, with the logs data source resolved. */
export interface LogsLinkSetup {
  target: LogsDatasourceRef;
  options: TraceToLogsOptionsV2;
}

/** Name of the hidden per-row field that carries each row's logs query text. */
export const LOGS_QUERY_FIELD = 'logsQuery';

export interface RowLogsQueries {
  /** One query text per row; '' where no query could be built for that row. */
  texts: string[];
  link?: DataLink;
}

/**
 * Field links are per field, not per row, so each row's query (escaped by our own builders) goes
 * into a hidden field and the link reads it back with `${__data.fields.logsQuery}`. Grafana inserts
 * a scoped value as it is, so nothing is escaped twice. The link's range covers every row's range.
 */
export function rowLogsQueries(setup: LogsLinkSetup, rows: LogsLinkContext[], title: string): RowLogsQueries {
  const texts: string[] = [];
  let fromMs = Infinity;
  let toMs = -Infinity;
  for (const row of rows) {
    const r = buildLogsQuery(setup.options, setup.target.type, row);
    if (r.ok) {
      texts.push(r.value.text);
      fromMs = Math.min(fromMs, r.value.fromMs);
      toMs = Math.max(toMs, r.value.toMs);
    } else {
      texts.push('');
    }
  }
  if (!Number.isFinite(fromMs)) {
    return { texts };
  }
  const from = dateTime(fromMs);
  const to = dateTime(toMs);
  return {
    texts,
    link: {
      title,
      url: '',
      internal: {
        datasourceUid: setup.target.uid,
        datasourceName: setup.target.name,
        query: logsQueryModel(setup.target.type, `\${__data.fields.${LOGS_QUERY_FIELD}}`),
        range: { from, to, raw: { from, to } },
      },
    },
  };
}
