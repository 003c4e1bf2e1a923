import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import type { ServiceGraph } from '../../../core/analysis/serviceGraph';
import { formatMs, formatPercent, type GraphFormat } from '../format';
import { testIds } from '../selectors';

interface Props {
  graph: ServiceGraph;
  /** Shown as a table when true; otherwise kept only for screen readers (visually hidden). */
  visible: boolean;
  height: number;
  onFocus: (id: string) => void;
  /** The graph's rate unit and rounding, shared with the labels and tooltips. */
  format: GraphFormat;
}

/** Rows beyond this are summarised: a table of 8,000 calls helps nobody and slows the page. */
const MAX_ROWS = 300;

const getStyles = (theme: GrafanaTheme2) => ({
  scroll: css({ overflow: 'auto' }),
  hidden: css({
    position: 'absolute',
    width: 1,
    height: 1,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  }),
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      padding: theme.spacing(0.25, 1),
      textAlign: 'left',
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
    'td.num': { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
  }),
  link: css({ background: 'none', border: 'none', padding: 0, color: theme.colors.text.link, cursor: 'pointer' }),
});

/** The graph as tables (services, then calls), busiest first: the accessible view of the canvas. */
/** The RED columns both tables share, matching `figures()`. */
const FIGURE_HEADERS = (
  <>
    <th scope="col">Rate</th>
    <th scope="col">Errors</th>
    <th scope="col">p50</th>
    <th scope="col">p95</th>
    <th scope="col">p99</th>
  </>
);

export function GraphTable({ graph, visible, height, onFocus, format }: Props) {
  const styles = useStyles2(getStyles);
  const rate = (x: { requestRate: number | null; requests: number }) => x.requestRate ?? x.requests;
  const nodes = [...graph.nodes].sort((a, b) => rate(b) - rate(a));
  const edges = [...graph.edges].sort((a, b) => rate(b) - rate(a));
  const figures = (x: (typeof nodes)[number] | (typeof edges)[number]) => (
    <>
      <td className="num">{format.rate(x.requestRate, x.requests)}</td>
      <td className="num">{formatPercent(x.errorRate)}</td>
      <td className="num">{formatMs(x.p50Ms ?? x.avgMs)}</td>
      <td className="num">{formatMs(x.p95Ms)}</td>
      <td className="num">{formatMs(x.p99Ms)}</td>
    </>
  );
  return (
    <div
      className={visible ? styles.scroll : styles.hidden}
      style={visible ? { height } : undefined}
      data-testid={testIds.table}
    >
      <table className={styles.table}>
        <caption>
          Services ({graph.nodes.length}
          {nodes.length > MAX_ROWS ? `, busiest ${MAX_ROWS} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Kind</th>
            {FIGURE_HEADERS}
          </tr>
        </thead>
        <tbody>
          {nodes.slice(0, MAX_ROWS).map((n) => (
            <tr key={n.id}>
              <th scope="row">
                <button type="button" className={styles.link} onClick={() => onFocus(n.id)}>
                  {n.id}
                </button>
              </th>
              <td>{n.kind}</td>
              {figures(n)}
            </tr>
          ))}
        </tbody>
      </table>
      <table className={styles.table}>
        <caption>
          Calls ({graph.edges.length}
          {edges.length > MAX_ROWS ? `, busiest ${MAX_ROWS} shown` : ''})
        </caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">To</th>
            {FIGURE_HEADERS}
          </tr>
        </thead>
        <tbody>
          {edges.slice(0, MAX_ROWS).map((e) => (
            <tr key={e.id}>
              <td>{e.source}</td>
              <td>{e.target}</td>
              {figures(e)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
