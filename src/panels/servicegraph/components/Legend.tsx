import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import type { Thresholds } from '../data/health';
import type { Palette } from '../render/draw';
import type { SizeMetric } from '../types';

interface Props {
  palette: Palette;
  thresholds: Thresholds;
  sizeBy: SizeMetric;
}

const SIZE_MEANING: Record<SizeMetric, string> = {
  requestRate: 'Node size: request rate (area grows with it)',
  errorRate: 'Node size: error rate (area grows with it)',
  p95Ms: 'Node size: p95 latency (area grows with it)',
  none: 'Node size: the same for every node',
};

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    position: 'absolute',
    right: theme.spacing(1),
    bottom: theme.spacing(1),
    zIndex: 1,
    background: theme.colors.background.secondary,
    borderRadius: theme.shape.radius.default,
    padding: theme.spacing(0.5, 1),
    fontSize: theme.typography.bodySmall.fontSize,
    color: theme.colors.text.secondary,
    maxWidth: 320,
    summary: { cursor: 'pointer' },
  }),
  row: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), marginTop: theme.spacing(0.5) }),
});

/** A ring swatch drawn like the canvas draws a node's ring or its dotted latency outline. */
function Ring({ colour, dotted }: { colour: string; dotted?: boolean }) {
  return (
    <svg width={14} height={14} aria-hidden="true">
      <circle
        cx={7}
        cy={7}
        r={5}
        fill="none"
        stroke={colour}
        strokeWidth={dotted ? 1.5 : 3}
        strokeDasharray={dotted ? '2 2' : undefined}
      />
    </svg>
  );
}

/**
 * What the canvas's encodings mean, with this panel's thresholds: nobody can guess that the dotted
 * outline is latency and the ring is errors. Closed by default so it does not cover the graph.
 */
export function Legend({ palette, thresholds: t, sizeBy }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <details className={styles.box} data-testid="servicegraph-legend">
      <summary>Legend</summary>
      <div className={styles.row}>
        <Ring colour={palette.health.bad} /> Red arc: the share of failed calls
      </div>
      <div className={styles.row}>
        <Ring colour={palette.health.ok} /> Ring colour: errors below {t.errorWarnPercent}% (green), from{' '}
        {t.errorWarnPercent}% (orange), from {t.errorBadPercent}% (red)
      </div>
      <div className={styles.row}>
        <Ring colour={palette.health.warn} dotted /> Dotted outline: p95 latency from {t.latencyWarnMs} ms (orange),
        from {t.latencyBadMs} ms (red)
      </div>
      <div className={styles.row}>{SIZE_MEANING[sizeBy]}; dashed call: it closes a cycle</div>
    </details>
  );
}
