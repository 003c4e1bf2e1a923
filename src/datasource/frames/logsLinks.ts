import type { DataLink } from '@grafana/data';

import { exploreUrlBuilder } from '../../shared/exploreLinks';
import { logsQueryBuilder, logsQueryModel, type LogsDatasourceRef, type LogsLinkContext } from '../links';
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

/** One row's logs URL, or '' where no query can be built for it. */
export type LogsUrlOf = (row: LogsLinkContext) => string;

/**
 * Field links are per field, not per row, and an internal link's time range is one range for the
 * whole field; but each row's logs live in that row's own time (the trace's or the span's start and
 * end, with the configured shifts). So each row gets a complete Explore URL, its query escaped by
 * our own builders and its own range, in a hidden field, and the link opens that URL as it is
 * (`:raw`, so Grafana does not encode it a second time). What depends only on the settings (the
 * query's tag names and shifts, the URL's fixed parts) is settled here once per search table, so a
 * row pays only for escaping its own query and range.
 */
export function logsUrlOf(setup: LogsLinkSetup): LogsUrlOf {
  const type = setup.target.type;
  const queryFor = logsQueryBuilder(setup.options, type);
  const urlFor = exploreUrlBuilder({ uid: setup.target.uid, type }, (text) => logsQueryModel(type, text));
  return (row) => {
    const r = queryFor(row);
    return r.ok ? urlFor(r.value.text, { from: String(r.value.fromMs), to: String(r.value.toMs) }) : '';
  };
}

/** The rows' URLs, and the link that opens them unless no row has one. */
export function rowLogsLinks(urls: string[], title: string): RowLogsLinks {
  if (urls.every((u) => u === '')) {
    return { urls };
  }
  return { urls, link: { title, url: `\${__data.fields.${LOGS_URL_FIELD}:raw}` } };
}
