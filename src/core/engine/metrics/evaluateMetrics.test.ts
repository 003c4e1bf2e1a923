import type { Trace } from '../../model/types';
import { parse } from '../testing/parse';
import { checkoutTrace } from '../testing/fixtures';
import { buildTrace, DEFAULT_TRACE_START } from '../testing/traceBuilder';
import { evaluateMetrics, evaluateMetricsInstant } from './evaluateMetrics';
import type { MetricsResponse } from './metricsResponse';
import { adjustedCount } from './sampling';

const T0 = DEFAULT_TRACE_START; // a multiple of 10s
const S = 1_000_000_000n;
const at = (seq: number, offset: bigint): Trace => ({ ...checkoutTrace(seq), ...shift(checkoutTrace(seq), offset) });

function shift(t: Trace, by: bigint): Trace {
  return { ...t, spans: t.spans.map((s) => ({ ...s, startTimeUnixNano: s.startTimeUnixNano + by })) };
}

// Two checkout traces (5 spans each), at T0+1s and T0+15s: in the samples stamped T0+10s and T0+20s
// of a 30s range, since a sample stamped t holds the spans starting in (t - 10s, t].
const traces = [at(1, 1n * S), at(2, 15n * S)];
const range = { start: T0, end: T0 + 30n * S, step: 10e9 };

function ok(r: ReturnType<typeof evaluateMetrics>): MetricsResponse {
  if (!r.ok) {
    throw r.error;
  }
  return r.response;
}

const ms = (offset: bigint) => ((T0 + offset) / 1_000_000n).toString();
const values = (res: MetricsResponse, i = 0) => res.series[i].samples.map((s) => s.value);

