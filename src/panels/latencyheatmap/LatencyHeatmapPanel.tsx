import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';

import {
  buildLatencyHeatmap,
  compareSelection,
  formatDurationNs,
  gridFromHeatmap,
  heatmapFromCells,
  type HeatmapGrid,
  type LatencySelection,
} from '../../core/analysis/latency';
import { CellDetails } from './components/CellDetails';
import { ColorLegend } from './components/ColorLegend';
import { ComparisonTable } from './components/ComparisonTable';
import { Cell, HeatmapCanvas } from './components/HeatmapCanvas';
import { CompletenessBadge } from '../../shared/components/CompletenessBadge';
import { readCompleteness } from '../../shared/frames/completeness';
import { readHeatmapFrames } from './data/readFrames';
import { PERCENTILE_COLORS } from './render/colors';
import { DEFAULT_OPTIONS, LatencyHeatmapOptions, parsePercentiles } from './types';

const LEGEND_HEIGHT = 24;
/** From this width the details sit beside the heatmap, which keeps its height. */
export const SIDE_DETAILS_MIN_WIDTH = 720;

/**
 * Where the heatmap and the open details go. Opening the details never shrinks the heatmap's
 * height (the comparison squashed it to a strip before): wide panels put them in a column on the
 * right, narrow ones below the heatmap, and the panel scrolls.
 */
export function detailsLayout(width: number, height: number, open: boolean) {
  const plotHeight = Math.max(60, height - LEGEND_HEIGHT);
  if (!open) {
    return { side: false, plotWidth: width, plotHeight, detailsWidth: 0 };
  }
  if (width >= SIDE_DETAILS_MIN_WIDTH) {
    const detailsWidth = Math.min(440, Math.max(260, Math.round(width * 0.4)));
    return { side: true, plotWidth: width - detailsWidth, plotHeight, detailsWidth };
  }
  return { side: false, plotWidth: width, plotHeight, detailsWidth: width };
}
/** About one column per 14 px keeps cells clickable and the time resolution useful. */
const PX_PER_COLUMN = 14;

