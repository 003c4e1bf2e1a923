import type { DataLink, DataLinkClickEvent } from '@grafana/data';

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

/** Whether a row has a logs query at all (logsUrlOf gives it a URL), without writing the URL. */
export type HasLogsQuery = (row: LogsLinkContext) => boolean;

export function hasLogsQuery(setup: LogsLinkSetup): HasLogsQuery {
  const queryFor = logsQueryBuilder(setup.options, setup.target.type);
  return (row) => queryFor(row).ok;
}

/** The rows' URLs, and the link that opens them unless no row has one. */
export function rowLogsLinks(urls: string[], title: string): RowLogsLinks {
  if (urls.every((u) => u === '')) {
    return { urls };
  }
  return { urls, link: { title, url: `\${__data.fields.${LOGS_URL_FIELD}:raw}` } };
}

/** The rows of a table whose linked cells each open their own row's logs. */
export interface LogsLinkRows {
  readonly count: number;
  /** The linked cell's value (a trace or span id): what Grafana hands back as `${__value.raw}`. */
  key(row: number): string;
  /** The row's trace or span, for its logs query; called only for rows whose link is asked for. */
  context(row: number): LogsLinkContext;
}

/**
 * A logs link whose URL is built for a row only when Grafana asks for that row's link (to draw or
 * open it), through the link's `onBuildUrl`, which Grafana's link supplier and Explore's link
 * service both call with the row's variables. A search table has thousands of rows and a user
 * opens a few: writing every row's Explore URL up front cost about as much as parsing the whole
 * response. Grafana names the row by the linked cell's own value (`${__value.raw}`); if two rows
 * hold the same id and their URLs differ, the link is left empty rather than open the wrong logs.
 * Undefined when no row has a query (no mapped tag on any row, say), as rowLogsLinks leaves the
 * link out when every URL is empty.
 */
export function lazyLogsLink(
  urlOf: LogsUrlOf,
  hasQuery: HasLogsQuery,
  rows: LogsLinkRows,
  title: string
): DataLink | undefined {
  const urls = new Map<number, string>();
  const urlOfRow = (row: number) => {
    let url = urls.get(row);
    if (url === undefined) {
      url = urlOf(rows.context(row));
      urls.set(row, url);
    }
    return url;
  };
  let any = false;
  for (let row = 0; row < rows.count && !any; row++) {
    any = hasQuery(rows.context(row));
  }
  if (!any) {
    return undefined;
  }
  let byKey: Map<string, number[]> | undefined;
  const rowsWith = (key: string): number[] => {
    if (byKey === undefined) {
      byKey = new Map();
      for (let row = 0; row < rows.count; row++) {
        const k = rows.key(row);
        const same = byKey.get(k);
        if (same) {
          same.push(row);
        } else {
          byKey.set(k, [row]);
        }
      }
    }
    return byKey.get(key) ?? [];
  };
  return {
    title,
    url: '',
    onBuildUrl: (event: DataLinkClickEvent) => {
      const key = event.replaceVariables?.('${__value.raw}');
      const found = new Set((key === undefined ? [] : rowsWith(key)).map(urlOfRow));
      return found.size === 1 ? [...found][0] : '';
    },
  };
}
