import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { colorScaleLegend } from '../render/colors';
import type { ColorScheme, CountScale } from '../types';

interface Props {
  scheme: ColorScheme;
  countScale: CountScale;
  maxCount: number;
}

const BAR_WIDTH = 96;

/** Spans per cell for each colour, as Grafana's heatmap shows under its plot. */
export function ColorLegend({ scheme, countScale, maxCount }: Props) {
  const styles = useStyles2(getStyles);
  const legend = colorScaleLegend(scheme, countScale, maxCount);
  const labels = legend.labels.map((l) => l.count).join(', ');
  return (
    <span
      className={styles.legend}
      data-testid="latency-color-legend"
      role="img"
      aria-label={`Colour scale, spans per cell (${countScale}): ${labels}`}
    >
      <span className={styles.caption}>spans/cell</span>
      <span className={styles.scale}>
        <span className={styles.bar} style={{ background: legend.gradient }} />
        {legend.labels.map((l) => (
          <span
            key={l.count}
            className={styles.label}
            style={{
              left: `${Math.round(l.position * BAR_WIDTH)}px`,
              transform: l.position === 0 ? 'none' : l.position === 1 ? 'translateX(-100%)' : 'translateX(-50%)',
            }}
            aria-hidden
          >
            {l.count}
          </span>
        ))}
      </span>
    </span>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  legend: css({
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    flexShrink: 0,
    marginLeft: 'auto',
    paddingRight: theme.spacing(1),
    color: theme.colors.text.secondary,
  }),
  caption: css({ whiteSpace: 'nowrap' }),
  scale: css({ position: 'relative', display: 'inline-block', width: BAR_WIDTH, height: 22 }),
  bar: css({ position: 'absolute', top: 1, left: 0, width: BAR_WIDTH, height: 8, borderRadius: 1 }),
  label: css({ position: 'absolute', top: 9, fontSize: 10, lineHeight: '12px', whiteSpace: 'nowrap' }),
});