export function LatencyHeatmapPanel({
  data,
  width,
  height,
  options,
  timeRange,
  timeZone,
}: PanelProps<LatencyHeatmapOptions>) {
  const styles = useStyles2(getStyles);
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const input = useMemo(() => readHeatmapFrames(data.series), [data.series]);
  const completeness = useMemo(() => readCompleteness(data.series), [data.series]);
  const percentiles = useMemo(() => parsePercentiles(opts.percentileList), [opts.percentileList]);
  const [cell, setCell] = useState<Cell | undefined>();
  const [selection, setSelection] = useState<LatencySelection | undefined>();

  const grid: HeatmapGrid | undefined = useMemo(() => {
    if (input.kind === 'samples') {
      const startMs = input.meta.startMs ?? timeRange.from.valueOf();
      const endMs = input.meta.endMs ?? timeRange.to.valueOf();
      const columns = opts.columns > 0 ? opts.columns : Math.max(8, Math.floor((width - 80) / PX_PER_COLUMN));
      const stepMs = Math.max(1, Math.ceil((endMs - startMs) / columns));
      return gridFromHeatmap(
        buildLatencyHeatmap(
          {
            length: input.samples.length,
            startMs: input.samples.map((s) => s.startMs),
            durationNs: input.samples.map((s) => s.durationNs),
            traceIds: input.samples.map((s) => s.traceId),
          },
          { startMs, endMs, stepMs, resolution: opts.resolution, exemplarsPerCell: opts.exemplarsPerCell, percentiles }
        )
      );
    }
    if (input.kind === 'cells') {
      return heatmapFromCells(input.cells, percentiles);
    }
    return undefined;
  }, [input, timeRange, width, opts.columns, opts.resolution, opts.exemplarsPerCell, percentiles]);

  const comparison = useMemo(
    () => (selection && input.kind === 'samples' ? compareSelection(input.samples, selection) : undefined),
    [selection, input]
  );

  const datasourceUid =
    (input.kind === 'samples' ? input.meta.datasourceUid : undefined) ?? data.request?.targets?.[0]?.datasource?.uid;

  if (!grid || grid.total === 0) {
    const reason = input.kind === 'none' ? input.reason : 'No spans matched in this time range.';
    return (
      <div className={styles.empty} style={{ width, height }} data-testid="latency-heatmap-empty">
        {reason}
      </div>
    );
  }

  const detailsOpen = cell !== undefined || selection !== undefined;
  const layout = detailsLayout(width, height, detailsOpen);
  const summary = grid.percentiles.map((p) => `p${p.p} ${formatDurationNs(p.overall)}`).join(', ');

  return (
    <div style={{ width, height }} className={styles.panel} data-testid="latency-heatmap-panel">
      <div className={styles.legend} style={{ height: LEGEND_HEIGHT }}>
        <CompletenessBadge meta={completeness} />
        {grid.percentiles.map((p, i) => (
          <span key={p.p} className={styles.legendItem}>
            <span
              className={styles.swatch}
              style={{ background: PERCENTILE_COLORS[i % PERCENTILE_COLORS.length] }}
              aria-hidden
            />
            p{p.p} {formatDurationNs(p.overall)}
          </span>
        ))}
        <span className={styles.summary}>
          {completeness && !completeness.complete ? 'at least ' : ''}
          {grid.total} spans{grid.approximatePercentiles ? ' · percentiles interpolated from buckets' : ''}
          {grid.outOfRange > 0 ? ` · ${grid.outOfRange} outside the time range not shown` : ''}
          {input.kind === 'samples' ? ' · click a cell for traces, drag to compare' : ''}
        </span>
        <ColorLegend scheme={opts.colorScheme} countScale={opts.countScale} maxCount={grid.maxCount} />
      </div>
      <div className={layout.side ? styles.side : styles.stacked}>
        <HeatmapCanvas
          grid={grid}
          width={layout.plotWidth}
          height={layout.plotHeight}
          timeZone={timeZone}
          scheme={opts.colorScheme}
          countScale={opts.countScale}
          selectedCell={cell}
          selection={selection}
          ariaLabel={`Latency heatmap of ${grid.total} spans: ${summary}`}
          onCellClick={(c) => {
            setSelection(undefined);
            setCell(c);
          }}
          onRegionSelect={(s) => {
            setCell(undefined);
            setSelection(s);
          }}
        />
        {detailsOpen && (
          <div
            style={layout.side ? { width: layout.detailsWidth, height: layout.plotHeight } : { width }}
            className={layout.side ? styles.detailsSide : styles.details}
            data-testid="latency-details"
          >
            {cell && (
              <CellDetails
                grid={grid}
                cell={cell}
                datasourceUid={datasourceUid}
                timeZone={timeZone}
                onClose={() => setCell(undefined)}
              />
            )}
            {selection && comparison && (
              <ComparisonTable
                comparison={comparison}
                selection={selection}
                datasourceUid={datasourceUid}
                onClose={() => setSelection(undefined)}
              />
            )}
            {selection && !comparison && (
              <p className={styles.muted}>
                Comparing a region needs TraceLens latency samples; these frames carry counts only.
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflowX: 'hidden', overflowY: 'auto' }),
  side: css({ display: 'flex', flexDirection: 'row', flexShrink: 0 }),
  stacked: css({ display: 'flex', flexDirection: 'column', flexShrink: 0 }),
  empty: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.colors.text.secondary,
    textAlign: 'center',
    padding: theme.spacing(2),
  }),
  legend: css({
    display: 'flex',
    gap: theme.spacing(1.5),
    alignItems: 'center',
    fontSize: theme.typography.bodySmall.fontSize,
    overflow: 'hidden',
    whiteSpace: 'nowrap',
  }),
  legendItem: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ display: 'inline-block', width: 12, height: 3 }),
  muted: css({ color: theme.colors.text.secondary }),
  summary: css({ color: theme.colors.text.secondary, overflow: 'hidden', textOverflow: 'ellipsis', minWidth: 0 }),
  details: css({ flexShrink: 0 }),
  detailsSide: css({ overflow: 'auto', flexShrink: 0, borderLeft: `1px solid ${theme.colors.border.weak}` }),
});
