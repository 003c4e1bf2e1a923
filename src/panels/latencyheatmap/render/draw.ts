import type { HeatmapGrid } from '../../../core/analysis/latency';
import type { ColorScheme, CountScale } from '../types';
import { PERCENTILE_COLORS, countToUnit, rampColor } from './colors';
import { PlotLayout, cellRect, xTicks, yForDuration, yTicks } from './layout';

export interface DrawStyle {
  readonly scheme: ColorScheme;
  readonly countScale: CountScale;
  readonly textColor: string;
  readonly gridColor: string;
  readonly background: string;
  readonly selectionColor: string;
  readonly font: string;
  readonly formatTime: (ms: number) => string;
}

export interface Highlight {
  readonly hover?: { column: number; row: number };
  readonly selected?: { column: number; row: number };
  readonly region?: { x: number; y: number; w: number; h: number };
}

/** Draws cells, percentile lines, axes and highlights. Pure drawing: no state, no DOM lookups. */
export function drawHeatmap(
  ctx: CanvasRenderingContext2D,
  width: number,
  height: number,
  grid: HeatmapGrid,
  l: PlotLayout,
  style: DrawStyle,
  highlight: Highlight
): void {
  ctx.clearRect(0, 0, width, height);
  ctx.fillStyle = style.background;
  ctx.fillRect(l.left, l.top, l.width, l.height);

  const rows = grid.rowBounds.length;
  const gap = l.cellW > 4 && l.cellH > 4 ? 1 : 0;
  for (let c = 0; c < grid.columns; c++) {
    for (let r = 0; r < rows; r++) {
      const count = grid.counts[c * rows + r];
      if (count > 0) {
        const { x, y, w, h } = cellRect(l, c, r);
        // Never fully dark for a non-empty cell: a single slow request must stay visible.
        ctx.fillStyle = rampColor(style.scheme, 0.08 + 0.92 * countToUnit(count, grid.maxCount, style.countScale));
        ctx.fillRect(x, y, Math.max(1, w - gap), Math.max(1, h - gap));
      }
    }
  }

  grid.percentiles.forEach((p, i) => {
    ctx.strokeStyle = PERCENTILE_COLORS[i % PERCENTILE_COLORS.length];
    ctx.lineWidth = 2;
    ctx.beginPath();
    let drawing = false;
    for (let c = 0; c < grid.columns; c++) {
      const y = yForDuration(l, grid, p.byColumn[c]);
      const x = l.left + (c + 0.5) * l.cellW;
      if (y === undefined) {
        drawing = false;
        continue;
      }
      if (drawing) {
        ctx.lineTo(x, y);
      } else {
        ctx.moveTo(x, y);
        drawing = true;
      }
    }
    ctx.stroke();
  });

  for (const cell of [highlight.hover, highlight.selected]) {
    if (cell) {
      const { x, y, w, h } = cellRect(l, cell.column, cell.row);
      ctx.strokeStyle = style.selectionColor;
      ctx.lineWidth = cell === highlight.selected ? 2 : 1;
      ctx.strokeRect(x + 0.5, y + 0.5, w - 1, h - 1);
    }
  }
  if (highlight.region) {
    const { x, y, w, h } = highlight.region;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.12)';
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = style.selectionColor;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(x, y, w, h);
    ctx.setLineDash([]);
  }

  ctx.fillStyle = style.textColor;
  ctx.font = style.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of yTicks(l, grid)) {
    ctx.fillText(t.label, l.left - 6, t.y);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of xTicks(l, grid, style.formatTime)) {
    ctx.fillText(t.label, t.x, l.top + l.height + 6);
  }
  ctx.strokeStyle = style.gridColor;
  ctx.lineWidth = 1;
  ctx.strokeRect(l.left + 0.5, l.top + 0.5, l.width - 1, l.height - 1);
}
