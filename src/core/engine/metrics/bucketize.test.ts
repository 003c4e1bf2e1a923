import fc from 'fast-check';
import type { Value } from '../values';
import { bucketOf, type HistogramBucket, log2Bucket, log2Quantile } from './bucketize';

const h = (...pairs: Array<[number, number]>): HistogramBucket[] => pairs.map(([max, count]) => ({ max, count }));

describe('log2Bucket, worked by hand', () => {
  it.each<[number | bigint, number]>([
    [2, 2], // 2 = 2^1, its own bucket
    [3, 4], // 2 < 3 <= 4
    [4, 4], // 4 = 2^2
    [5, 8], // 4 < 5 <= 8
    [1000, 1024], // 512 < 1000 <= 1024
    [1024, 1024], // 2^10
    [1025, 2048], // 1024 < 1025 <= 2048
    [2.5, 4], // a fraction above 2: 2 < 2.5 <= 4
    [2 ** 40 + 1, 2 ** 41], // just past a large power: 2^40 < 2^40 + 1 <= 2^41
    [2 ** 52 + 1, 2 ** 53], // where float log2 alone rounds down to 52
    [2n ** 60n, 2 ** 60], // bigint ints stay exact
    [2n ** 60n + 1n, 2 ** 61], // 2^60 + 1 is not a double; as a bigint it is past 2^60
    [9223372036854775807n, 2 ** 63], // the largest int64: 2^62 < 2^63 - 1 <= 2^63
  ])('%p goes to bucket %p', (v, bound) => {
    expect(log2Bucket(v)).toBe(bound);
  });

  it.each<number | bigint>([1.999, 1, 0, -1, -8, NaN, 1n, 0n, -5n])('drops %p (below 2)', (v) => {
    expect(log2Bucket(v)).toBe(-1);
  });
});

describe('bucketOf, worked by hand', () => {
  it.each<[Value, number | null]>([
    // 1.5 ms = 1,500,000 ns; 2^20 = 1,048,576 < 1,500,000 <= 2^21 = 2,097,152; in seconds 0.002097152
    [{ t: 'duration', v: 1_500_000 }, 0.002097152],
    // 2^30 ns is its own bucket: 1,073,741,824 ns = 1.073741824 s
    [{ t: 'duration', v: 2 ** 30 }, 1.073741824],
    // 2.4 ns rounds to 2 ns, bucket 2 ns = 2e-9 s
    [{ t: 'duration', v: 2.4 }, 2e-9],
    // 1.4 ns rounds to 1 ns: below 2, dropped
    [{ t: 'duration', v: 1.4 }, null],
    [{ t: 'duration', v: 0 }, null],
    [{ t: 'int', v: 100 }, 128], // 64 < 100 <= 128
    [{ t: 'int', v: 1 }, null],
    [{ t: 'int', v: -100 }, null], // Tempo files this in its top bucket; we drop it (see the spec)
    [{ t: 'int', v: 2n ** 62n + 5n }, 2 ** 63],
    [{ t: 'float', v: 100.5 }, null], // floats are never bucketed
    [{ t: 'string', v: '100' }, null],
    [{ t: 'nil' }, null],
  ])('%p is in bucket %p', (v, bound) => {
    expect(bucketOf(v)).toBe(bound);
  });
});

