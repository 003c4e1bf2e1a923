import { css, cx } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Input, useStyles2 } from '@grafana/ui';
import React, { useState } from 'react';

import { suggestRate, whatIf, type ServiceSampling } from '../../../core/analysis/sampling';
import { SamplingPanelOptions, formatPercent, formatRate, parseRates } from '../types';
import { costModelOf, rowKey } from './ServiceTable';

interface Props {
  row: ServiceSampling;
  options: SamplingPanelOptions;
}

/** Candidate rates (and one typed by the user) priced for one service, with the suggested rate. */
export function WhatIf({ row, options }: Props) {
  const styles = useStyles2(getStyles);
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
          {formatRate(row.estimatedRequestsPerSecond)} real requests, {row.spansPerTrace.toFixed(1)} spans each,{' '}
          {formatPercent(row.errorRate)} with errors
        </span>
      </div>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Rate</th>
            <th scope="col">Traces kept</th>
            <th scope="col">CPU (% of a core)</th>
            <th scope="col">Storage</th>
            <th scope="col">Error traces kept/hour</th>
            <th scope="col">p99 error (hourly)</th>
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
              <td>{formatRate(r.tracesPerSecond)}</td>
              <td>{r.cost.cpuPercentOfCore.toPrecision(2)}%</td>
              <td>{r.cost.storageGBPerDay === null ? '–' : `${r.cost.storageGBPerDay.toPrecision(2)} GB/day`}</td>
              <td>{r.errorTracesPerHour.toFixed(r.errorTracesPerHour < 10 ? 1 : 0)}</td>
              <td>{Number.isFinite(r.p99RelativeError) ? `±${formatPercent(r.p99RelativeError)}` : 'no data'}</td>
              <td className={r.withinBudget ? styles.ok : styles.over}>{r.withinBudget ? 'within' : 'over'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {suggested === null && floorOverBudget && (
        <p className={styles.over}>
          Instrumentation alone costs {rows[0].cost.cpuFloorPercentOfCore.toPrecision(2)}% of a core at this traffic,
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
  table: css({
    width: '100%',
    borderCollapse: 'collapse',
    fontSize: theme.typography.bodySmall.fontSize,
    'th, td': {
      textAlign: 'left',
      padding: theme.spacing(0.25, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
    },
  }),
  suggested: css({ background: theme.colors.success.transparent }),
  ok: css({ color: theme.colors.success.text }),
  over: css({ color: theme.colors.error.text }),
});
