import { SUB_NANOSECOND_BUCKET, bucketBounds, bucketId } from './buckets';

/** Durations bucketed into time columns × log-duration rows, with exemplars and percentiles. */
export interface LatencyHeatmap {
  readonly startMs: number;
  readonly stepMs: number;
  readonly columns: number;
  readonly resolution: number;
  /** Bucket ids of the rows, ascending and contiguous (so the y axis has no gaps). */
  readonly rows: readonly number[];
  /** counts[column * rows.length + row]. */
  readonly counts: Uint32Array;
  /** Up to `exemplarsPerCell` distinct trace ids per non-empty cell, keyed like `counts`. */
  readonly exemplars: ReadonlyMap<number, readonly string[]>;
  /** Exact percentiles (nearest rank) per column (NaN where a column is empty) and overall. */
  readonly percentiles: ReadonlyArray<{
    readonly p: number;
    readonly byColumn: Float64Array;
    readonly overall: number;
  }>;
  /** Samples counted in the grid. */
  readonly total: number;
  /** Samples whose start fell outside [startMs, endMs): reported, never silently lost. */
  readonly outOfRange: number;
  readonly maxCount: number;
}

export interface HeatmapOptions {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepMs: number;
  /** Sub-buckets per power of two as log2; 0 gives exactly Tempo's histogram_over_time buckets. */
  readonly resolution?: number;
  readonly exemplarsPerCell?: number;
  /** Percentiles in 0..100; default p50, p95, p99. */
  readonly percentiles?: readonly number[];
}

/** Columnar input: cheap to build from frames and to fill from a million spans. */
export interface LatencyColumns {
  readonly length: number;
  readonly startMs: ArrayLike<number>;
  readonly durationNs: ArrayLike<number>;
  readonly traceIds?: ArrayLike<string>;
}

export const DEFAULT_PERCENTILES: readonly number[] = [50, 95, 99];

/** Nearest-rank percentile of an ascending array slice. */
export function nearestRank(sorted: ArrayLike<number>, from: number, to: number, p: number): number {
  const n = to - from;
  if (n <= 0) {
    return NaN;
  }
  const rank = Math.min(n, Math.max(1, Math.ceil((p / 100) * n)));
  return sorted[from + rank - 1];
}

/**
 * The nearest-rank percentile of values[from, to) by quickselect: expected linear time. It reorders
 * that slice in place (the caller owns the buffer), which keeps later selections on it cheap.
 */
export function selectRank(values: Float64Array, from: number, to: number, p: number): number {
  const n = to - from;
  if (n <= 0) {
    return NaN;
  }
  const k = from + Math.min(n, Math.max(1, Math.ceil((p / 100) * n))) - 1;
  let lo = from;
  let hi = to - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) {
        i++;
      }
      while (values[j] > pivot) {
        j--;
      }
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) {
      hi = j;
    } else if (k >= i) {
      lo = i;
    } else {
      break;
    }
  }
  return values[k];
}

