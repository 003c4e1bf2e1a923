import { parse } from '../testing/parse';
import { buildTrace } from '../testing/traceBuilder';
import { evaluateMetrics } from './evaluateMetrics';

/*
 * topk/bottomk on ties, worked by hand. Range [T0, T0+20s], step 10s (samples T0, T0+10s, T0+20s).
 * Spans, in this order: k=b at T0+5s, k=a at T0+6s, k=a at T0+15s.
 * count by k: b [0, 1, 0], a [0, 1, 1]: tied at T0 (0 = 0) and at T0+10s (1 = 1).
 * The series for b is seen first, so keeping the first-seen series on a tie would pick b.
 */
const S = 1_000_000_000n;
const T0 = 1_704_067_200n * S;
const traces = [
  { at: 5n, k: 'b' },
  { at: 6n, k: 'a' },
  { at: 15n, k: 'a' },
].map((x, i) => buildTrace({ seq: i + 1, startUnixNano: T0 + x.at * S, root: { attributes: { k: x.k } } }));
const range = { start: T0, end: T0 + 20n * S, step: 10e9 };

function answer(q: string, input = traces): Array<[string, number[]]> {
  const r = evaluateMetrics(parse(q), input, range);
  if (!r.ok) {
    throw r.error;
  }
  return r.response.series.map((s) => [s.promLabels, s.samples.map((x) => x.value)]);
}

describe('topk/bottomk on equal values', () => {
  // Both orders of the input: the answer must not depend on which series was seen first.
  it.each([
    ['b seen first', traces],
    ['a seen first', [...traces].reverse()],
  ])('topk keeps the alphabetically earlier label value, as Tempo does (%s)', (_order, input) => {
    expect(answer('{} | count_over_time() by (span.k) | topk(1)', input)).toEqual([['{span.k="a"}', [0, 1, 1]]]);
  });

  it.each([
    ['b seen first', traces],
    ['a seen first', [...traces].reverse()],
  ])('bottomk keeps the alphabetically later label value, as Tempo does (%s)', (_order, input) => {
    expect(answer('{} | count_over_time() by (span.k) | bottomk(1)', input)).toEqual([['{span.k="b"}', [0, 1, 0]]]);
  });
});

describe('second stages on a parenthesised query or on arithmetic', () => {
  it('filters the points of a parenthesised query: ({} | count_over_time()) > 1', () => {
    // count: [0, 2, 1].
    expect(answer('({} | count_over_time()) > 1')).toEqual([['{__name__="count_over_time"}', [2]]]);
  });

  it('filters the result of arithmetic, not its sides', () => {
    // a / all = [0/0, 1/2, 1/1]: only the last point passes > 0.6 (a side alone would pass at both).
    expect(answer('({ span.k = "a" } | count_over_time()) / ({} | count_over_time()) > 0.6')).toEqual([
      ['{__name__="(count_over_time / count_over_time)"}', [1]],
    ]);
  });

  it('ranks the result of arithmetic with topk', () => {
    // doubled counts: a [0, 2, 2], b [0, 2, 0]; ties go to a.
    expect(answer('({} | count_over_time() by (span.k)) + ({} | count_over_time() by (span.k)) | topk(1)')).toEqual([
      ['{span.k="a"}', [0, 2, 2]],
    ]);
  });
});
