/**
 * Latency percentiles that stay exact on small sets and bounded in memory on large ones.
 *
 * Up to EXACT_LIMIT samples are kept as they are and percentiles are exact (nearest rank: the
 * smallest sample with at least p of all samples at or below it). Beyond that the samples move into
 * a log-linear histogram with BUCKETS_PER_OCTAVE buckets per doubling, so a percentile is off by at
 * most half a bucket (about 2.2% relative) and memory is bounded by the range of durations seen
 * (at most ~1,000 buckets from 1 ns to 10 days), not by the number of spans.
 */

const EXACT_LIMIT = 2048;
const BUCKETS_PER_OCTAVE = 16;
const LOG_BASE = Math.log(2) / BUCKETS_PER_OCTAVE;

function bucketOf(valueMs: number): number {
  // Durations below 1 ns share bucket 0's floor; they do not occur in real spans.
  return Math.floor(Math.log(Math.max(valueMs, 1e-6)) / LOG_BASE);
}

function bucketMidpoint(bucket: number): number {
  // Geometric midpoint: the best single guess for any value in a log-spaced bucket.
  return Math.exp((bucket + 0.5) * LOG_BASE);
}

export interface LatencySummary {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly p99Ms: number;
  readonly avgMs: number;
}

export class LatencyAccumulator {
  private exact: number[] | null = [];
  private readonly buckets = new Map<number, number>();
  private countValue = 0;
  private sum = 0;
  private min = Infinity;
  private max = -Infinity;

  get count(): number {
    return this.countValue;
  }

  /** True while every sample is still kept (percentiles are exact). */
  get isExact(): boolean {
    return this.exact !== null;
  }

  add(valueMs: number): void {
    if (!Number.isFinite(valueMs) || valueMs < 0) {
      return;
    }
    this.countValue++;
    this.sum += valueMs;
    this.min = Math.min(this.min, valueMs);
    this.max = Math.max(this.max, valueMs);
    if (this.exact) {
      this.exact.push(valueMs);
      if (this.exact.length > EXACT_LIMIT) {
        for (const v of this.exact) {
          this.addToHistogram(v);
        }
        this.exact = null;
      }
      return;
    }
    this.addToHistogram(valueMs);
  }

  /** Percentile p in (0, 1], or null when empty. */
  quantile(p: number): number | null {
    if (this.countValue === 0) {
      return null;
    }
    const rank = Math.max(1, Math.ceil(p * this.countValue));
    if (this.exact) {
      const sorted = [...this.exact].sort((a, b) => a - b);
      return sorted[rank - 1];
    }
    const keys = [...this.buckets.keys()].sort((a, b) => a - b);
    let seen = 0;
    for (const key of keys) {
      seen += this.buckets.get(key) ?? 0;
      if (seen >= rank) {
        return Math.min(this.max, Math.max(this.min, bucketMidpoint(key)));
      }
    }
    return this.max;
  }

  summary(): LatencySummary | null {
    if (this.countValue === 0) {
      return null;
    }
    if (this.exact) {
      // Sort once for all three percentiles.
      const sorted = [...this.exact].sort((a, b) => a - b);
      const at = (p: number) => sorted[Math.max(1, Math.ceil(p * sorted.length)) - 1];
      return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), avgMs: this.sum / this.countValue };
    }
    return {
      p50Ms: this.quantile(0.5) ?? 0,
      p95Ms: this.quantile(0.95) ?? 0,
      p99Ms: this.quantile(0.99) ?? 0,
      avgMs: this.sum / this.countValue,
    };
  }

  /** A copy holding the same samples, so a snapshot can be merged into without changing this one. */
  clone(): LatencyAccumulator {
    const c = new LatencyAccumulator();
    c.merge(this);
    return c;
  }

  /** Adds every sample of `other` (its exact values, or its histogram once it has one). */
  merge(other: LatencyAccumulator): void {
    if (other.exact) {
      for (const v of other.exact) {
        this.add(v);
      }
      return;
    }
    if (this.exact) {
      for (const v of this.exact) {
        this.addToHistogram(v);
      }
      this.exact = null;
    }
    for (const [b, n] of other.buckets) {
      this.buckets.set(b, (this.buckets.get(b) ?? 0) + n);
    }
    this.countValue += other.countValue;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
  }

  private addToHistogram(valueMs: number): void {
    const b = bucketOf(valueMs);
    this.buckets.set(b, (this.buckets.get(b) ?? 0) + 1);
  }
}
