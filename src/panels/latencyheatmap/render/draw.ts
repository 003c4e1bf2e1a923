import type { HeatmapGrid } from '../../../core/analysis/latency';
import type { ColorScheme, CountScale } from '../types';
import { PERCENTILE_COLORS, cellColor } from './colors';
import { PlotLayout, cellRect, yForDuration } from './layout';
import { durationTicks, timeTicks, type TimeAxisOptions } from './ticks';

export interface DrawStyle {
  readonly scheme: ColorScheme;
  readonly countScale: CountScale;
  readonly textColor: string;
  readonly gridColor: string;
  readonly background: string;
  readonly selectionColor: string;
  readonly font: string;
  /** Time labels in the dashboard's zone: format and offset (measure and width come from the canvas). */
  readonly time: Pick<TimeAxisOptions, 'format' | 'utcOffsetMs'>;
}

export interface Highlight {
  readonly hover?: { column: number; row: number };
  readonly selected?: { column: number; row: number };
  /** The rectangle being dragged, as the pointer moves. */
  readonly region?: { x: number; y: number; w: number; h: number };
  /** The committed selection the comparison describes, snapped to cells. */
  readonly selection?: { x: number; y: number; w: number; h: number };
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
        ctx.fillStyle = cellColor(style.scheme, count, grid.maxCount, style.countScale);
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
  const box = highlight.region ?? highlight.selection;
  if (box) {
    const { x, y, w, h } = box;
    ctx.fillStyle = 'rgba(255, 255, 255, 0.12)';
    ctx.fillRect(x, y, w, h);
    ctx.strokeStyle = style.selectionColor;
    ctx.lineWidth = highlight.region ? 1 : 2;
    ctx.setLineDash([4, 3]);
    ctx.strokeRect(x, y, w, h);
    ctx.setLineDash([]);
  }

  ctx.fillStyle = style.textColor;
  ctx.font = style.font;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of durationTicks(l, grid)) {
    ctx.fillText(t.label, l.left - 6, t.at);
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  const xAxis = timeTicks(l, grid, {
    ...style.time,
    measure: (label) => ctx.measureText(label).width,
    canvasWidth: width,
  });
  for (const t of xAxis) {
    ctx.fillText(t.label, t.at, l.top + l.height + 6);
  }
  ctx.strokeStyle = style.gridColor;
  ctx.lineWidth = 1;
  ctx.strokeRect(l.left + 0.5, l.top + 0.5, l.width - 1, l.height - 1);
}
