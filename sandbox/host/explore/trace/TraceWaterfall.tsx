import { css, cx } from '@emotion/css';
import { DataFrame, GrafanaTheme2, dateTimeFormat } from '@grafana/data';
import { Alert, Icon, useStyles2, useTheme2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';

import { SpanDetails } from './SpanDetails';
import { readTraceFrame } from './readTraceFrame';
import { SpanNode, buildSpanTree, treeDepth, visibleRows } from './spanTree';
import { formatDuration, timeTicks } from './timeAxis';

interface Props {
  frame: DataFrame;
}

const ERROR_STATUS = 2;

/**
 * A trace waterfall drawn from the trace frame alone, read the way Grafana's trace view reads it
 * (readTraceFrame.ts): span tree with service colours, bars on the trace's time axis, and span
 * details (attributes, resource, events, links) on click. Contract problems are shown, not hidden.
 */
export function TraceWaterfall({ frame }: Props) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const read = useMemo(() => readTraceFrame(frame), [frame]);
  const tree = useMemo(() => buildSpanTree(read.spans), [read.spans]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState<string>();
  const rows = useMemo(() => visibleRows(tree.roots, collapsed), [tree.roots, collapsed]);
  const durationMs = Math.max(tree.endMs - tree.startMs, 1e-6);
  const colorOf = (service: string) => {
    const palette = theme.visualization.palette;
    const color = palette[tree.services.indexOf(service) % palette.length];
    return theme.visualization.getColorByName(color);
  };
  const root = tree.roots[0]?.span;
  const toggle = (spanID: string) => {
    const next = new Set(collapsed);
    if (!next.delete(spanID)) {
      next.add(spanID);
    }
    setCollapsed(next);
  };

  return (
    <div className={styles.container} data-testid="trace-waterfall">
      {read.problems.length > 0 && (
        <Alert severity="warning" title="This frame does not match what Grafana's trace view reads">
          <ul data-testid="trace-frame-problems">
            {read.problems.slice(0, 20).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </Alert>
      )}
      {root && (
        <div className={styles.header}>
          <strong>
            {root.serviceName}: {root.operationName}
          </strong>
          <span className={styles.meta}>{root.traceID}</span>
          <span className={styles.meta}>
            Start {dateTimeFormat(tree.startMs, { timeZone: 'utc', format: 'YYYY-MM-DD HH:mm:ss.SSS' })}
          </span>
          <span className={styles.meta}>Duration {formatDuration(tree.endMs - tree.startMs)}</span>
          <span className={styles.meta}>Services {tree.services.length}</span>
          <span className={styles.meta}>Depth {treeDepth(tree.roots)}</span>
          <span className={styles.meta}>Spans {read.spans.length}</span>
        </div>
      )}
      <div className={styles.legend} aria-label="Services">
        {tree.services.map((service) => (
          <span key={service} className={styles.legendItem}>
            <span className={styles.swatch} style={{ background: colorOf(service) }} />
            {service}
          </span>
        ))}
      </div>
      <div role="tree" aria-label="Spans" className={styles.table}>
        <div className={styles.row} aria-hidden>
          <div className={cx(styles.nameCell, styles.axisLabel)}>Service & operation</div>
          <div className={styles.timeline}>
            {timeTicks(durationMs).map((tick) => (
              <span
                key={tick.fraction}
                className={styles.tick}
                style={tick.fraction === 1 ? { right: 0 } : { left: `${tick.fraction * 100}%` }}
              >
                {tick.label}
              </span>
            ))}
          </div>
        </div>
        {rows.map((node) => (
          <SpanRow
            key={node.span.spanID}
            node={node}
            color={colorOf(node.span.serviceName)}
            traceStart={tree.startMs}
            traceDuration={durationMs}
            expanded={!collapsed.has(node.span.spanID)}
            selected={selected === node.span.spanID}
            onToggle={() => toggle(node.span.spanID)}
            onSelect={() => setSelected(selected === node.span.spanID ? undefined : node.span.spanID)}
          />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  node: SpanNode;
  color: string;
  traceStart: number;
  traceDuration: number;
  expanded: boolean;
  selected: boolean;
  onToggle: () => void;
  onSelect: () => void;
}

function SpanRow({ node, color, traceStart, traceDuration, expanded, selected, onToggle, onSelect }: RowProps) {
  const styles = useStyles2(getStyles);
  const theme = useTheme2();
  const { span } = node;
  const left = ((span.startTime - traceStart) / traceDuration) * 100;
  const width = Math.max((span.duration / traceDuration) * 100, 0.2);
  const isError = span.statusCode === ERROR_STATUS;
  // The duration label goes right of the bar, or left of it near the axis end, or inside a bar
  // that spans (nearly) the whole axis.
  const labelStyle: React.CSSProperties =
    left + width <= 75
      ? { left: `${left + width}%` }
      : left >= 15
        ? { right: `${100 - left}%` }
        : { left: `${left}%`, color: theme.colors.getContrastText(color) };
  return (
    <>
      <div
        role="treeitem"
        aria-level={node.depth + 1}
        aria-expanded={node.children.length > 0 ? expanded : undefined}
        aria-selected={selected}
        data-testid="trace-span-row"
        data-span-id={span.spanID}
        className={cx(styles.row, styles.spanRow, selected && styles.selected)}
      >
        <div className={styles.nameCell} style={{ paddingLeft: node.depth * 14 }}>
          {node.children.length > 0 ? (
            <button
              type="button"
              className={styles.toggle}
              onClick={onToggle}
              aria-label={`${expanded ? 'Collapse' : 'Expand'} ${span.operationName}`}
            >
              <Icon name={expanded ? 'angle-down' : 'angle-right'} />
            </button>
          ) : (
            <span className={styles.toggleSpace} />
          )}
          <span className={styles.serviceMark} style={{ background: color }} />
          <button type="button" className={styles.nameButton} onClick={onSelect} title={span.operationName}>
            {isError && <Icon name="exclamation-circle" className={styles.errorIcon} aria-label="Error" />}
            <span className={styles.service}>{span.serviceName}</span>{' '}
            <span className={styles.operation}>{span.operationName}</span>
          </button>
        </div>
        <div className={styles.timeline} onClick={onSelect}>
          <span
            className={styles.bar}
            style={{ left: `${left}%`, width: `${width}%`, background: color }}
            data-testid="trace-span-bar"
          />
          <span className={styles.barLabel} style={labelStyle}>
            {formatDuration(span.duration)}
          </span>
        </div>
      </div>
      {selected && <SpanDetails span={span} traceStart={traceStart} color={color} />}
    </>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  container: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(1) }),
  header: css({ display: 'flex', flexWrap: 'wrap', gap: theme.spacing(2), alignItems: 'baseline' }),
  meta: css({ color: theme.colors.text.secondary, fontSize: theme.typography.bodySmall.fontSize }),
  legend: css({
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(1.5),
    fontSize: theme.typography.bodySmall.fontSize,
  }),
  legendItem: css({ display: 'inline-flex', alignItems: 'center', gap: theme.spacing(0.5) }),
  swatch: css({ width: 10, height: 10, borderRadius: 2, display: 'inline-block' }),
  table: css({ border: `1px solid ${theme.colors.border.weak}`, fontSize: theme.typography.bodySmall.fontSize }),
  row: css({ display: 'grid', gridTemplateColumns: 'minmax(0, 35%) minmax(0, 65%)', minHeight: 26 }),
  spanRow: css({
    borderTop: `1px solid ${theme.colors.border.weak}`,
    '&:hover': { background: theme.colors.action.hover },
  }),
  selected: css({ background: theme.colors.action.selected }),
  nameCell: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    overflow: 'hidden',
    paddingRight: theme.spacing(1),
  }),
  axisLabel: css({ color: theme.colors.text.secondary, paddingLeft: theme.spacing(1) }),
  toggle: css({
    background: 'none',
    border: 'none',
    color: theme.colors.text.primary,
    padding: 0,
    width: 18,
    cursor: 'pointer',
  }),
  toggleSpace: css({ display: 'inline-block', width: 18, flexShrink: 0 }),
  serviceMark: css({ width: 4, alignSelf: 'stretch', flexShrink: 0 }),
  nameButton: css({
    background: 'none',
    border: 'none',
    color: theme.colors.text.primary,
    textAlign: 'left',
    cursor: 'pointer',
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    padding: 0,
  }),
  service: css({ fontWeight: theme.typography.fontWeightMedium }),
  operation: css({ color: theme.colors.text.secondary }),
  errorIcon: css({ color: theme.colors.error.text, marginRight: theme.spacing(0.5) }),
  timeline: css({ position: 'relative', borderLeft: `1px solid ${theme.colors.border.weak}`, cursor: 'pointer' }),
  tick: css({ position: 'absolute', top: 4, paddingLeft: 3, color: theme.colors.text.secondary, whiteSpace: 'nowrap' }),
  bar: css({ position: 'absolute', top: 7, height: 12, minWidth: 1, borderRadius: 2 }),
  barLabel: css({
    position: 'absolute',
    top: 5,
    padding: theme.spacing(0, 0.5),
    color: theme.colors.text.secondary,
    whiteSpace: 'nowrap',
  }),
});
