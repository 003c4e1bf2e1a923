import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Badge, BadgeColor, Tooltip, useStyles2 } from '@grafana/ui';
import React from 'react';

import { costAt, suggestRate, type SamplerKind, type ServiceSampling } from '../../../core/analysis/sampling';
import { formatCount, formatCpuPercent, formatPercent, formatRate, formatStoragePerDay } from '../format';
import { SamplingPanelOptions } from '../types';
import { scrollTableStyles } from './tableStyles';

const SAMPLER_LABEL: Record<SamplerKind, { text: string; color: BadgeColor; help: string }> = {
  tracestate: {
    text: 'tracestate',
    color: 'green',
    help: 'Exact probability from the OpenTelemetry tracestate threshold (ot=th:…) on root spans.',
  },
  'jaeger-tags': {
    text: 'sampler tags',
    color: 'green',
    help: 'Probability from sampler.type/sampler.param (or SampleRate) tags on root spans.',
  },
  strategy: {
    text: 'Jaeger strategy',
    color: 'blue',
    help: 'Probability Jaeger serves this service on its remote-sampling endpoint.',
  },
  'rate-limited': {
    text: 'rate limited',
    color: 'orange',
    help: 'Keeps a fixed number of traces per second: real traffic cannot be extrapolated.',
  },
  unknown: {
    text: 'unknown',
    color: 'red',
    help: 'No tracestate threshold, sampler tags or strategy: nothing is guessed.',
  },
};

interface Props {
  rows: readonly ServiceSampling[];
  options: SamplingPanelOptions;
  selected?: string;
  onSelect: (key: string) => void;
  /** The window was not read completely: every stored and estimated figure is a lower bound. */
  atLeast?: boolean;
}

export const rowKey = (r: ServiceSampling) => (r.operation ? `${r.service} ${r.operation}` : r.service);

export function costModelOf(r: ServiceSampling, options: SamplingPanelOptions) {
  return {
    cpuMicrosPerSpan: options.cpuMicrosPerSpan,
    cpuMicrosPerRequest: options.cpuMicrosPerRequest,
    bytesPerSpan: bytesPerSpanOf(r, options),
  };
}

export function bytesPerSpanOf(r: ServiceSampling, options: SamplingPanelOptions): number {
  return r.bytesPerSpan ?? options.fallbackBytesPerSpan;
}

/** One row per service: sampler, effective vs configured rate, stored vs real traffic, cost vs budget. */
export function ServiceTable({ rows, options, selected, onSelect, atLeast = false }: Props) {
  const styles = useStyles2(getStyles);
  // Each row's figures must say they are lower bounds on their own: a row is read apart from the summary.
  const bound = atLeast ? 'at least ' : '';
  const table = useStyles2(scrollTableStyles);
  return (
    <div className={table.scroll} data-testid="sampling-table-scroll">
      <table className={table.table} data-testid="sampling-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Sampler</th>
            <th scope="col">Configured</th>
            <th scope="col">Effective</th>
            <th scope="col">Stored traces</th>
            <th scope="col">Est. real requests</th>
            <th scope="col">Est. requests in range</th>
            <th scope="col">95% interval</th>
            <th scope="col">Spans/trace</th>
            <th scope="col">CPU</th>
            <th scope="col">Storage</th>
            <th scope="col">Suggested</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const key = rowKey(r);
            const label = SAMPLER_LABEL[r.sampler];
            const model = costModelOf(r, options);
            const cost = costAt(r.storedSpansPerSecond, model, r.estimatedRequestsPerSecond);
            const cpuOver = cost.cpuPercentOfCore > options.cpuBudgetPercent;
            const storageOver = (cost.storageGBPerDay ?? 0) > options.storageBudgetGBPerDay;
            const suggested =
              r.estimatedRequestsPerSecond !== null
                ? suggestRate({
                    requestsPerSecond: r.estimatedRequestsPerSecond,
                    spansPerTrace: r.spansPerTrace,
                    errorRate: r.errorRate,
                    model,
                    cpuBudgetPercent: options.cpuBudgetPercent,
                    storageBudgetGBPerDay: options.storageBudgetGBPerDay,
                  })
                : null;
            return (
              <tr
                key={key}
                className={cx(styles.row, key === selected && styles.selected)}
                onClick={() => onSelect(key)}
                aria-selected={key === selected}
                tabIndex={0}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect(key)}
              >
                <th scope="row">
                  {r.service}
                  {r.operation && <span className={styles.muted}> {r.operation}</span>}
                </th>
                <td>
                  <Tooltip content={`${label.help} ${r.samplerDetail}`}>
                    <span>
                      <Badge text={label.text} color={label.color} />
                    </span>
                  </Tooltip>
                </td>
                <td>{formatPercent(r.probability)}</td>
                <td>{formatPercent(r.effectiveRate)}</td>
                <td>
                  {bound}
                  {formatRate(r.storedTracesPerSecond)}
                </td>
                {r.estimatedRequestsPerSecond === null ? (
                  <td colSpan={3} title={r.notes.join(' ')}>
                    <span className={styles.muted}>not estimable</span>
                  </td>
                ) : (
                  <>
                    <td>
                      {bound}
                      {formatRate(r.estimatedRequestsPerSecond)}
                    </td>
                    <td>
                      {bound}
                      {formatCount(r.estimatedRequests)}
                    </td>
                    <td title="95% interval for the requests in the time range">
                      {r.estimatedRequestsInterval
                        ? `${formatCount(r.estimatedRequestsInterval[0])}–${formatCount(r.estimatedRequestsInterval[1])}`
                        : '–'}
                    </td>
                  </>
                )}
                <td>{r.spansPerTrace.toFixed(1)}</td>
                <td
                  className={cpuOver ? styles.over : styles.under}
                  title={
                    r.estimatedRequestsPerSecond === null
                      ? 'Recording cost only: the per-request instrumentation cost needs the real request rate'
                      : `${formatCpuPercent(cost.cpuFloorPercentOfCore)} of it is per-request instrumentation that sampling does not remove`
                  }
                >
                  {r.estimatedRequestsPerSecond === null ? '≥ ' : ''}
                  {formatCpuPercent(cost.cpuPercentOfCore)}
                </td>
                <td className={storageOver ? styles.over : styles.under}>
                  {formatStoragePerDay(cost.storageGBPerDay ?? 0)}
                </td>
                <td>{suggested === null ? '–' : formatPercent(suggested)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  row: css({
    cursor: 'pointer',
    '&:hover, &:hover > :first-child': {
      backgroundImage: `linear-gradient(${theme.colors.action.hover}, ${theme.colors.action.hover})`,
    },
  }),
  // The sticky first cell is opaque; a gradient layer over it shows the selection there too.
  selected: css({
    '&, & > :first-child': {
      backgroundImage: `linear-gradient(${theme.colors.action.selected}, ${theme.colors.action.selected})`,
    },
  }),
  // Full-contrast text (small type on a selected row fails contrast in secondary colour); italics mark it as secondary.
  muted: css({ color: theme.colors.text.primary, fontStyle: 'italic' }),
  over: css({ color: theme.colors.error.text, fontWeight: theme.typography.fontWeightMedium }),
  under: css({ color: theme.colors.success.text }),
});
