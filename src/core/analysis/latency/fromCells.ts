import { type LatencyHeatmap, rowBounds } from './heatmap';

/**
 * What the heatmap panel draws, whatever produced it: TraceLens samples bucketed here, or Grafana
 * `heatmap-cells` frames from another data source (Tempo's histogram_over_time, Prometheus).
 */
export interface HeatmapGrid {
  readonly startMs: number;
  readonly stepMs: number;
  readonly columns: number;
  readonly rowBounds: ReadonlyArray<{ readonly lowerNs: number; readonly upperNs: number }>;
  /** counts[column * rowBounds.length + row]. */
  readonly counts: ArrayLike<number>;
  readonly exemplars: ReadonlyMap<number, readonly string[]>;
  readonly percentiles: ReadonlyArray<{
    readonly p: number;
    readonly byColumn: ArrayLike<number>;
    readonly overall: number;
  }>;
  readonly total: number;
  readonly maxCount: number;
  readonly outOfRange: number;
  /** True when percentiles were interpolated from bucket counts rather than computed exactly. */
  readonly approximatePercentiles: boolean;
}

export interface HeatmapCell {
  /** End of the cell's time column (Grafana's xMax), ms since epoch. */
  readonly xMaxMs: number;
  readonly yMinNs: number;
  readonly yMaxNs: number;
  readonly count: number;
}

export function gridFromHeatmap(h: LatencyHeatmap): HeatmapGrid {
  return {
    startMs: h.startMs,
    stepMs: h.stepMs,
    columns: h.columns,
    rowBounds: h.rows.map((_b, i) => rowBounds(h, i)),
    counts: h.counts,
    exemplars: h.exemplars,
    percentiles: h.percentiles,
    total: h.total,
    maxCount: h.maxCount,
    outOfRange: h.outOfRange,
    approximatePercentiles: false,
  };
}

/**
 * Percentile from bucketed counts, interpolating geometrically inside the bucket (durations are
 * log-distributed, so this is closer than linear interpolation; Tempo does the same for quantiles).
 */
export function percentileFromBuckets(
  counts: ArrayLike<number>,
  bounds: ReadonlyArray<{ readonly lowerNs: number; readonly upperNs: number }>,
  p: number,
  offset = 0
): number {
  let total = 0;
  for (let i = 0; i < bounds.length; i++) {
    total += counts[offset + i];
  }
  if (total === 0) {
    return NaN;
  }
  const target = (p / 100) * total;
  let seen = 0;
  for (let i = 0; i < bounds.length; i++) {
    const c = counts[offset + i];
    if (c > 0 && seen + c >= target) {
      const { lowerNs, upperNs } = bounds[i];
      const fraction = (target - seen) / c;
      const lo = Math.max(lowerNs, 1);
      return lo * Math.pow(upperNs / lo, fraction);
    }
    seen += c;
  }
  return bounds[bounds.length - 1].upperNs;
}

/** Grafana heatmap cells (any data source) into the grid the panel draws. */
export function heatmapFromCells(
  cells: readonly HeatmapCell[],
  percentiles: readonly number[] = [50, 95, 99]
): HeatmapGrid {
  const xs = Array.from(new Set(cells.map((c) => c.xMaxMs))).sort((a, b) => a - b);
  const rowKey = (c: HeatmapCell) => `${c.yMinNs}:${c.yMaxNs}`;
  const rowMap = new Map<string, { lowerNs: number; upperNs: number }>();
  for (const c of cells) {
    rowMap.set(rowKey(c), { lowerNs: c.yMinNs, upperNs: c.yMaxNs });
  }
  const rowBoundsList = [...rowMap.values()].sort((a, b) => a.lowerNs - b.lowerNs || a.upperNs - b.upperNs);
  const rowIndex = new Map(rowBoundsList.map((b, i) => [`${b.lowerNs}:${b.upperNs}`, i]));
  const stepMs = xs.length > 1 ? Math.min(...xs.slice(1).map((x, i) => x - xs[i])) : 60_000;
  const startMs = (xs[0] ?? 0) - stepMs;
  const columns = xs.length ? Math.round((xs[xs.length - 1] - xs[0]) / stepMs) + 1 : 0;
  const counts = new Float64Array(columns * rowBoundsList.length);
  let total = 0;
  let maxCount = 0;
  for (const c of cells) {
    const column = Math.round((c.xMaxMs - xs[0]) / stepMs);
    const cell = column * rowBoundsList.length + (rowIndex.get(rowKey(c)) as number);
    counts[cell] += c.count;
    total += c.count;
    maxCount = Math.max(maxCount, counts[cell]);
  }
  const all = new Float64Array(rowBoundsList.length);
  for (let col = 0; col < columns; col++) {
    for (let r = 0; r < rowBoundsList.length; r++) {
      all[r] += counts[col * rowBoundsList.length + r];
    }
  }
  return {
    startMs,
    stepMs,
    columns,
    rowBounds: rowBoundsList,
    counts,
    exemplars: new Map(),
    percentiles: percentiles.map((p) => {
      const byColumn = new Float64Array(columns);
      for (let col = 0; col < columns; col++) {
        byColumn[col] = percentileFromBuckets(counts, rowBoundsList, p, col * rowBoundsList.length);
      }
      return { p, byColumn, overall: percentileFromBuckets(all, rowBoundsList, p) };
    }),
    total,
    maxCount,
    outOfRange: 0,
    approximatePercentiles: true,
  };
}
