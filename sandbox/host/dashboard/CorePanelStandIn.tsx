import { DataTopic, FieldColorModeId, PanelData, TimeRange, applyFieldOverrides } from '@grafana/data';
import { config } from '@grafana/runtime';
import { LegendDisplayMode, TimeSeries } from '@grafana/ui';
import React from 'react';

import { FrameTable } from '../components/FrameTable';

/** Grafana's built-in panels the provisioned dashboard uses beside ours. */
const CORE_PANELS = new Set(['table', 'timeseries']);

export function isCorePanel(type: string): boolean {
  return CORE_PANELS.has(type);
}

interface Props {
  type: string;
  data: PanelData;
  width: number;
  height: number;
  range: TimeRange;
}

/**
 * Grafana's core Table and Time series panels live in Grafana itself, not in a package. The sandbox
 * stands in with the @grafana/ui components those panels are built on, so the dashboard's TraceQL
 * search and metrics panels still show their live frames.
 */
export function CorePanelStandIn({ type, data, width, height, range }: Props) {
  const frames = data.series.filter((frame) => frame.length > 0);
  if (frames.length === 0) {
    return null;
  }
  if (type === 'table') {
    return <FrameTable frame={frames[0]} height={height} label="Table panel" />;
  }
  // Grafana takes annotation frames (the data source's exemplars) out of the series and marks them
  // on the graph; drawn as a series they became an "exemplar" line that took the next palette
  // colour (dark blue, beside a series' blue). The stand-in leaves them out.
  const series = frames.filter((frame) => frame.meta?.dataTopic !== DataTopic.Annotations);
  // Axis and legend text come from each field's display processor, which field overrides attach.
  const processed = applyFieldOverrides({
    data: series,
    // The Time series panel's default: one classic-palette colour per series.
    fieldConfig: { defaults: { color: { mode: FieldColorModeId.PaletteClassic } }, overrides: [] },
    replaceVariables: (value: string) => value,
    theme: config.theme2,
    timeZone: 'utc',
  });
  return (
    <TimeSeries
      frames={processed}
      width={width}
      height={height}
      timeRange={range}
      timeZone="utc"
      legend={{ displayMode: LegendDisplayMode.List, showLegend: true, placement: 'bottom', calcs: [] }}
    />
  );
}
