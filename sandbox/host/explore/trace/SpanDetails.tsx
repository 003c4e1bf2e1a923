import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React from 'react';

import { KeyValue, WaterfallSpan } from './readTraceFrame';
import { formatDuration } from './timeAxis';

interface Props {
  span: WaterfallSpan;
  traceStart: number;
  color: string;
}

const STATUS: Record<number, string> = { 0: 'unset', 1: 'ok', 2: 'error' };

function valueText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function KeyValueTable({ title, items, testId }: { title: string; items: KeyValue[]; testId: string }) {
  const styles = useStyles2(getStyles);
  if (items.length === 0) {
    return null;
  }
  return (
    <section aria-label={title} data-testid={testId}>
      <h4 className={styles.heading}>
        {title} ({items.length})
      </h4>
      <table className={styles.table}>
        <tbody>
          {items.map((item, index) => (
            <tr key={`${item.key}-${index}`}>
              <th scope="row" className={styles.key}>
                {item.key}
              </th>
              <td className={styles.value}>{valueText(item.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** One span's details: identity, timing, status, attributes, resource, events and links. */
export function SpanDetails({ span, traceStart, color }: Props) {
  const styles = useStyles2(getStyles);
  const summary: KeyValue[] = [
    { key: 'Service', value: span.serviceName },
    { key: 'Operation', value: span.operationName },
    { key: 'Kind', value: span.kind ?? '–' },
    {
      key: 'Status',
      value:
        span.statusCode === undefined
          ? '–'
          : `${STATUS[span.statusCode] ?? span.statusCode}${span.statusMessage ? `: ${span.statusMessage}` : ''}`,
    },
    { key: 'Start', value: `${formatDuration(span.startTime - traceStart)} after the trace start` },
    { key: 'Duration', value: formatDuration(span.duration) },
    { key: 'Span ID', value: span.spanID },
    { key: 'Parent span ID', value: span.parentSpanID ?? '– (root)' },
  ];
  if (span.library) {
    summary.push({ key: 'Library', value: `${span.library}${span.libraryVersion ? ` ${span.libraryVersion}` : ''}` });
  }
  if (span.traceState) {
    summary.push({ key: 'Trace state', value: span.traceState });
  }
  return (
    <div className={styles.details} style={{ borderLeftColor: color }} data-testid="trace-span-details">
      <KeyValueTable title="Span" items={summary} testId="span-summary" />
      <KeyValueTable title="Attributes" items={span.tags} testId="span-attributes" />
      <KeyValueTable title="Resource" items={span.serviceTags} testId="span-resource" />
      {span.logs.length > 0 && (
        <section aria-label="Events" data-testid="span-events">
          <h4 className={styles.heading}>Events ({span.logs.length})</h4>
          <ul className={styles.list}>
            {span.logs.map((log, index) => (
              <li key={index}>
                <strong>{formatDuration(log.timestamp - traceStart)}</strong> {log.name ?? ''}
                {log.fields.length > 0 && (
                  <span className={styles.fields}>
                    {' '}
                    {log.fields.map((field) => `${field.key}=${valueText(field.value)}`).join(' ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {span.references.length > 0 && (
        <section aria-label="Links" data-testid="span-links">
          <h4 className={styles.heading}>Links ({span.references.length})</h4>
          <ul className={styles.list}>
            {span.references.map((link, index) => (
              <li key={index}>
                trace {link.traceID} span {link.spanID}
                {link.tags.length > 0 && (
                  <span className={styles.fields}>
                    {' '}
                    {link.tags.map((tag) => `${tag.key}=${valueText(tag.value)}`).join(' ')}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
      {span.warnings.length > 0 && (
        <section aria-label="Warnings">
          <h4 className={styles.heading}>Warnings</h4>
          <ul className={styles.list}>
            {span.warnings.map((warning) => (
              <li key={warning}>{warning}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  details: css({
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
    borderLeft: '4px solid',
    borderTop: `1px solid ${theme.colors.border.weak}`,
    background: theme.colors.background.secondary,
  }),
  heading: css({ fontSize: theme.typography.bodySmall.fontSize, margin: theme.spacing(0, 0, 0.5) }),
  table: css({ borderCollapse: 'collapse', width: '100%' }),
  key: css({
    textAlign: 'left',
    fontWeight: theme.typography.fontWeightRegular,
    color: theme.colors.text.secondary,
    padding: theme.spacing(0.25, 1, 0.25, 0),
    verticalAlign: 'top',
    whiteSpace: 'nowrap',
  }),
  value: css({
    fontFamily: theme.typography.fontFamilyMonospace,
    wordBreak: 'break-all',
    padding: theme.spacing(0.25, 0),
  }),
  list: css({ margin: 0, paddingLeft: theme.spacing(2) }),
  fields: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.secondary }),
});
