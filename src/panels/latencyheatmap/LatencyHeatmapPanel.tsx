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
import { ComparisonTable } from './components/ComparisonTable';
import { Cell, HeatmapCanvas } from './components/HeatmapCanvas';
import { CompletenessBadge } from '../../shared/components/CompletenessBadge';
import { readCompleteness } from '../../shared/frames/completeness';
import { readHeatmapFrames } from './data/readFrames';
import { PERCENTILE_COLORS } from './render/colors';
import { DEFAULT_OPTIONS, LatencyHeatmapOptions, parsePercentiles } from './types';

const LEGEND_HEIGHT = 24;
/** About one column per 14 px keeps cells clickable and the time resolution useful. */
const PX_PER_COLUMN = 14;

export function LatencyHeatmapPanel({ data, width, height, options, timeRange }: PanelProps<LatencyHeatmapOptions>) {
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
  const detailsHeight = detailsOpen ? Math.min(220, Math.round(height * 0.45)) : 0;
  const plotHeight = Math.max(60, height - LEGEND_HEIGHT - detailsHeight);
  const summary = grid.percentiles.map((p) => `p${p.p} ${formatDurationNs(p.overall)}`).join(', ');

  return (
    <div style={{ width, height }} className={styles.panel}>
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
        <span className={styles.muted}>
          {completeness && !completeness.complete ? 'at least ' : ''}
          {grid.total} spans{grid.approximatePercentiles ? ' · percentiles interpolated from buckets' : ''}
          {grid.outOfRange > 0 ? ` · ${grid.outOfRange} outside the time range not shown` : ''}
          {input.kind === 'samples' ? ' · click a cell for traces, drag to compare' : ''}
        </span>
      </div>
      <HeatmapCanvas
        grid={grid}
        width={width}
        height={plotHeight}
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
        <div style={{ height: detailsHeight }} className={styles.details}>
          {cell && (
            <CellDetails grid={grid} cell={cell} datasourceUid={datasourceUid} onClose={() => setCell(undefined)} />
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
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  panel: css({ display: 'flex', flexDirection: 'column', overflow: 'hidden' }),
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
  details: css({ overflow: 'auto' }),
});
