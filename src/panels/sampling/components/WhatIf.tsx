import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Input, useStyles2 } from '@grafana/ui';
import React, { useState } from 'react';

import { suggestRate, whatIf, type ServiceSampling } from '../../../core/analysis/sampling';
import { formatCpuPercent, formatP99Error, formatPercent, formatRate, formatStoragePerDay } from '../format';
import { SamplingPanelOptions, parseRates } from '../types';
import { costModelOf, rowKey } from './ServiceTable';
import { scrollTableStyles } from './tableStyles';

/** The service graph's definition, said where the number is shown (the service graph says the same). */
export const ERROR_RATE_DEFINITION =
  'Error rate: calls whose callee span failed (here the root span of each request into the service), weighted by 1/p, as in the service graph.';

interface Props {
  row: ServiceSampling;
  options: SamplingPanelOptions;
  /** The window was not read completely: the traffic, and so every rate priced from it, is a lower bound. */
  atLeast?: boolean;
}

/** Candidate rates (and one typed by the user) priced for one service, with the suggested rate. */
export function WhatIf({ row, options, atLeast = false }: Props) {
  const styles = useStyles2(getStyles);
  const table = useStyles2(scrollTableStyles);
  const [typed, setTyped] = useState('');
  if (row.estimatedRequestsPerSecond === null) {
    return (
      <p className={styles.muted} data-testid="sampling-whatif">
        What-if needs the real request rate, which cannot be estimated for {rowKey(row)}: {row.notes.join(' ')}
      </p>
    );
  }
  const input = {
    requestsPerSecond: row.estimatedRequestsPerSecond,
    spansPerTrace: row.spansPerTrace,
    errorRate: row.errorRate,
    model: costModelOf(row, options),
    cpuBudgetPercent: options.cpuBudgetPercent,
    storageBudgetGBPerDay: options.storageBudgetGBPerDay,
  };
  const rates = parseRates(`${options.candidateRates} ${typed}`);
  const suggested = suggestRate(input);
  const floorOverBudget = whatIf(input, [1])[0].cost.cpuFloorPercentOfCore >= options.cpuBudgetPercent;
  const bound = atLeast ? 'at least ' : '';
  const rows = whatIf(
    input,
    suggested !== null && !rates.includes(suggested) ? [...rates, suggested].sort((a, b) => a - b) : rates
  );

  return (
    <section data-testid="sampling-whatif" aria-label={`What if, for ${rowKey(row)}`}>
      <div className={styles.header}>
        <strong>What if {rowKey(row)} sampled at…</strong>
        <Input
          width={14}
          placeholder="rate %"
          aria-label="Try a sampling rate in percent"
          value={typed}
          onChange={(e) => setTyped(e.currentTarget.value)}
        />
        <span className={styles.muted}>
          {bound}
          {formatRate(row.estimatedRequestsPerSecond, 'real requests')}, {row.spansPerTrace.toFixed(1)} spans each,{' '}
          <abbr title={ERROR_RATE_DEFINITION}>{formatPercent(row.errorRate)} failed</abbr>
        </span>
      </div>
      <div className={table.scroll} data-testid="sampling-whatif-scroll">
        <table className={table.table}>
          <thead>
            <tr>
              <th scope="col">Rate</th>
              <th scope="col">Traces kept</th>
              <th scope="col">CPU (% of a core)</th>
              <th scope="col">Storage</th>
              <th scope="col">Error traces kept</th>
              <th scope="col">Hourly p99 error</th>
              <th scope="col">Budget</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.rate} className={cx(r.rate === suggested && styles.suggested)}>
                <th scope="row">
                  {formatPercent(r.rate)}
                  {r.rate === suggested && ' (suggested)'}
                </th>
                <td>
                  {bound}
                  {formatRate(r.tracesPerSecond)}
                </td>
                <td>{formatCpuPercent(r.cost.cpuPercentOfCore)}</td>
                <td>{formatStoragePerDay(r.cost.storageGBPerDay)}</td>
                <td>
                  {bound}
                  {formatRate(r.errorTracesPerHour / 3600)}
                </td>
                <td>{formatP99Error(r.p99RelativeError)}</td>
                <td className={r.withinBudget ? styles.ok : styles.over}>{r.withinBudget ? 'within' : 'over'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {atLeast && (
        <p className={styles.muted} data-testid="sampling-whatif-lower-bound">
          The traffic above is a lower bound (the time range was not read completely): costs are at least these, and the
          suggested rate may be higher than the budgets allow.
        </p>
      )}
      {suggested === null && floorOverBudget && (
        <p className={styles.over}>
          Instrumentation alone costs {formatCpuPercent(rows[0].cost.cpuFloorPercentOfCore)} of a core at this traffic,
          before any span is recorded: no sampling rate meets a {options.cpuBudgetPercent}% budget. Trim instrumentation
          (fewer auto-instrumented libraries) or raise the budget.
        </p>
      )}
      {suggested === null && !floorOverBudget && (
        <p className={styles.over}>
          Even the smallest rate is over budget: raise the budgets or trace fewer spans per request.
        </p>
      )}
    </section>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  header: css({
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(1),
    margin: theme.spacing(1, 0),
    flexWrap: 'wrap',
  }),
  muted: css({ color: theme.colors.text.secondary }),
  // A gradient layer, so the opaque sticky first cell shows the highlight too.
  suggested: css({
    '&, & > :first-child': {
      backgroundImage: `linear-gradient(${theme.colors.success.transparent}, ${theme.colors.success.transparent})`,
    },
  }),
  ok: css({ color: theme.colors.success.text }),
  over: css({ color: theme.colors.error.text }),
});