describe('log2Quantile, worked by hand', () => {
  // Buckets 4:1, 8:2, 16:1, total 4. Running counts 1, 3, 4.
  const three = h([4, 1], [8, 2], [16, 1]);

  it.each<[number, HistogramBucket[], number]>([
    // rank = ceil(0 × 4) = 0, raised to 1; bucket 4 ends at running count 1 = rank: its bound
    [0, three, 4],
    // rank = ceil(0.25 × 4) = 1: bucket 4 again
    [0.25, three, 4],
    // rank = ceil(0.3 × 4) = ceil(1.2) = 2: bucket 8 (running 3 > 2), share (2 − 1)/2 = 0.5,
    // between log2 4 = 2 and log2 8 = 3: 2^(2 + 0.5) = 2^2.5 = 5.656854249492381
    [0.3, three, 2 ** 2.5],
    // rank = ceil(0.5 × 4) = 2: the same point
    [0.5, three, 2 ** 2.5],
    // rank = 3 = running count of bucket 8: its bound
    [0.75, three, 8],
    // rank = ceil(3.6) = 4 = running count of bucket 16
    [0.9, three, 16],
    [1, three, 16],
    // One bucket 8:4. rank = ceil(0.5 × 4) = 2 < 4: share 2/4; the first bucket's lower edge is
    // half its bound, log2 4 = 2, so 2^(2 + 1 × 0.5) = 2^2.5
    [0.5, h([8, 4]), 2 ** 2.5],
    // rank 1, share 1/4: 2^(2 + 0.25) = 4.756828460010884
    [0.25, h([8, 4]), 2 ** 2.25],
    // rank 4 = count: the bound
    [1, h([8, 4]), 8],
    // Buckets 2:1, 1024:3 (empty buckets between them are not listed). rank = ceil(0.5 × 4) = 2,
    // in bucket 1024 with share (2 − 1)/3; the lower edge is the previous listed bound, 2, so
    // 2^(1 + (10 − 1) × 1/3) = 2^4 = 16, far below 512
    [0.5, h([2, 1], [1024, 3]), 16],
    // Three single samples: rank = ceil(0.5 × 3) = 2 = running count of bucket 4
    [0.5, h([2, 1], [4, 1], [8, 1]), 4],
    // Bounds in seconds: 2^20 ns and 2^21 ns, one sample each; rank 1 → the first bound
    [0.5, h([0.001048576, 1], [0.002097152, 1]), 0.001048576],
    // rank = ceil(0.75 × 2) = 2, the second bound exactly
    [0.75, h([0.001048576, 1], [0.002097152, 1]), 0.002097152],
    // A bucket with no samples is skipped: rank = ceil(0.5 × 2) = 1 = running count of bucket 4
    [0.5, h([2, 0], [4, 1], [8, 1]), 4],
    // Fractional weights 0.25 + 0.25: rank = max(1, ceil(0.25)) = 1 is more than the total,
    // so the top bound
    [0.5, h([4, 0.25], [8, 0.25]), 8],
  ])('p = %p of %j is %p', (p, buckets, expected) => {
    expect(log2Quantile(p, buckets)).toBeCloseTo(expected, 12);
  });

  it.each<[number, HistogramBucket[]]>([
    [-0.01, three],
    [1.01, three],
    [NaN, three],
    [0.5, []],
    [0.5, h([4, 0], [8, 0])],
  ])('p = %p of %j is NaN', (p, buckets) => {
    expect(log2Quantile(p, buckets)).toBeNaN();
  });
});

/** Histograms as Tempo builds them: distinct powers of two in rising order, each with samples. */
const histogram = fc
  .uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 12 })
  .chain((exps) =>
    fc.tuple(
      fc.constant([...exps].sort((a, b) => a - b)),
      fc.array(fc.integer({ min: 1, max: 50 }), { minLength: exps.length, maxLength: exps.length })
    )
  )
  .map(([exps, counts]) => exps.map((e, i) => ({ max: 2 ** e, count: counts[i] })));

const probability = fc.double({ min: 0, max: 1, noNaN: true });
const RUNS = { seed: 1414, numRuns: 500 };

/** Where the rank-th sample is: the bucket index and the samples below it. */
function locate(p: number, buckets: readonly HistogramBucket[]): { index: number; below: number } {
  const total = buckets.reduce((n, b) => n + b.count, 0);
  const rank = Math.max(1, Math.ceil(p * total));
  let below = 0;
  for (let index = 0; index < buckets.length; index++) {
    if (below + buckets[index].count >= rank) {
      return { index, below };
    }
    below += buckets[index].count;
  }
  throw new Error('rank past the last bucket');
}

describe('log2Quantile, properties', () => {
  it('rises with p', () => {
    fc.assert(
      fc.property(histogram, probability, probability, (buckets, a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(log2Quantile(lo, buckets)).toBeLessThanOrEqual(log2Quantile(hi, buckets));
      }),
      RUNS
    );
  });

  it('lies inside the bucket holding the rank: above its lower edge, at most its bound', () => {
    fc.assert(
      fc.property(histogram, probability, (buckets, p) => {
        const { index } = locate(p, buckets);
        const bound = buckets[index].max;
        const lowerEdge = index === 0 ? bound / 2 : buckets[index - 1].max;
        const q = log2Quantile(p, buckets);
        expect(q).toBeGreaterThan(lowerEdge * (1 - 1e-12));
        expect(q).toBeLessThanOrEqual(bound * (1 + 1e-12));
      }),
      RUNS
    );
  });

  it('is exactly the bound when p × total is a bucket’s running count', () => {
    fc.assert(
      fc.property(histogram, fc.nat(), (buckets, pick) => {
        const total = buckets.reduce((n, b) => n + b.count, 0);
        const index = pick % buckets.length;
        const running = buckets.slice(0, index + 1).reduce((n, b) => n + b.count, 0);
        const p = running / total;
        // Float division can leave p × total a hair above the running count; those p are not edges.
        fc.pre(Math.ceil(p * total) === running);
        expect(log2Quantile(p, buckets)).toBe(buckets[index].max);
      }),
      RUNS
    );
  });

  it('answers the bound of a one-sample histogram for every p, and of any value’s bucket', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }), probability, (v, p) => {
        const bound = log2Bucket(v);
        expect(bound).toBeGreaterThanOrEqual(v);
        expect(bound / 2).toBeLessThan(v);
        expect(Number.isInteger(Math.log2(bound))).toBe(true);
        expect(log2Quantile(p, h([bound, 1]))).toBe(bound);
      }),
      RUNS
    );
  });
});
