/**
 * Power-of-two histograms for `histogram_over_time` and `quantile_over_time`, with the results
 * Tempo gives for the same spans. The behaviour, in our words:
 *
 * Buckets. A bucket is named by its upper bound, a power of two; a value goes to the smallest power
 * of two that is at least the value, so 3 and 4 share bucket 4, and 5 goes to 8. A power of two is
 * its own bucket. Durations are bucketed in whole nanoseconds and the bound is then written in
 * seconds (2^30 ns is bucket 1.073741824); ints are bucketed as they are.
 *
 * Dropped values. A value below 2 (0, 1, anything negative, NaN) has no bucket and the span is not
 * counted. Floats are never bucketed (Tempo has no bucket scheme for them). One deliberate
 * difference: Tempo reads a negative int as a huge unsigned number and files it in the top bucket;
 * we drop it like every other value below 2.
 *
 * Quantile p of a histogram (buckets sorted by bound, each with a count):
 * - NaN when p is not in [0, 1], there are no buckets, or the counts add up to 0.
 * - The rank is ceil(p × total), and at least 1: the rank-th smallest sample is wanted.
 * - Walking the buckets in order, the answer lies in the first bucket whose running count reaches
 *   the rank. If the running count equals the rank exactly, the answer is that bucket's bound.
 * - Otherwise it is interpolated on a log scale between the bucket's lower edge and its bound, by
 *   the share of the bucket's samples needed to reach the rank: with `below` samples in earlier
 *   buckets and `count` in this one, the share is (rank − below) / count and the answer is
 *   2^(log2(lower) + (log2(bound) − log2(lower)) × share).
 * - The lower edge is the bound of the previous bucket in the list, whatever its value: with
 *   buckets 2 and 1024 only, the interpolation spans 2…1024, not 512…1024. (Tempo lists only the
 *   buckets that have samples at that step, so an empty bucket widens its neighbour.) The first
 *   bucket has no previous one and its lower edge is half its bound.
 * - Counts may be fractional (sampling weights); if they add up to less than the rank, the answer
 *   is the top bucket's bound.
 *
 * So the answer is never below half the first bound nor above the last bound, rises with p, and is
 * exactly a bucket's bound whenever p × total is that bucket's running count.
 */
import type { Value } from '../values';

/** The smallest power of two at or above `v`, or -1 when `v` is below 2 (not a number included). */
export function log2Bucket(v: number | bigint): number {
  if (typeof v === 'bigint') {
    return v < 2n ? -1 : bigintBucket(v);
  }
  if (!(v >= 2)) {
    return -1;
  }
  // Math.log2 can be off by one ulp near powers of two; the two checks make the result exact.
  let bound = 2 ** Math.ceil(Math.log2(v));
  if (bound / 2 >= v) {
    bound /= 2;
  } else if (bound < v) {
    bound *= 2;
  }
  return bound;
}

/** Exact for ints beyond 2^53: the bucket of v is 2^(bit length of v − 1). */
function bigintBucket(v: bigint): number {
  return 2 ** (v - 1n).toString(2).length;
}

/** The `__bucket` label value for a measured value, or null when the span is not counted. */
export function bucketOf(v: Value): number | null {
  switch (v.t) {
    case 'duration': {
      const bound = log2Bucket(Math.round(v.v));
      return bound < 0 ? null : bound / 1e9;
    }
    case 'int': {
      const bound = log2Bucket(v.v);
      return bound < 0 ? null : bound;
    }
    default:
      return null;
  }
}

export interface HistogramBucket {
  /** The bucket's upper bound (a power of two, or one scaled to seconds). */
  readonly max: number;
  readonly count: number;
}

/** Quantile `p` of power-of-two buckets sorted by bound; see the spec at the top of this file. */
export function log2Quantile(p: number, buckets: readonly HistogramBucket[]): number {
  if (!(p >= 0 && p <= 1) || buckets.length === 0) {
    return NaN;
  }
  let total = 0;
  for (const b of buckets) {
    total += b.count;
  }
  if (!(total > 0)) {
    return NaN;
  }
  const rank = Math.max(1, Math.ceil(p * total));
  let below = 0;
  for (let i = 0; i < buckets.length; i++) {
    const { max, count } = buckets[i];
    const through = below + count;
    if (through === rank) {
      return max;
    }
    if (through > rank) {
      const upper = Math.log2(max);
      const lower = i === 0 ? upper - 1 : Math.log2(buckets[i - 1].max);
      return 2 ** (lower + (upper - lower) * ((rank - below) / count));
    }
    below = through;
  }
  return buckets[buckets.length - 1].max;
}
