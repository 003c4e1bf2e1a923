import { css } from '@emotion/css';
import { GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React from 'react';

import { formatDurationNs, type HeatmapGrid } from '../../../core/analysis/latency';
import { traceUrl } from '../../../shared/exploreLinks';
import type { Cell } from './HeatmapCanvas';

interface Props {
  grid: HeatmapGrid;
  cell: Cell;
  datasourceUid?: string;
  timeZone?: string;
  onClose: () => void;
}

/** The clicked cell: its range, its count, and example traces that open in the trace view. */
export function CellDetails({ grid, cell, datasourceUid, timeZone, onClose }: Props) {
  const styles = useStyles2(getStyles);
  const index = cell.column * grid.rowBounds.length + cell.row;
  const count = grid.counts[index];
  const traces = grid.exemplars.get(index) ?? [];
  const bounds = grid.rowBounds[cell.row];
  const from = grid.startMs + cell.column * grid.stepMs;
  const to = from + grid.stepMs;

  return (
    <section className={styles.box} aria-label="Selected cell" data-testid="latency-cell-details">
      <header className={styles.header}>
        <strong>
          {count} {count === 1 ? 'span' : 'spans'} of {formatDurationNs(bounds.lowerNs)} –{' '}
          {formatDurationNs(bounds.upperNs)}
        </strong>
        <span className={styles.muted}>
          {dateTimeFormat(from, { format: 'HH:mm:ss', timeZone })} –{' '}
          {dateTimeFormat(to, { format: 'HH:mm:ss', timeZone })}
        </span>
        <IconButton name="times" aria-label="Close cell details" onClick={onClose} />
      </header>
      {traces.length === 0 ? (
        <p className={styles.muted}>
          {count === 0 ? 'No spans in this cell.' : 'This data source sent counts only, without example traces.'}
        </p>
      ) : (
        <ul className={styles.list}>
          {traces.map((id) => (
            <li key={id}>
              {datasourceUid ? (
                <a
                  className={styles.link}
                  href={traceUrl(datasourceUid, id, String(from - 60_000), String(to + 60_000))}
                >
                  {id}
                </a>
              ) : (
                <code>{id}</code>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Plain anchors: Grafana routes /explore URLs itself, and panels must also work outside its router.
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  box: css({ padding: theme.spacing(1), borderTop: `1px solid ${theme.colors.border.weak}`, overflow: 'auto' }),
  header: css({ display: 'flex', gap: theme.spacing(1), alignItems: 'center', justifyContent: 'space-between' }),
  muted: css({ color: theme.colors.text.secondary }),
  list: css({
    margin: theme.spacing(0.5, 0, 0, 0),
    paddingLeft: theme.spacing(2),
    fontFamily: theme.typography.fontFamilyMonospace,
  }),
});
