import { DataFrame, applyFieldOverrides } from '@grafana/data';
import { config, getTemplateSrv } from '@grafana/runtime';
import { Table } from '@grafana/ui';
import React, { useMemo } from 'react';

import { sandboxLinkPostProcessor } from '../runtime/linkPostProcessor';
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
        // Grafana's Explore interpolates links with its template service, which resolves the
        // data-link macros (${__value.raw}, ${__data.fields.x}) from the cell's data context.
        replaceVariables: (value, scopedVars, format) => getTemplateSrv().replace(value, scopedVars, format),
        theme: config.theme2,
        timeZone: 'utc',
        dataLinkPostProcessor: sandboxLinkPostProcessor,
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
