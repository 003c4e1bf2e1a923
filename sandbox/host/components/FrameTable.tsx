import { DataFrame, applyFieldOverrides } from '@grafana/data';
import { config } from '@grafana/runtime';
import { Table } from '@grafana/ui';
import React, { useMemo } from 'react';

import { useElementWidth } from './useElementWidth';

interface Props {
  frame: DataFrame;
  height: number;
  /** Accessible name for the table region. */
  label: string;
}

/**
 * Grafana's own Table component over one frame, after the same field processing Explore applies
 * (display processors, units, links), so the frame looks here as it would in Grafana.
 */
export function FrameTable({ frame, height, label }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>();
  const processed = useMemo(
    () =>
      applyFieldOverrides({
        data: [frame],
        fieldConfig: { defaults: {}, overrides: [] },
        replaceVariables: (value: string) => value,
        theme: config.theme2,
        timeZone: 'utc',
      })[0],
    [frame]
  );
  return (
    <section
      ref={ref}
      aria-label={label}
      data-sandbox-chrome="grafana-table"
      data-testid={`frame-table-${frame.name ?? frame.refId ?? 'frame'}`}
    >
      {width > 0 && <Table data={processed} width={width} height={height} />}
    </section>
  );
}
