import type { DataLink, DataLinkClickEvent } from '@grafana/data';

import { exploreUrlBuilder } from '../../shared/exploreLinks';
import {
  logsQueryBuilder,
  logsQueryCheck,
  logsQueryModel,
  type LogsDatasourceRef,
  type LogsLinkContext,
} from '../links';
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
  return logsQueryCheck(setup.options, setup.target.type);
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
  let any = false;
  for (let row = 0; row < rows.count && !any; row++) {
    any = hasQuery(rows.context(row));
  }
  if (!any) {
    return undefined;
  }
  // One object and one function per link: a search table makes a link for each of its spansets.
  const urls = new RowUrls(urlOf, rows);
  return { title, url: '', onBuildUrl: (event: DataLinkClickEvent) => urls.forCell(event) };
}

/** The rows' URLs, each written the first time it is asked for, and the rows by linked value. */
class RowUrls {
  private written?: Map<number, string>;
  private byKey?: Map<string, number[]>;

  constructor(
    private readonly urlOf: LogsUrlOf,
    private readonly rows: LogsLinkRows
  ) {}

  forCell(event: DataLinkClickEvent): string {
    const key = event.replaceVariables?.('${__value.raw}');
    if (key === undefined) {
      return '';
    }
    let url: string | undefined;
    for (const row of this.rowsWith(key)) {
      const u = this.url(row);
      if (url !== undefined && u !== url) {
        return '';
      }
      url = u;
    }
    return url ?? '';
  }

  private url(row: number): string {
    this.written ??= new Map();
    let url = this.written.get(row);
    if (url === undefined) {
      url = this.urlOf(this.rows.context(row));
      this.written.set(row, url);
    }
    return url;
  }

  private rowsWith(key: string): number[] {
    if (this.byKey === undefined) {
      this.byKey = new Map();
      for (let row = 0; row < this.rows.count; row++) {
        const k = this.rows.key(row);
        const same = this.byKey.get(k);
        if (same) {
          same.push(row);
        } else {
          this.byKey.set(k, [row]);
        }
      }
    }
    return this.byKey.get(key) ?? [];
  }
}
