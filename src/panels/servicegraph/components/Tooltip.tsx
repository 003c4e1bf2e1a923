import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { formatMs, formatPercent, type GraphFormat } from '../format';
import type { SceneEdge, SceneNode } from '../render/scene';
import { testIds } from '../selectors';
import { usePopupPlacement } from './usePopupPlacement';

interface Props {
  item: SceneNode | SceneEdge;
  x: number;
  y: number;
  /** The graph area the tooltip must stay inside (the panel clips anything beyond it). */
  width: number;
  height: number;
  format: GraphFormat;
}

const getStyles = (theme: GrafanaTheme2) => ({
  box: css({
    position: 'absolute',
    pointerEvents: 'none',
    background: theme.colors.background.primary,
    border: `1px solid ${theme.colors.border.medium}`,
    borderRadius: theme.shape.radius.default,
    boxShadow: theme.shadows.z2,
    padding: theme.spacing(1),
    fontSize: theme.typography.bodySmall.fontSize,
    minWidth: 180,
    zIndex: 2,
  }),
  title: css({
    fontWeight: theme.typography.fontWeightMedium,
    marginBottom: theme.spacing(0.5),
    wordBreak: 'break-all',
  }),
  grid: css({ display: 'grid', gridTemplateColumns: 'auto auto', columnGap: theme.spacing(2) }),
  muted: css({ color: theme.colors.text.secondary }),
});

export function Tooltip({ item, x, y, width, height, format }: Props) {
  const styles = useStyles2(getStyles);
  const d = item.data;
  const title = 'r' in item ? item.label : `${item.source} → ${item.target}`;
  const kind = 'r' in item ? (item.isGroup ? 'group' : item.kind) : item.reversed ? 'call (closes a cycle)' : 'call';
  const { attach, style } = usePopupPlacement<HTMLDivElement>({ x, y }, { width, height });
  return (
    <div ref={attach} className={styles.box} style={style} data-testid={testIds.tooltip} role="tooltip">
      <div className={styles.title}>{title}</div>
      <div className={styles.grid}>
        <span className={styles.muted}>Kind</span>
        <span>{kind}</span>
        <span className={styles.muted}>Rate</span>
        <span>{format.rate(d.requestRate, d.requests)}</span>
        <span className={styles.muted}>Errors</span>
        <span>
          {formatPercent(d.errorRate)} ({d.errors})
        </span>
        <span className={styles.muted}>p50 / p95 / p99</span>
        <span>
          {d.p50Ms === null && d.avgMs !== null
            ? `avg ${formatMs(d.avgMs)}`
            : `${formatMs(d.p50Ms)} / ${formatMs(d.p95Ms)} / ${formatMs(d.p99Ms)}`}
        </span>
      </div>
    </div>
  );
}
