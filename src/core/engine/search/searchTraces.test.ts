import {
  bin,
  by,
  boolean,
  filter,
  hint,
  intr,
  pipe,
  res,
  root,
  select,
  span,
  status,
  str,
  int,
  agg,
  scalarFilter,
} from '../testing/astBuilders';
import { buildTrace } from '../testing/traceBuilder';
import { checkoutTrace } from '../testing/fixtures';
import { formatGoDuration } from './anyValue';
import { ROOT_SPAN_NOT_RECEIVED, searchTraces } from './searchTraces';
import type { SearchResponse } from './searchResponse';

function ok(r: ReturnType<typeof searchTraces>): SearchResponse {
  if (!r.ok) {
    throw r.error;
  }
  return r.response;
}

const errors = filter(bin('=', intr('span:status', 'status'), status('error')));

describe('searchTraces', () => {
  it("returns Tempo's /api/search shape", () => {
    const t = checkoutTrace();
    const res0 = ok(searchTraces(root(errors), [t]));
    expect(res0.traces).toHaveLength(1);
    const meta = res0.traces[0];
    expect(meta).toMatchObject({
      traceID: t.traceId,
      rootServiceName: 'frontend',
      rootTraceName: 'GET /checkout',
      startTimeUnixNano: '1704067200000000000',
      durationMs: 120,
    });
    expect(meta.spanSets).toHaveLength(1);
    expect(meta.spanSet).toBe(meta.spanSets[0]);
    expect(meta.spanSets[0].matched).toBe(2);
    // No name: the query does not read it, and Tempo reports a span name only when it was fetched.
    expect(meta.spanSets[0].spans[0]).toEqual({
      spanID: t.spans[3].spanId,
      startTimeUnixNano: '1704067200013000000',
      durationNanos: '80000000',
      attributes: [{ key: 'status', value: { stringValue: 'error' } }],
    });
    expect(meta.serviceStats['database']).toEqual({ spanCount: 1, errorCount: 1 });
    expect(res0.metrics).toMatchObject({ inspectedTraces: 1, inspectedSpans: '5' });
  });

  it('truncates spansets to spss spans but counts them all in matched (default 3)', () => {
    const r = ok(searchTraces(root(filter()), [checkoutTrace()]));
    expect(r.traces[0].spanSets[0].spans).toHaveLength(3);
    expect(r.traces[0].spanSets[0].matched).toBe(5);
    expect(ok(searchTraces(root(filter()), [checkoutTrace()], { spss: 1 })).traces[0].spanSets[0].spans).toHaveLength(
      1
    );
  });

  it('reports the span name when the query reads it', () => {
    const t = checkoutTrace();
    const q = root(filter(bin('=', intr('span:name', 'name'), str('load user'))));
    expect(ok(searchTraces(q, [t])).traces[0].spanSets[0].spans[0].name).toBe('load user');
  });

  it('returns at most limit traces (default 20); equal start times keep input order', () => {
    const traces = Array.from({ length: 30 }, (_v, i) => checkoutTrace(i + 1));
    const r = ok(searchTraces(root(filter()), traces));
    expect(r.traces).toHaveLength(20);
    expect(r.traces.map((x) => x.traceID)).toEqual(traces.slice(0, 20).map((t) => t.traceId));
    // Choosing the newest needs every match, so every trace is inspected.
    expect(ok(searchTraces(root(filter()), traces, { limit: 5 })).metrics.inspectedTraces).toBe(30);
  });

  it('counts every matching trace, and describes only those within the limit', () => {
    const traces = Array.from({ length: 30 }, (_v, i) => checkoutTrace(i + 1));
    const r = searchTraces(root(errors), traces, { limit: 4 });
    expect(r.ok && r.matched).toBe(30);
    expect(r.ok && r.response.traces).toHaveLength(4);
    expect(searchTraces(root(errors), [])).toMatchObject({ ok: true, matched: 0 });
  });

  it('orders newest first, as Tempo does, and keeps the newest under the limit', () => {
    const traces = [1, 3, 2].map((n) =>
      buildTrace({ seq: n, startUnixNano: BigInt(n) * 1_000_000_000n, root: { name: `t${n}` } })
    );
    expect(ok(searchTraces(root(filter()), traces)).traces.map((t) => t.rootTraceName)).toEqual(['t3', 't2', 't1']);
    expect(ok(searchTraces(root(filter()), traces, { limit: 2 })).traces.map((t) => t.rootTraceName)).toEqual([
      't3',
      't2',
    ]);
  });

  it('orders newest first with with(most_recent=true)', () => {
    const traces = [1, 3, 2].map((n) =>
      buildTrace({ seq: n, startUnixNano: BigInt(n) * 1_000_000_000n, root: { name: `t${n}` } })
    );
    const r = ok(searchTraces(root(pipe(filter()), [hint('most_recent', boolean(true))]), traces, { limit: 2 }));
    expect(r.traces.map((t) => t.rootTraceName)).toEqual(['t3', 't2']);
  });

  it('reports the attributes the filter read, select() fields, and by() labels', () => {
    const q = root(
      pipe(
        filter(bin('=', span('http.method'), str('POST'))),
        by(res('service.name')),
        select(span('http.status_code'), intr('span:kind', 'kind'))
      )
    );
    const set = ok(searchTraces(q, [checkoutTrace()])).traces[0].spanSets[0];
    expect(set.spans[0].attributes).toEqual([
      { key: 'http.method', value: { stringValue: 'POST' } },
      { key: 'http.status_code', value: { intValue: '500' } },
      { key: 'kind', value: { stringValue: 'server' } },
    ]);
    expect(set.attributes).toEqual([{ key: 'by(resource.service.name)', value: { stringValue: 'api-gateway' } }]);
  });

  it('lists every spanset of a trace, with aggregate attributes', () => {
    const q = root(pipe(filter(), by(intr('span:status', 'status')), scalarFilter('>=', agg('count'), int(1))));
    const sets = ok(searchTraces(q, [checkoutTrace()])).traces[0].spanSets;
    expect(sets.map((s) => s.attributes)).toEqual([
      [
        { key: 'by(status)', value: { stringValue: 'unset' } },
        { key: 'count()', value: { intValue: '2' } },
      ],
      [
        { key: 'by(status)', value: { stringValue: 'ok' } },
        { key: 'count()', value: { intValue: '1' } },
      ],
      [
        { key: 'by(status)', value: { stringValue: 'error' } },
        { key: 'count()', value: { intValue: '2' } },
      ],
    ]);
  });

  it('marks a trace whose root span is missing', () => {
    const orphan = buildTrace({ root: [{ name: 'a' }] });
    const noRoot = { ...orphan, spans: orphan.spans.map((s) => ({ ...s, parentSpanId: 'ffffffffffffffff' })) };
    const meta = ok(searchTraces(root(filter()), [noRoot])).traces[0];
    expect(meta.rootServiceName).toBe(ROOT_SPAN_NOT_RECEIVED);
    expect(meta.rootTraceName).toBe(ROOT_SPAN_NOT_RECEIVED);
  });

  it('returns errors as values', () => {
    const bad = searchTraces(root(filter(bin('=~', res('service.name'), str('[')))), [checkoutTrace()]);
    expect(bad.ok).toBe(false);
  });

  it("formats durations like Go's time.Duration", () => {
    expect(formatGoDuration(0)).toBe('0s');
    expect(formatGoDuration(750)).toBe('750ns');
    expect(formatGoDuration(1500)).toBe('1.5µs');
    expect(formatGoDuration(12_345_000)).toBe('12.345ms');
    expect(formatGoDuration(1_500_000_000)).toBe('1.5s');
    expect(formatGoDuration(150_000_000_000)).toBe('2m30s');
    expect(formatGoDuration(3_600_000_000_000)).toBe('1h0m0s');
    expect(formatGoDuration(-20_000_000)).toBe('-20ms');
  });
});
