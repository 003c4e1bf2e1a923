/**
 * Log-scale duration buckets that line up with Tempo's `histogram_over_time`: Tempo puts a value v
 * (nanoseconds) in the bucket whose upper bound is 2^ceil(log2 v), so bucket k holds (2^(k-1), 2^k].
 * Resolution r splits each of those into 2^r equal sub-buckets, so at r = 0 the bounds are exactly
 * Tempo's and at higher r every Tempo bucket boundary is still a boundary here.
 *
 * All arithmetic is on integers below 2^53 (and divisions by powers of two), so edges are exact:
 * a value equal to a bound belongs to the bucket that bound closes.
 */

/** Tempo drops values below 2 ns from histograms; we keep them in this bucket so no span is lost. */
export const SUB_NANOSECOND_BUCKET = -1;

export interface BucketScale {
  /** Sub-buckets per power of two, as log2 (0 = Tempo's buckets). */
  readonly resolution: number;
}

/** 2^k for k in 0..64, so the hot loop does table reads instead of Math.pow. */
const POW2: Float64Array = Float64Array.from({ length: 65 }, (_v, k) => 2 ** k);

/** ceil(log2(v)) for an integer v >= 2, exact for v up to 2^53. */
export function ceilLog2(v: number): number {
  let k = Math.ceil(Math.log2(v));
  // Math.log2 can be off by one ulp near powers of two: correct with exact integer comparisons.
  if (k > 0 && POW2[k - 1] >= v) {
    k--;
  } else if (POW2[k] < v) {
    k++;
  }
  return k;
}

/**
 * A bucket id orders buckets: id = k * 2^r + j, where k is the power-of-two bucket and j the
 * sub-bucket within it. Values below 2 ns get SUB_NANOSECOND_BUCKET.
 */
export function bucketId(durationNs: number, scale: BucketScale): number {
  if (!(durationNs >= 2)) {
    return SUB_NANOSECOND_BUCKET;
  }
  const v = Number.isInteger(durationNs) ? durationNs : Math.round(durationNs);
  const k = ceilLog2(v);
  const r = scale.resolution;
  if (r === 0) {
    return k;
  }
  const lower = POW2[k - 1];
  const width = lower / POW2[r];
  // v is in (lower, 2*lower]; sub-bucket j covers (lower + j*width, lower + (j+1)*width].
  const j = Math.min(POW2[r] - 1, Math.max(0, Math.ceil((v - lower) / width) - 1));
  return k * POW2[r] + j;
}

/** Bounds (lower exclusive, upper inclusive) of a bucket id, in nanoseconds. */
export function bucketBounds(id: number, scale: BucketScale): { lowerNs: number; upperNs: number } {
  if (id === SUB_NANOSECOND_BUCKET) {
    return { lowerNs: 0, upperNs: 1 };
  }
  const r = scale.resolution;
  const k = Math.floor(id / 2 ** r);
  const j = id - k * 2 ** r;
  if (r === 0 || k === 0) {
    return { lowerNs: k === 0 ? 1 : 2 ** (k - 1), upperNs: 2 ** k };
  }
  const lower = 2 ** (k - 1);
  const width = lower / 2 ** r;
  return { lowerNs: lower + j * width, upperNs: lower + (j + 1) * width };
}

/** Tempo's `__bucket` label for duration histograms: the upper bound in seconds. */
export function tempoBucketLabel(id: number): number {
  return bucketBounds(id, { resolution: 0 }).upperNs / 1e9;
}
