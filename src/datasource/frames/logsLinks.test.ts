import type { DataLink } from '@grafana/data';

import type { LogsLinkContext } from '../links';
import { hasLogsQuery, lazyLogsLink, logsUrlOf, type LogsLinkRows, type LogsLinkSetup } from './logsLinks';

const SETUP: LogsLinkSetup = {
  target: { uid: 'loki', type: 'loki', name: 'Loki' },
  options: { datasourceUid: 'loki', tags: [{ key: 'service.name', value: 'service_name' }], filterByTraceID: true },
};

interface Row {
  id: string;
  service?: string;
  startMs: number;
}

/** Rows as a search table holds them, counting which rows had their context built. */
function rowsOf(rows: Row[]): LogsLinkRows & { built: number[] } {
  const built: number[] = [];
  return {
    built,
    count: rows.length,
    key: (i) => rows[i].id,
    context: (i): LogsLinkContext => {
      built.push(i);
      const r = rows[i];
      return {
        traceId: r.id,
        attributes: r.service === undefined ? {} : { 'service.name': r.service },
        startMs: r.startMs,
        endMs: r.startMs + 10,
      };
    },
  };
}

/** What Grafana's link supplier does for the row whose linked cell holds `value`. */
function hrefFor(link: DataLink, value: string): string {
  const replaceVariables = (text: string) => text.replace('${__value.raw}', value);
  return link.onBuildUrl?.({ origin: undefined, replaceVariables }) ?? '';
}

const urlOf = logsUrlOf(SETUP);
const hasQuery = hasLogsQuery(SETUP);
const context = (id: string, service: string, startMs: number): LogsLinkContext => ({
  traceId: id,
  attributes: { 'service.name': service },
  startMs,
  endMs: startMs + 10,
});

describe('lazyLogsLink', () => {
  it("opens the row's own logs URL, built only for the rows asked about", () => {
    const rows = rowsOf([
      { id: 'aa', service: 'api', startMs: 1000 },
      { id: 'bb', service: 'db', startMs: 2000 },
      { id: 'cc', service: 'web', startMs: 3000 },
    ]);
    const written: string[] = [];
    const counted = (row: LogsLinkContext) => {
      written.push(row.traceId ?? '');
      return urlOf(row);
    };
    const link = lazyLogsLink(counted, hasQuery, rows, 'Logs for this trace');
    expect(link).toMatchObject({ title: 'Logs for this trace' });
    // Only the first row was read, to know that some row has a query, and no URL was written.
    expect(rows.built).toEqual([0]);
    expect(written).toEqual([]);
    expect(hrefFor(link!, 'bb')).toBe(urlOf(context('bb', 'db', 2000)));
    expect(written).toEqual(['bb']);
    expect(hrefFor(link!, 'cc')).toBe(urlOf(context('cc', 'web', 3000)));
    expect(hrefFor(link!, 'bb')).toContain(encodeURIComponent('service_name=\\"db\\"'));
  });

  it('is left out when no row has a query', () => {
    const rows = rowsOf([
      { id: 'aa', startMs: 1000 },
      { id: 'bb', startMs: 2000 },
    ]);
    expect(lazyLogsLink(urlOf, hasQuery, rows, 'Logs')).toBeUndefined();
  });

  it('gives a row without a query, or an id no row holds, no URL', () => {
    const link = lazyLogsLink(
      urlOf,
      hasQuery,
      rowsOf([
        { id: 'aa', startMs: 1000 },
        { id: 'bb', service: 'db', startMs: 2000 },
      ]),
      'Logs'
    );
    expect(hrefFor(link!, 'aa')).toBe('');
    expect(hrefFor(link!, 'zz')).toBe('');
    expect(hrefFor(link!, 'bb')).not.toBe('');
  });

  it('opens no logs for an id two rows share with different queries, rather than the wrong ones', () => {
    const link = lazyLogsLink(
      urlOf,
      hasQuery,
      rowsOf([
        { id: 'aa', service: 'api', startMs: 1000 },
        { id: 'aa', service: 'db', startMs: 1000 },
        { id: 'bb', service: 'db', startMs: 2000 },
        { id: 'bb', service: 'db', startMs: 2000 },
      ]),
      'Logs'
    );
    expect(hrefFor(link!, 'aa')).toBe('');
    // The same id with the same query: the one URL both rows would open.
    expect(hrefFor(link!, 'bb')).toBe(urlOf(context('bb', 'db', 2000)));
  });

  it('gives no URL when Grafana passes no interpolation', () => {
    const link = lazyLogsLink(urlOf, hasQuery, rowsOf([{ id: 'aa', service: 'api', startMs: 1 }]), 'Logs');
    expect(link?.onBuildUrl?.({ origin: undefined, replaceVariables: undefined })).toBe('');
  });
});
