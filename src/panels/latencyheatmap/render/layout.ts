import { type HeatmapGrid, type LatencySelection } from '../../../core/analysis/latency';

/** Where the plot sits in the canvas, and the size of one cell. Row 0 is at the bottom. */
export interface PlotLayout {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly columns: number;
  readonly rows: number;
  readonly cellW: number;
  readonly cellH: number;
}

export const MARGIN = { left: 64, right: 12, top: 10, bottom: 26 };

export function computeLayout(width: number, height: number, columns: number, rows: number): PlotLayout {
  const plotW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const plotH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  return {
    left: MARGIN.left,
    top: MARGIN.top,
    width: plotW,
    height: plotH,
    columns,
    rows,
    cellW: plotW / Math.max(1, columns),
    cellH: plotH / Math.max(1, rows),
  };
}

export function cellRect(l: PlotLayout, column: number, row: number): { x: number; y: number; w: number; h: number } {
  return { x: l.left + column * l.cellW, y: l.top + l.height - (row + 1) * l.cellH, w: l.cellW, h: l.cellH };
}

export function cellAt(l: PlotLayout, x: number, y: number): { column: number; row: number } | undefined {
  if (x < l.left || x >= l.left + l.width || y < l.top || y >= l.top + l.height) {
    return undefined;
  }
  const column = Math.min(l.columns - 1, Math.floor((x - l.left) / l.cellW));
  const row = Math.min(l.rows - 1, Math.floor((l.top + l.height - y) / l.cellH));
  return l.rows > 0 && l.columns > 0 ? { column, row } : undefined;
}

/** Vertical position of a duration: rows are log-spaced, so interpolate geometrically in its row. */
export function yForDuration(l: PlotLayout, grid: HeatmapGrid, ns: number): number | undefined {
  if (!Number.isFinite(ns) || grid.rowBounds.length === 0) {
    return undefined;
  }
  for (let row = 0; row < grid.rowBounds.length; row++) {
    const { lowerNs, upperNs } = grid.rowBounds[row];
    if (ns <= upperNs || row === grid.rowBounds.length - 1) {
      const lo = Math.max(lowerNs, 1);
      const clamped = Math.min(Math.max(ns, lo), upperNs);
      const f = upperNs > lo ? Math.log(clamped / lo) / Math.log(upperNs / lo) : 1;
      return l.top + l.height - (row + f) * l.cellH;
    }
  }
  return undefined;
}

/**
 * Where a committed selection is drawn: its columns, and from the top of its longest row to the
 * bottom of its shortest. Selections are whole cells (regionToSelection), so this is the same box
 * the drag snapped to, and it stays on screen while the comparison is open.
 */
export function selectionRect(
  l: PlotLayout,
  grid: HeatmapGrid,
  sel: LatencySelection
): { x: number; y: number; w: number; h: number } | undefined {
  const rows = grid.rowBounds;
  if (rows.length === 0 || grid.stepMs <= 0) {
    return undefined;
  }
  const first = Math.max(0, Math.round((sel.fromMs - grid.startMs) / grid.stepMs));
  const last = Math.min(grid.columns, Math.round((sel.toMs - grid.startMs) / grid.stepMs));
  const low = rows.findIndex((b) => b.upperNs > sel.minNs);
  let high = rows.length - 1;
  while (high > 0 && rows[high].lowerNs >= sel.maxNs) {
    high--;
  }
  if (last <= first || low < 0 || high < low) {
    return undefined;
  }
  const top = l.top + l.height - (high + 1) * l.cellH;
  const bottom = l.top + l.height - low * l.cellH;
  return { x: l.left + first * l.cellW, y: top, w: (last - first) * l.cellW, h: bottom - top };
}

/** A dragged rectangle, snapped outward to whole cells, as a time × duration selection. */
export function regionToSelection(
  l: PlotLayout,
  grid: HeatmapGrid,
  a: { x: number; y: number },
  b: { x: number; y: number }
): LatencySelection | undefined {
  const clampX = (x: number) => Math.min(l.left + l.width - 0.001, Math.max(l.left, x));
  const clampY = (y: number) => Math.min(l.top + l.height - 0.001, Math.max(l.top, y));
  const p = cellAt(l, clampX(Math.min(a.x, b.x)), clampY(Math.max(a.y, b.y)));
  const q = cellAt(l, clampX(Math.max(a.x, b.x)), clampY(Math.min(a.y, b.y)));
  if (!p || !q) {
    return undefined;
  }
  return {
    fromMs: grid.startMs + p.column * grid.stepMs,
    toMs: grid.startMs + (q.column + 1) * grid.stepMs,
    minNs: grid.rowBounds[p.row].lowerNs,
    maxNs: grid.rowBounds[q.row].upperNs,
  };
}
