import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { IconButton, useStyles2 } from '@grafana/ui';
import React from 'react';

import {
  formatDurationNs,
  selectionTraceQL,
  type LatencyComparison,
  type LatencySelection,
} from '../../../core/analysis/latency';
import { searchUrl } from '../../../shared/exploreLinks';

interface Props {
  comparison: LatencyComparison;
  selection: LatencySelection;
  datasourceUid?: string;
  onClose: () => void;
}

/** Width of a 100% share bar: short enough that both share columns fit beside the heatmap. */
const BAR_PX = 40;

const pct = (v: number) => `${(100 * v).toFixed(v > 0 && v < 0.01 ? 1 : 0)}%`;

/**
 * The dragged region against the rest of the window: which attribute values are much more common
 * among the selected spans, with the TraceQL that finds them.
 */
export function ComparisonTable({ comparison, selection, datasourceUid, onClose }: Props) {
  const styles = useStyles2(getStyles);
  const regionQuery = selectionTraceQL(selection);
  return (
    <section className={styles.box} aria-label="Selection compared with baseline" data-testid="latency-comparison">
      <header className={styles.header}>
        <strong>
          {comparison.selected} selected spans ({formatDurationNs(selection.minNs)} –{' '}
          {formatDurationNs(selection.maxNs)}) vs {comparison.baseline} others
        </strong>
        <IconButton name="times" aria-label="Close comparison" onClick={onClose} />
      </header>
      {comparison.attributes.length === 0 ? (
        <p className={styles.muted}>
          {comparison.selected === 0
            ? 'No spans in the selected region.'
            : 'No attribute value is more common among the selected spans than among the rest.'}
        </p>
      ) : (
        <table className={styles.table}>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">Selected</th>
              <th scope="col">Baseline</th>
            </tr>
          </thead>
          <tbody>
            {comparison.attributes.map((a) => (
              <tr key={`${a.key}=${String(a.value)}`}>
                <td className={styles.attribute}>
                  <code>
                    {a.key}={String(a.value)}
                  </code>
                  {/* The query under its value rather than in a column: the table stays narrow beside the heatmap. */}
                  <div className={styles.query}>
                    {datasourceUid ? (
                      <a
                        className={styles.link}
                        href={searchUrl(datasourceUid, a.traceql, String(selection.fromMs), String(selection.toMs))}
                      >
                        {a.traceql}
                      </a>
                    ) : (
                      <code>{a.traceql}</code>
                    )}
                  </div>
                </td>
                <td>
                  <span
                    className={styles.bar}
                    style={{ width: `${Math.round(BAR_PX * a.selectedShare)}px` }}
                    aria-hidden
                  />
                  {pct(a.selectedShare)}
                </td>
                <td>
                  <span
                    className={styles.barBase}
                    style={{ width: `${Math.round(BAR_PX * a.baselineShare)}px` }}
                    aria-hidden
                  />
                  {pct(a.baselineShare)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className={styles.muted}>
        Region query: <code>{regionQuery}</code>
      </p>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Plain anchors: Grafana routes /explore URLs itself, and panels must also work outside its router.
  link: css({ color: theme.colors.text.link, '&:hover': { textDecoration: 'underline' } }),
  box: css({ padding: theme.spacing(1), borderTop: `1px solid ${theme.colors.border.weak}`, overflow: 'auto' }),
  header: css({ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }),
  muted: css({ color: theme.colors.text.secondary, margin: theme.spacing(0.5, 0) }),
  table: css({
    width: '100%',
    tableLayout: 'fixed',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      verticalAlign: 'top',
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    // Fixed layout: long attribute values and queries wrap inside the first column instead of
    // widening the table past the panel; the share columns have room for a bar and "100%".
    'td + td, th + th': { whiteSpace: 'nowrap', width: BAR_PX + 56 },
  }),
  attribute: css({ overflowWrap: 'anywhere', code: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }),
  query: css({ fontSize: theme.typography.bodySmall.fontSize, marginTop: 2 }),
  bar: css({ display: 'inline-block', height: 8, marginRight: 6, background: theme.colors.warning.main }),
  barBase: css({ display: 'inline-block', height: 8, marginRight: 6, background: theme.colors.text.disabled }),
});
