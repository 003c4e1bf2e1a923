import { css } from '@emotion/css';
import { GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import React, { useEffect, useMemo, useRef, useState } from 'react';

import { formatDurationNs, type HeatmapGrid, type LatencySelection } from '../../../core/analysis/latency';
import { drawHeatmap } from '../render/draw';
import { utcOffsetMs } from '../data/utcOffset';
import { cellAt, computeLayout, regionToSelection, selectionRect } from '../render/layout';
import type { ColorScheme, CountScale } from '../types';

export interface Cell {
  column: number;
  row: number;
}

interface Props {
  grid: HeatmapGrid;
  width: number;
  height: number;
  scheme: ColorScheme;
  countScale: CountScale;
  selectedCell?: Cell;
  selection?: LatencySelection;
  onCellClick: (cell: Cell) => void;
  onRegionSelect: (selection: LatencySelection) => void;
  /** Summary read by screen readers: the canvas itself is not accessible. */
  ariaLabel: string;
  /** The dashboard's time zone, for axis and tooltip times. */
  timeZone?: string;
}

const DRAG_THRESHOLD_PX = 4;

export function HeatmapCanvas({
  grid,
  width,
  height,
  scheme,
  countScale,
  selectedCell,
  selection,
  onCellClick,
  onRegionSelect,
  ariaLabel,
  timeZone,
}: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [hover, setHover] = useState<{ cell: Cell; x: number; y: number } | undefined>();
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number } | undefined>();
  const layout = useMemo(
    () => computeLayout(width, height, grid.columns, grid.rowBounds.length),
    [width, height, grid]
  );

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) {
      return;
    }
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const region = drag && {
      x: Math.min(drag.x0, drag.x1),
      y: Math.min(drag.y0, drag.y1),
      w: Math.abs(drag.x1 - drag.x0),
      h: Math.abs(drag.y1 - drag.y0),
    };
    drawHeatmap(
      ctx,
      width,
      height,
      grid,
      layout,
      {
        scheme,
        countScale,
        textColor: theme.colors.text.secondary,
        gridColor: theme.colors.border.medium,
        background: theme.colors.background.canvas,
        selectionColor: theme.colors.text.maxContrast,
        font: `${theme.typography.bodySmall.fontSize} ${theme.typography.fontFamily}`,
        time: {
          format: (ms, format) => dateTimeFormat(ms, { format, timeZone }),
          utcOffsetMs: (ms) => utcOffsetMs(ms, timeZone),
        },
      },
      {
        hover: hover?.cell,
        selected: selectedCell,
        region,
        selection: selection && selectionRect(layout, grid, selection),
      }
    );
  }, [grid, layout, width, height, scheme, countScale, theme, hover, selectedCell, drag, selection, timeZone]);

  const point = (e: React.MouseEvent) => {
    const rect = canvasRef.current?.getBoundingClientRect();
    return { x: e.clientX - (rect?.left ?? 0), y: e.clientY - (rect?.top ?? 0) };
  };

  const onMouseMove = (e: React.MouseEvent) => {
    const p = point(e);
    if (drag) {
      setDrag({ ...drag, x1: p.x, y1: p.y });
    }
    const cell = cellAt(layout, p.x, p.y);
    setHover(cell ? { cell, x: p.x, y: p.y } : undefined);
  };

  const onMouseUp = (e: React.MouseEvent) => {
    const p = point(e);
    if (drag && (Math.abs(p.x - drag.x0) > DRAG_THRESHOLD_PX || Math.abs(p.y - drag.y0) > DRAG_THRESHOLD_PX)) {
      const sel = regionToSelection(layout, grid, { x: drag.x0, y: drag.y0 }, p);
      if (sel) {
        onRegionSelect(sel);
      }
    } else {
      const cell = cellAt(layout, p.x, p.y);
      if (cell) {
        onCellClick(cell);
      }
    }
    setDrag(undefined);
  };

  const hoverCount = hover ? grid.counts[hover.cell.column * grid.rowBounds.length + hover.cell.row] : 0;
  const hoverBounds = hover ? grid.rowBounds[hover.cell.row] : undefined;

  return (
    <div className={styles.wrap} style={{ width, height }}>
      <canvas
        ref={canvasRef}
        role="img"
        aria-label={ariaLabel}
        data-testid="latency-heatmap-canvas"
        style={{ width, height, cursor: 'crosshair' }}
        onMouseDown={(e) => {
          const p = point(e);
          setDrag({ x0: p.x, y0: p.y, x1: p.x, y1: p.y });
        }}
        onMouseMove={onMouseMove}
        onMouseUp={onMouseUp}
        onMouseLeave={() => {
          setHover(undefined);
          setDrag(undefined);
        }}
      />
      {hover && hoverBounds && !drag && (
        <div
          className={styles.tooltip}
          style={{ left: Math.min(hover.x + 12, width - 200), top: Math.max(0, hover.y - 70) }}
          role="tooltip"
        >
          <div>
            {dateTimeFormat(grid.startMs + hover.cell.column * grid.stepMs, { format: 'HH:mm:ss', timeZone })} –{' '}
            {dateTimeFormat(grid.startMs + (hover.cell.column + 1) * grid.stepMs, { format: 'HH:mm:ss', timeZone })}
          </div>
          <div>
            {formatDurationNs(hoverBounds.lowerNs)} – {formatDurationNs(hoverBounds.upperNs)}
          </div>
          <div>
            <strong>{hoverCount}</strong> {hoverCount === 1 ? 'span' : 'spans'} (
            {grid.total ? ((100 * hoverCount) / grid.total).toFixed(1) : '0'}% of total)
          </div>
        </div>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  wrap: css({ position: 'relative' }),
  tooltip: css({
    position: 'absolute',
    pointerEvents: 'none',
    background: theme.colors.background.elevated,
    border: `1px solid ${theme.colors.border.weak}`,
    boxShadow: theme.shadows.z2,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.5, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    whiteSpace: 'nowrap',
    zIndex: 1,
  }),
});
