import type { DataLink } from '@grafana/data';

import { exploreUrlFor } from '../../shared/exploreLinks';
import { buildLogsQuery, logsQueryModel, type LogsDatasourceRef, type LogsLinkContext } from '../links';
import type { TraceToLogsOptionsV2 } from '../types';

/** Trace-to-logs as configured on the data source, with the logs data source resolved. */
export interface LogsLinkSetup {
  target: LogsDatasourceRef;
  options: TraceToLogsOptionsV2;
}

/** Name of the hidden per-row field that carries each row's logs link. */
export const LOGS_URL_FIELD = 'logsUrl';

export interface RowLogsLinks {
  /** One Explore URL per row; '' where no query could be built for that row. */
  urls: string[];
  link?: DataLink;
}

/**
 * Field links are per field, not per row, and an internal link's time range is one range for the
 * whole field; but each row's logs live in that row's own time (the trace's or the span's start and
 * end, with the configured shifts). So each row gets a complete Explore URL, its query escaped by
 * our own builders and its own range, in a hidden field, and the link opens that URL as it is
 * (`:raw`, so Grafana does not encode it a second time).
 */
export function rowLogsLinks(setup: LogsLinkSetup, rows: LogsLinkContext[], title: string): RowLogsLinks {
  const target = { uid: setup.target.uid, type: setup.target.type };
  const urls = rows.map((row) => {
    const r = buildLogsQuery(setup.options, setup.target.type, row);
    if (!r.ok) {
      return '';
    }
    const range = { from: String(r.value.fromMs), to: String(r.value.toMs) };
    return exploreUrlFor(target, logsQueryModel(setup.target.type, r.value.text), range);
  });
  if (urls.every((u) => u === '')) {
    return { urls };
  }
  return { urls, link: { title, url: `\${__data.fields.${LOGS_URL_FIELD}:raw}` } };
}