export function buildLatencyHeatmap(input: LatencyColumns, options: HeatmapOptions): LatencyHeatmap {
  const { startMs, endMs } = options;
  const stepMs = Math.max(1, options.stepMs);
  const resolution = Math.max(0, Math.min(4, Math.floor(options.resolution ?? 0)));
  const scale = { resolution };
  const columns = Math.max(1, Math.ceil((endMs - startMs) / stepMs));
  const n = input.length;
  const wantExemplars = Math.max(0, options.exemplarsPerCell ?? 3);
  const percentiles = options.percentiles ?? DEFAULT_PERCENTILES;

  // Pass 1: column and bucket of every sample; the bucket range sizes the grid.
  const col = new Int32Array(n);
  const bucket = new Int32Array(n);
  let minBucket = Infinity;
  let maxBucket = -Infinity;
  let outOfRange = 0;
  for (let i = 0; i < n; i++) {
    const t = input.startMs[i];
    if (!(t >= startMs && t < endMs)) {
      col[i] = -1;
      outOfRange++;
      continue;
    }
    col[i] = Math.min(columns - 1, Math.floor((t - startMs) / stepMs));
    const b = bucketId(input.durationNs[i], scale);
    bucket[i] = b;
    if (b < minBucket) {
      minBucket = b;
    }
    if (b > maxBucket) {
      maxBucket = b;
    }
  }
  const total = n - outOfRange;
  // Contiguous rows so the y axis has no gaps; ids for k = 0 (below 2 ns, other than the
  // sub-nanosecond bucket itself) never occur and are skipped.
  const rows: number[] = [];
  if (total > 0) {
    const firstReal = 2 ** resolution;
    for (let b = minBucket; b <= maxBucket; b++) {
      if (b === SUB_NANOSECOND_BUCKET || b >= firstReal) {
        rows.push(b);
      }
    }
  }
  // Bucket id → row without a Map lookup per sample: rows are contiguous from rows[0].
  const firstRow = rows.length > 0 ? rows[0] : 0;
  const rowOffset = new Int32Array(rows.length > 0 ? rows[rows.length - 1] - firstRow + 1 : 0).fill(-1);
  rows.forEach((b, i) => (rowOffset[b - firstRow] = i));
  const rowCount = rows.length;

  // Pass 2: counts, exemplars, and per-column duration groups for exact percentiles.
  const counts = new Uint32Array(columns * rowCount);
  const exemplarLists: Array<string[] | undefined> = new Array(counts.length);
  const perColumn = new Int32Array(columns + 1);
  const traceIds = wantExemplars > 0 ? input.traceIds : undefined;
  let maxCount = 0;
  for (let i = 0; i < n; i++) {
    const c = col[i];
    if (c < 0) {
      continue;
    }
    const cell = c * rowCount + rowOffset[bucket[i] - firstRow];
    const count = ++counts[cell];
    if (count > maxCount) {
      maxCount = count;
    }
    perColumn[c + 1]++;
    if (traceIds) {
      const list = exemplarLists[cell];
      if (list === undefined) {
        exemplarLists[cell] = [traceIds[i]];
      } else if (list.length < wantExemplars) {
        const id = traceIds[i];
        if (!list.includes(id)) {
          list.push(id);
        }
      }
    }
  }
  const exemplars = new Map<number, string[]>();
  exemplarLists.forEach((list, cell) => list && exemplars.set(cell, list));
  for (let c = 0; c < columns; c++) {
    perColumn[c + 1] += perColumn[c];
  }
  const grouped = new Float64Array(total);
  const cursor = perColumn.slice(0, columns);
  for (let i = 0; i < n; i++) {
    const c = col[i];
    if (c >= 0) {
      grouped[cursor[c]++] = input.durationNs[i];
    }
  }
  // Exact nearest-rank percentiles by selection (linear per percentile), not by sorting. Column
  // selections only reorder inside their column's slice; the overall ones use a copy, since they
  // move values across column boundaries.
  const byColumns = percentiles.map((p) => {
    const byColumn = new Float64Array(columns);
    for (let c = 0; c < columns; c++) {
      byColumn[c] = selectRank(grouped, perColumn[c], perColumn[c + 1], p);
    }
    return byColumn;
  });
  const all = grouped.slice();
  const pct = percentiles.map((p, i) => ({ p, byColumn: byColumns[i], overall: selectRank(all, 0, total, p) }));

  return {
    startMs,
    stepMs,
    columns,
    resolution,
    rows,
    counts,
    exemplars,
    percentiles: pct,
    total,
    outOfRange,
    maxCount,
  };
}

/** The duration range a heatmap row stands for. */
export function rowBounds(heatmap: LatencyHeatmap, row: number): { lowerNs: number; upperNs: number } {
  return bucketBounds(heatmap.rows[row], { resolution: heatmap.resolution });
}

/** Time range of a column. */
export function columnRange(heatmap: LatencyHeatmap, column: number): { fromMs: number; toMs: number } {
  const fromMs = heatmap.startMs + column * heatmap.stepMs;
  return { fromMs, toMs: fromMs + heatmap.stepMs };
}
