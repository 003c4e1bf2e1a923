import { css } from '@emotion/css';
import { GrafanaTheme2, PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import React, { useMemo, useState } from 'react';

import { CompletenessBadge } from '../../shared/components/CompletenessBadge';
import { readCompleteness } from '../../shared/frames/completeness';
import { readSamplingFrame } from '../../shared/frames/samplingFrames';
import { Explanations } from './components/Explanations';
import { ServiceTable, rowKey } from './components/ServiceTable';
import { WhatIf } from './components/WhatIf';
import { formatRate } from './format';
import { DEFAULT_OPTIONS, SamplingPanelOptions } from './types';

export function SamplingPanel({ data, width, height, options }: PanelProps<SamplingPanelOptions>) {
  const styles = useStyles2(getStyles);
  const opts = { ...DEFAULT_OPTIONS, ...options };
  const table = useMemo(() => {
    for (const frame of data.series) {
      const read = readSamplingFrame(frame);
      if (read) {
        return read;
      }
    }
    return undefined;
  }, [data.series]);
  const completeness = useMemo(() => readCompleteness(data.series), [data.series]);
  const [selected, setSelected] = useState<string | undefined>();

  if (!table) {
    return (
      <div className={styles.empty} style={{ width, height }} data-testid="sampling-empty">
        {data.series.length === 0 ? 'No traces in this time range.' : 'This panel needs a TraceLens sampling query.'}
      </div>
    );
  }
  if (table.rows.length === 0) {
    return (
      <div className={styles.empty} style={{ width, height }} data-testid="sampling-empty">
        No root spans in this time range, so there is nothing to say about sampling yet.
      </div>
    );
  }

  const current = table.rows.find((r) => rowKey(r) === selected) ?? table.rows[0];
  const totalStored = table.rows.reduce((n, r) => n + r.storedTracesPerSecond, 0);
  const estimable = table.rows.filter((r) => r.estimatedRequestsPerSecond !== null);
  const totalReal = estimable.reduce((n, r) => n + (r.estimatedRequestsPerSecond ?? 0), 0);
  // Counts from a window that was not read completely are lower bounds, and say so.
  const atLeast = completeness !== undefined && !completeness.complete ? 'at least ' : '';

  return (
    <div className={styles.panel} style={{ width, height }}>
      <CompletenessBadge meta={completeness} />
      <p className={styles.summary}>
        Stored {atLeast}
        {formatRate(totalStored, 'traces')}; they stand for {atLeast}
        {formatRate(totalReal, 'requests')}
        {estimable.length < table.rows.length
          ? ` (${table.rows.length - estimable.length} services not estimable)`
          : ''}{' '}
        over the last {Math.round(table.meta.windowSeconds / 60)} min. Budgets: {opts.cpuBudgetPercent}% CPU,{' '}
        {opts.storageBudgetGBPerDay} GB/day.
      </p>
      <ServiceTable
        rows={table.rows}
        options={opts}
        selected={rowKey(current)}
        onSelect={setSelected}
        atLeast={atLeast !== ''}
      />
      <WhatIf row={current} options={opts} atLeast={atLeast !== ''} />
      <Explanations cpuMicrosPerSpan={opts.cpuMicrosPerSpan} cpuMicrosPerRequest={opts.cpuMicrosPerRequest} />
    </div>
  );
}

const getStyles = (theme: GrafanaTheme2) => ({
  // Only vertical scrolling here: wide tables scroll sideways inside their own wrappers.
  panel: css({ overflowX: 'hidden', overflowY: 'auto', padding: theme.spacing(0, 0.5) }),
  summary: css({ margin: theme.spacing(0, 0, 1, 0), color: theme.colors.text.secondary }),
  empty: css({
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    color: theme.colors.text.secondary,
    textAlign: 'center',
  }),
});
