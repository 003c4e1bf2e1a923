import fc from 'fast-check';
import type { Trace } from '../../model/types';
import { parse } from '../testing/parse';
import { buildTrace } from '../testing/traceBuilder';
import { evaluateMetrics, evaluateMetricsInstant } from './evaluateMetrics';
import type { MetricsResponse } from './metricsResponse';

/*
 * Every metrics function under Tempo's 2.9+ time convention (timeGrid.ts), on one-span traces at
 * the boundaries. Expected values are worked out by hand below; none come from running the engine.
 *
 * Range [T0, T0+30s], step 10s: samples stamped T0, T0+10s, T0+20s, T0+30s; sample t holds span
 * starts in (t-10s, t].
 *
 *   span  start            duration   span.k  span.x  sample
 *   a     T0-10s           2^30 ns    a       -       none (exactly t-step of the first sample)
 *   b     T0-9s            2^20 ns    a       -       T0
 *   c     T0               2^22 ns    a       1       T0   (the start, a stamp)
 *   d     T0+10s           2^21 ns    b       -       T0+10s (exactly a stamp)
 *   e     T0+10s+1ns       2^23 ns    b       -       T0+20s
 *   f     T0+30s           2^24 ns    b       1       T0+30s (the end)
 *   g     T0+30s+1ns       2^30 ns    b       -       none (after the end)
 *
 * Under the old rule ([t, t+s) stamped t, plus a trailing step) count_over_time would have been
 * [1, 2, 0, 2]: c; d, e; none; f, g.
 */
const S = 1_000_000_000n;
const T0 = 1_704_067_200n * S;
const P = (n: number) => 2 ** n / 1e9; // a power-of-two duration in seconds

interface Row {
  readonly name: string;
  readonly offset: bigint;
  readonly log2Duration: number;
  readonly k: string;
  readonly x?: number;
}
const ROWS: readonly Row[] = [
  { name: 'a', offset: -10n * S, log2Duration: 30, k: 'a' },
  { name: 'b', offset: -9n * S, log2Duration: 20, k: 'a' },
  { name: 'c', offset: 0n, log2Duration: 22, k: 'a', x: 1 },
  { name: 'd', offset: 10n * S, log2Duration: 21, k: 'b' },
  { name: 'e', offset: 10n * S + 1n, log2Duration: 23, k: 'b' },
  { name: 'f', offset: 30n * S, log2Duration: 24, k: 'b', x: 1 },
  { name: 'g', offset: 30n * S + 1n, log2Duration: 30, k: 'b' },
];

const traces: Trace[] = ROWS.map((r, i) =>
  buildTrace({
    seq: i + 1,
    startUnixNano: T0 + r.offset,
    root: {
      name: r.name,
      durationNanos: 2 ** r.log2Duration,
      attributes: r.x === undefined ? { k: r.k } : { k: r.k, x: r.x },
    },
  })
);

const range = { start: T0, end: T0 + 30n * S, step: 10e9 };
const stamps = [0n, 10n, 20n, 30n].map((o) => ((T0 + o * S) / 1_000_000n).toString());

function run(q: string, r: { start: bigint; end: bigint; step: number } = range): MetricsResponse {
  const out = evaluateMetrics(parse(q), traces, r);
  if (!out.ok) {
    throw out.error;
  }
  return out.response;
}

/** Samples of the one series whose labels print as `key`, as [stamp index, value] pairs. */
function samples(res: MetricsResponse, key?: string): Array<[number, number]> {
  const s = key === undefined ? res.series[0] : res.series.find((x) => x.promLabels === key);
  if (s === undefined) {
    throw new Error(`no series ${key}; have ${res.series.map((x) => x.promLabels).join(' ')}`);
  }
  return s.samples.map((x) => [stamps.indexOf(x.timestampMs), x.value]);
}