describe('evaluateMetrics', () => {
  it("answers count_over_time() in Tempo's query_range shape, one sample per step", () => {
    const res = ok(evaluateMetrics(parse('{} | count_over_time()'), traces, range));
    expect(res.series).toHaveLength(1);
    const s = res.series[0];
    expect(s.labels).toEqual([{ key: '__name__', value: { stringValue: 'count_over_time' } }]);
    expect(s.promLabels).toBe('{__name__="count_over_time"}');
    expect(s.samples).toEqual([
      { timestampMs: ms(0n), value: 0 },
      { timestampMs: ms(10n * S), value: 5 },
      { timestampMs: ms(20n * S), value: 5 },
      { timestampMs: ms(30n * S), value: 0 },
    ]);
    expect(res.metrics).toMatchObject({ inspectedTraces: 2, inspectedSpans: '10' });
  });

  it('rate() is spans per second of step', () => {
    expect(values(ok(evaluateMetrics(parse('{ status = error } | rate()'), traces, range)))).toEqual([0, 0.2, 0.2, 0]);
  });

  it('by() labels series, dropping nil labels', () => {
    const res = ok(
      evaluateMetrics(
        parse('{ status = error } | count_over_time() by (resource.service.name, span.db.system)'),
        traces,
        range
      )
    );
    expect(res.series.map((s) => s.promLabels)).toEqual([
      '{resource.service.name="user-service"}',
      '{resource.service.name="database", span.db.system="postgresql"}',
    ]);
    expect(res.series[1].labels).toEqual([
      { key: 'resource.service.name', value: { stringValue: 'database' } },
      { key: 'span.db.system', value: { stringValue: 'postgresql' } },
    ]);
  });

  it('min/max/avg/sum_over_time measure durations in seconds', () => {
    const q = (f: string) => values(ok(evaluateMetrics(parse(`{ status = error } | ${f}(duration)`), traces, range)));
    expect(q('min_over_time')).toEqual([0.075, 0.075]);
    expect(q('max_over_time')).toEqual([0.08, 0.08]);
    expect(q('avg_over_time')).toEqual([0.0775, 0.0775]);
    expect(q('sum_over_time')[0]).toBeCloseTo(0.155, 12);
  });

  it('histogram_over_time() counts spans in power-of-two buckets labelled __bucket (seconds)', () => {
    const res = ok(evaluateMetrics(parse('{ status = error } | histogram_over_time(duration)'), traces, range));
    // 75ms and 80ms both round up to 2^27 ns.
    expect(res.series).toHaveLength(1);
    expect(res.series[0].labels).toEqual([{ key: '__bucket', value: { doubleValue: 2 ** 27 / 1e9 } }]);
    expect(values(res)).toEqual([0, 2, 2, 0]);
  });

  it('quantile_over_time() interpolates in log2 buckets and labels p', () => {
    const res = ok(evaluateMetrics(parse('{} | quantile_over_time(duration, .5, 1)'), traces, range));
    // p is a double: Tempo writes the whole 1 as `1.0` in the label text (metrics/goFloat.ts).
    expect(res.series.map((s) => s.promLabels)).toEqual(['{p="0.5"}', '{p="1.0"}']);
    // Durations 120, 100, 10, 80, 75 ms: buckets 2^27 (4 spans) and 2^24 (1 span).
    // Every step is listed; a step without spans is 0, as Tempo answers.
    expect(values(res, 1)).toEqual([0, 2 ** 27 / 1e9, 2 ** 27 / 1e9, 0]);
    expect(values(res, 0)[1]).toBeCloseTo(Math.pow(2, 24 + 3 * (2 / 4)) / 1e9, 12);
  });

  it('applies comparison filters and topk/bottomk left to right', () => {
    const byService = '{} | count_over_time() by (resource.service.name)';
    expect(ok(evaluateMetrics(parse(`${byService} | topk(1)`), traces, range)).series).toHaveLength(1);
    expect(ok(evaluateMetrics(parse(`${byService} > 0`), traces, range)).series.map((s) => s.samples.length)).toEqual([
      2, 2, 2, 2, 2,
    ]);
    expect(ok(evaluateMetrics(parse(`${byService} > 1`), traces, range)).series).toEqual([]);
    const rate = ok(evaluateMetrics(parse('{} | rate() > 0.4'), traces, range));
    expect(values(rate)).toEqual([0.5, 0.5]);
  });

  it('does arithmetic between queries, NaN (left out) for division by zero', () => {
    const res = ok(evaluateMetrics(parse('({ status = error } | rate()) / ({} | rate())'), traces, range));
    expect(values(res)).toEqual([0.4, 0.4]);
    expect(values(ok(evaluateMetrics(parse('100 * ({ status = error } | count_over_time())'), traces, range)))).toEqual(
      [0, 200, 200, 0]
    );
  });

  it('matches series by labels and applies an unlabeled side to every series', () => {
    const res = ok(
      evaluateMetrics(
        parse(
          '({ status = error } | count_over_time() by (resource.service.name)) / ({ status = error } | count_over_time())'
        ),
        traces,
        range
      )
    );
    expect(res.series.map((s) => [s.promLabels, s.samples.map((x) => x.value)])).toEqual([
      ['{resource.service.name="user-service"}', [0.5, 0.5]],
      ['{resource.service.name="database"}', [0.5, 0.5]],
    ]);
  });

  it('attaches exemplars with trace:id, at most 2 per step', () => {
    const many = Array.from({ length: 6 }, (_v, i) => at(i + 1, 1n * S + BigInt(i)));
    const res = ok(evaluateMetrics(parse('{} | rate()'), many, range));
    const ex = res.series[0].exemplars;
    expect(ex).toHaveLength(2);
    expect(ex[0].labels[0]).toEqual({ key: 'trace:id', value: { stringValue: many[0].traceId } });
    expect(ex[0].value).toBe(res.series[0].samples[1].value);
    expect(ok(evaluateMetrics(parse('{} | rate() with(exemplars=false)'), many, range)).series[0].exemplars).toEqual(
      []
    );
  });

  it('counts no span after the aligned end', () => {
    const late = [at(3, 40n * S)];
    expect(ok(evaluateMetrics(parse('{} | count_over_time()'), late, range)).series).toEqual([]);
  });

  it('answers instant queries over the whole range', () => {
    const r = evaluateMetricsInstant(parse('{} | count_over_time() by (span:kind)'), traces, {
      start: T0,
      end: T0 + 30n * S,
    });
    expect(r.ok && r.response.series).toEqual([
      {
        labels: [{ key: 'span:kind', value: { stringValue: 'server' } }],
        promLabels: '{span:kind="server"}',
        value: 8,
      },
      {
        labels: [{ key: 'span:kind', value: { stringValue: 'client' } }],
        promLabels: '{span:kind="client"}',
        value: 2,
      },
    ]);
  });

  it('returns errors as values', () => {
    expect(evaluateMetrics(parse('{} | rate()'), traces, { ...range, step: 0 }).ok).toBe(false);
    expect(evaluateMetrics(parse('{}'), traces, range).ok).toBe(false);
    expect(evaluateMetrics(parse('{} | rate()'), traces, { ...range, end: range.start }).ok).toBe(false);
  });

  it('weights spans by their tracestate threshold with(extrapolate=true)', () => {
    expect(adjustedCount('ot=th:8')).toBe(2);
    expect(adjustedCount('vendor=x,ot=th:c;rv:abc')).toBe(4);
    expect(adjustedCount('')).toBe(1);
    const sampled = buildTrace({ startUnixNano: T0 + S, root: { name: 'r', traceState: 'ot=th:c' } });
    expect(
      values(ok(evaluateMetrics(parse('{} | count_over_time() with(extrapolate=true)'), [sampled], range)))
    ).toEqual([0, 4, 0, 0]);
  });
});
