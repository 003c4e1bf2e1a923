/**
 * Tempo's histogram buckets: powers of two. A value goes to the smallest power of two at or above
 * it; durations are bucketed in nanoseconds and labelled in seconds. Values below 2 are dropped.
 */
import type { Value } from '../values';

export function log2Bucket(v: number): number {
  if (!(v >= 2)) {
    return -1;
  }
  let b = 2;
  while (b < v) {
    b *= 2;
  }
  return b;
}

/** The `__bucket` label value for a measured value, or null when Tempo would drop the span. */
export function bucketOf(v: Value): number | null {
  if (v.t === 'duration') {
    const b = log2Bucket(Math.round(v.v));
    return b < 0 ? null : b / 1e9;
  }
  if (v.t === 'int') {
    const b = log2Bucket(Number(v.v));
    return b < 0 ? null : b;
  }
  // Floats have no bucket scheme in Tempo; such spans are not counted.
  return null;
}

export interface HistogramBucket {
  readonly max: number;
  readonly count: number;
}

/**
 * Quantile from power-of-two buckets (sorted by max), interpolating exponentially inside the bucket
 * the quantile falls in, as Tempo does. NaN when there are no samples.
 */
export function log2Quantile(p: number, buckets: readonly HistogramBucket[]): number {
  if (Number.isNaN(p) || p < 0 || p > 1 || buckets.length === 0) {
    return NaN;
  }
  const total = buckets.reduce((n, b) => n + b.count, 0);
  if (total === 0) {
    return NaN;
  }
  const maxSamples = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  let bucket = 0;
  for (let i = 0; i < buckets.length; i++) {
    bucket = i;
    if (seen + buckets[i].count > maxSamples) {
      break;
    }
    seen += buckets[i].count;
    if (seen === maxSamples) {
      return buckets[i].max;
    }
  }
  const frac = (maxSamples - seen) / buckets[bucket].count;
  const hi = Math.log2(buckets[bucket].max);
  const lo = bucket > 0 ? Math.log2(buckets[bucket - 1].max) : hi - 1;
  return Math.pow(2, lo + (hi - lo) * frac);
}