describe('metrics functions under the (t - step, t] convention (table)', () => {
  it.each<[string, Array<[number, number]>]>([
    [
      '{} | count_over_time()',
      [
        [0, 2],
        [1, 1],
        [2, 1],
        [3, 1],
      ],
    ],
    [
      '{} | rate()',
      [
        [0, 0.2],
        [1, 0.1],
        [2, 0.1],
        [3, 0.1],
      ],
    ],
    [
      '{} | min_over_time(duration)',
      [
        [0, P(20)],
        [1, P(21)],
        [2, P(23)],
        [3, P(24)],
      ],
    ],
    [
      '{} | max_over_time(duration)',
      [
        [0, P(22)],
        [1, P(21)],
        [2, P(23)],
        [3, P(24)],
      ],
    ],
    [
      '{} | sum_over_time(duration)',
      [
        [0, P(20) + P(22)],
        [1, P(21)],
        [2, P(23)],
        [3, P(24)],
      ],
    ],
    [
      '{} | avg_over_time(duration)',
      [
        [0, (P(20) + P(22)) / 2],
        [1, P(21)],
        [2, P(23)],
        [3, P(24)],
      ],
    ],
    // One bucket per step except the first, where p50 of {2^20, 2^22} reads exactly one sample.
    [
      '{} | quantile_over_time(duration, .5)',
      [
        [0, P(20)],
        [1, P(21)],
        [2, P(23)],
        [3, P(24)],
      ],
    ],
    ['{} | count_over_time() > 1', [[0, 2]]],
  ])('%s', (q, expected) => {
    expect(samples(run(q))).toEqual(expected);
  });

  it('histogram_over_time(): one series per bucket, every step listed, empty steps 0', () => {
    const res = run('{} | histogram_over_time(duration)');
    const at = (b: number) => samples(res, `{__bucket="${P(b)}"}`).map(([, v]) => v);
    expect(at(20)).toEqual([1, 0, 0, 0]);
    expect(at(22)).toEqual([1, 0, 0, 0]);
    expect(at(21)).toEqual([0, 1, 0, 0]);
    expect(at(23)).toEqual([0, 0, 1, 0]);
    expect(at(24)).toEqual([0, 0, 0, 1]);
    expect(res.series).toHaveLength(5); // a and g (2^30) are outside
  });

  it('compare(): the selection and baseline fall in the same steps', () => {
    const res = run('{} | compare({ span.x = 1 })');
    expect(samples(res, '{__meta_type="selection", span.x="1"}').map(([, v]) => v)).toEqual([1, 0, 0, 1]);
    expect(samples(res, '{__meta_type="baseline_total", name="<nil>"}').map(([, v]) => v)).toEqual([1, 1, 1, 0]);
    expect(samples(res, '{__meta_type="selection_total", name="<nil>"}').map(([, v]) => v)).toEqual([1, 0, 0, 1]);
  });

  it('topk/bottomk pick per step over every listed step, zeros included', () => {
    // count by k: a = [2, 0, 0, 0] (b, c), b = [0, 1, 1, 1] (d, e, f).
    const top = run('{} | count_over_time() by (span.k) | topk(1)');
    expect(samples(top, '{span.k="a"}')).toEqual([[0, 2]]);
    expect(samples(top, '{span.k="b"}')).toEqual([
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    const bottom = run('{} | count_over_time() by (span.k) | bottomk(1)');
    expect(samples(bottom, '{span.k="b"}')).toEqual([[0, 0]]);
    expect(samples(bottom, '{span.k="a"}')).toEqual([
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
  });

  it('arithmetic between queries follows the same steps and is named after both sides', () => {
    const res = run('({ span.k = "a" } | count_over_time()) + ({ span.k = "b" } | count_over_time())');
    expect(res.series[0].promLabels).toBe('{__name__="(count_over_time + count_over_time)"}');
    expect(samples(res)).toEqual([
      [0, 2],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
  });

  it('exemplars sit in the step their span counts in', () => {
    const res = run('{} | count_over_time()');
    const byTime = new Map(res.series[0].exemplars.map((e) => [e.timestampMs, e.value]));
    // An exemplar of a count carries its step's value: b (T0-9s) is in the first step (2 spans),
    // f (T0+30s) in the last (1 span); a and g are outside and have none.
    expect(byTime.get(((T0 - 9n * S) / 1_000_000n).toString())).toBe(2);
    expect(byTime.get(((T0 + 30n * S) / 1_000_000n).toString())).toBe(1);
    expect(byTime.has(((T0 - 10n * S) / 1_000_000n).toString())).toBe(false);
    expect(res.series[0].exemplars).toHaveLength(5); // one per span inside: b and c, d, e, f
  });

  it('an unaligned range [T0+3s, T0+21s] counts on the aligned grid, outside the asked range too', () => {
    const q = '{} | count_over_time()';
    expect(run(q, { ...range, start: T0 + 3n * S, end: T0 + 21n * S })).toEqual(run(q));
  });

  it('empty steps: 0 for counts and quantiles, missing for *_over_time', () => {
    // Range [T0, T0+60s]: g (T0+30s+1ns) lands at T0+40s; T0+50s and T0+60s are empty.
    const wide = { ...range, end: T0 + 60n * S };
    expect(run('{} | count_over_time()', wide).series[0].samples.map((s) => s.value)).toEqual([2, 1, 1, 1, 1, 0, 0]);
    expect(run('{} | quantile_over_time(duration, .5)', wide).series[0].samples.map((s) => s.value)).toEqual([
      P(20),
      P(21),
      P(23),
      P(24),
      P(30),
      0,
      0,
    ]);
    expect(run('{} | min_over_time(duration)', wide).series[0].samples).toHaveLength(5);
  });
});

describe('instant queries count [start, end], both ends included', () => {
  const instant = (q: string, start: bigint, end: bigint) => {
    const r = evaluateMetricsInstant(parse(q), traces, { start, end });
    if (!r.ok) {
      throw r.error;
    }
    return r.response.series.map((s) => [s.promLabels, s.value]);
  };

  it('includes spans exactly at the start and exactly at the end', () => {
    // [T0-9s, T0+30s] holds b, c, d, e, f; a is before, g after.
    expect(instant('{} | count_over_time()', T0 - 9n * S, T0 + 30n * S)).toEqual([['{__name__="count_over_time"}', 5]]);
  });

  it('leaves out a span one ns before the start or after the end', () => {
    expect(instant('{} | count_over_time()', T0 - 9n * S + 1n, T0 + 30n * S - 1n)).toEqual([
      ['{__name__="count_over_time"}', 3],
    ]);
  });

  it('rate() divides by the instant range', () => {
    expect(instant('{} | rate()', T0 - 9n * S, T0 + 30n * S)).toEqual([['{__name__="rate"}', 5 / 39]]);
  });
});

describe('count_over_time() (property)', () => {
  it('counts each span inside the covered interval once and none outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(fc.integer({ min: -40, max: 160 }), { maxLength: 30 }),
        (stepS, fromS, lengthS, offsetsS) => {
          const step = BigInt(stepS) * S;
          const from = T0 + BigInt(fromS) * S;
          const to = from + BigInt(lengthS) * S;
          // Spans on whole half-seconds, so many fall exactly on boundaries.
          const starts = offsetsS.map((o) => from + (BigInt(o) * S) / 2n);
          const spans = starts.map((t, i) => buildTrace({ seq: i + 1, startUnixNano: t, root: { name: 'x' } }));
          // The covered interval, from the rule: (floor(from) - step, ceil(to)].
          const lower = (from / step) * step - step;
          const upper = ((to + step - 1n) / step) * step;
          const inside = starts.filter((t) => t > lower && t <= upper).length;
          const r = evaluateMetrics(parse('{} | count_over_time()'), spans, {
            start: from,
            end: to,
            step: Number(step),
          });
          if (!r.ok) {
            throw r.error;
          }
          const total = r.response.series.reduce((n, s) => n + s.samples.reduce((m, x) => m + x.value, 0), 0);
          expect(total).toBe(inside);
          for (const s of r.response.series) {
            for (const x of s.samples) {
              const stamp = BigInt(x.timestampMs) * 1_000_000n;
              const inStep = starts.filter((t) => t > stamp - step && t <= stamp).length;
              expect(x.value).toBe(inStep);
            }
          }
        }
      ),
      { seed: 2090, numRuns: 200 }
    );
  });
});
