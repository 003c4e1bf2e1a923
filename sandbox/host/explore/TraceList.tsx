import { css } from '@emotion/css';
import { DataFrame, GrafanaTheme2, dateTimeFormat, formattedValueToString, getDisplayProcessor } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Button, useStyles2 } from '@grafana/ui';
import React from 'react';

export interface TraceSummary {
  traceID: string;
  traceName: string;
  startTime?: number;
  duration?: string;
}

/** Reads the search frame's rows (traceID, traceName, startTime, traceDuration) into a list. */
export function summarizeTraces(frame: DataFrame): TraceSummary[] {
  const field = (name: string) => frame.fields.find((candidate) => candidate.name === name);
  const ids = field('traceID');
  if (!ids) {
    return [];
  }
  const names = field('traceName');
  const starts = field('startTime');
  const durations = field('traceDuration');
  // The duration as the table shows it (the field's unit and decimals), so one page never shows
  // one duration two ways.
  const durationText = durations && getDisplayProcessor({ field: durations, theme: config.theme2 });
  return ids.values.map((id, index) => ({
    traceID: String(id),
    traceName: names ? String(names.values[index] ?? '') : '',
    startTime: typeof starts?.values[index] === 'number' ? starts.values[index] : undefined,
    duration:
      durationText && durations.values[index] !== undefined
        ? formattedValueToString(durationText(durations.values[index]))
        : undefined,
  }));
}

interface Props {
  traces: TraceSummary[];
  openTraceId?: string;
  onOpen: (traceID: string) => void;
}

export function TraceList({ traces, openTraceId, onOpen }: Props) {
  const styles = useStyles2(getStyles);
  return (
    <section aria-labelledby="trace-list-heading">
      <h3 id="trace-list-heading">Traces ({traces.length})</h3>
      <ul className={styles.list} data-testid="trace-list">
        {traces.map((trace) => (
          <li key={trace.traceID} className={styles.item}>
            <Button
              size="sm"
              variant={trace.traceID === openTraceId ? 'primary' : 'secondary'}
              onClick={() => onOpen(trace.traceID)}
              aria-label={`Open trace ${trace.traceID}`}
            >
              {trace.traceID}
            </Button>
            <span className={styles.name}>{trace.traceName}</span>
            {trace.startTime !== undefined && (
              <span className={styles.meta}>{dateTimeFormat(trace.startTime, { timeZone: 'utc' })}</span>
            )}
            {trace.duration !== undefined && <span className={styles.meta}>{trace.duration}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  list: css({ listStyle: 'none', padding: 0, margin: 0, maxHeight: 320, overflowY: 'auto' }),
  item: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(2), padding: theme.spacing(0.5, 0) }),
  name: css({ fontWeight: theme.typography.fontWeightMedium }),
  meta: css({ color: theme.colors.text.secondary }),
});
