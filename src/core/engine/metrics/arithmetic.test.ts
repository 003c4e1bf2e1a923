import { parse } from '../testing/parse';
import { buildTrace } from '../testing/traceBuilder';
import { evaluateMetrics } from './evaluateMetrics';

/*
 * Arithmetic between metrics queries (rules in arithmetic.ts), worked by hand.
 * Range [T0, T0+20s], step 10s: samples stamped T0, T0+10s, T0+20s.
 *   p  T0+5s   span.k = a  2^20 ns  -> T0+10s
 *   q  T0+15s  span.k = b  2^21 ns  -> T0+20s
 *   r  T0+16s  span.k = a  2^22 ns  -> T0+20s
 * count: [0, 1, 2]; count by k: a [0, 1, 1], b [0, 0, 1]; min_over_time(duration): [-, 2^20, 2^21] ns.
 */
const S = 1_000_000_000n;
const T0 = 1_704_067_200n * S;
const traces = [
  { at: 5n, k: 'a', d: 20 },
  { at: 15n, k: 'b', d: 21 },
  { at: 16n, k: 'a', d: 22 },
].map((x, i) =>
  buildTrace({ seq: i + 1, startUnixNano: T0 + x.at * S, root: { durationNanos: 2 ** x.d, attributes: { k: x.k } } })
);
const range = { start: T0, end: T0 + 20n * S, step: 10e9 };

function answer(q: string): Array<[string, number[]]> {
  const r = evaluateMetrics(parse(q), traces, range);
  if (!r.ok) {
    throw r.error;
  }
  return r.response.series.map((s) => [s.promLabels, s.samples.map((x) => x.value)]);
}

describe('arithmetic between metrics queries', () => {
  it('names the result after both sides, e.g. (rate / rate); 0/0 leaves the step out', () => {
    expect(answer('({} | rate()) / ({} | rate())')).toEqual([['{__name__="(rate / rate)"}', [1, 1]]]);
  });

  it('names nested arithmetic after every query in it', () => {
    expect(answer('(({} | rate()) + ({} | rate())) / ({} | count_over_time())')).toEqual([
      ['{__name__="((rate + rate) / count_over_time)"}', [0.2, 0.2]],
    ]);
  });

  it('applies an unlabeled side to every labeled series, and the result has no name', () => {
    expect(answer('({} | count_over_time() by (span.k)) / ({} | count_over_time())')).toEqual([
      ['{span.k="a"}', [1, 0.5]],
      ['{span.k="b"}', [0, 0.5]],
    ]);
  });

  it('drops a series that has no partner on the other side', () => {
    expect(answer('({} | count_over_time() by (span.k)) + ({ span.k = "a" } | count_over_time() by (span.k))')).toEqual(
      [['{span.k="a"}', [0, 2, 2]]]
    );
  });

  it('counts a missing value as 0, so a step empty on one side still has a sample', () => {
    const p = (n: number) => 2 ** n / 1e9;
    expect(answer('({} | min_over_time(duration)) + ({} | count_over_time())')).toEqual([
      ['{__name__="(min_over_time + count_over_time)"}', [0, p(20) + 1, p(21) + 2]],
    ]);
  });

  it('keeps an infinite constant: (…) + (1.0/0) is +Inf at every step', () => {
    expect(answer('({} | count_over_time()) + (1.0/0)')).toEqual([
      ['{__name__="count_over_time"}', [Infinity, Infinity, Infinity]],
    ]);
  });

  it('applies a plain number to every series and keeps its labels', () => {
    expect(answer('100 * ({} | rate())')).toEqual([['{__name__="rate"}', [0, 10, 20]]]);
  });
});
