import { fireEvent, render, screen, within } from '@testing-library/react';
import { FieldType, LoadingState, PanelProps, createDataFrame, dateTime, getDefaultTimeRange } from '@grafana/data';
import React from 'react';

import { buildLatencyHeatmap, gridFromHeatmap, type LatencySample } from '../../core/analysis/latency';
import { latencySamplesFrame } from '../../shared/frames/latencyFrames';
import { LatencyHeatmapPanel } from './LatencyHeatmapPanel';
import { cellRect, computeLayout } from './render/layout';
import { COMPLETENESS_BADGE_TEST_ID } from '../../shared/components/CompletenessBadge';
import { BUDGET_REACHED } from '../../shared/frames/testing/completenessFixtures';
import { withCompleteness } from '../../shared/frames/completeness';
import { DEFAULT_OPTIONS, LatencyHeatmapOptions, parsePercentiles } from './types';

const WIDTH = 600;
const HEIGHT = 300;
const LEGEND = 24;

function samples(): LatencySample[] {
  const out: LatencySample[] = [];
  for (let i = 0; i < 100; i++) {
    const slow = i < 10;
    out.push({
      startMs: (i * 370) % 37_000,
      durationNs: slow ? 800e6 : 20e6,
      traceId: `${String(i).padStart(2, '0')}${'a'.repeat(30)}`,
      spanId: 'b'.repeat(16),
      attributes: { 'span.http.route': (slow ? i < 8 : i < 14) ? '/dispatch' : '/customer' },
    });
  }
  return out;
}

function props(
  series: PanelProps['data']['series'],
  options: Partial<LatencyHeatmapOptions> = {}
): PanelProps<LatencyHeatmapOptions> {
  const timeRange = { ...getDefaultTimeRange(), from: dateTime(0), to: dateTime(37_000) };
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, resolution: 0, ...options },
    transparent: false,
    width: WIDTH,
    height: HEIGHT,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Latency',
    eventBus: {
      publish: jest.fn(),
      getStream: jest.fn(),
      subscribe: jest.fn(),
      removeAllListeners: jest.fn(),
      newScopedBus: jest.fn(),
    },
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
  } as unknown as PanelProps<LatencyHeatmapOptions>;
}

const frame = latencySamplesFrame(samples(), {
  startMs: 0,
  endMs: 37_000,
  durationKind: 'span',
  query: '{}',
  datasourceUid: 'tl-jaeger',
});

/** The same grid the panel builds, to find where a cell is drawn. */
function expectedGrid() {
  const s = samples();
  const columns = Math.max(8, Math.floor((WIDTH - 80) / 14));
  return gridFromHeatmap(
    buildLatencyHeatmap(
      {
        length: s.length,
        startMs: s.map((x) => x.startMs),
        durationNs: s.map((x) => x.durationNs),
        traceIds: s.map((x) => x.traceId),
      },
      { startMs: 0, endMs: 37_000, stepMs: Math.ceil(37_000 / columns), resolution: 0 }
    )
  );
}

describe('LatencyHeatmapPanel', () => {
  it('summarises percentiles and the span count', () => {
    render(<LatencyHeatmapPanel {...props([frame])} />);
    expect(screen.getByText(/p99 800ms/)).toBeInTheDocument();
    expect(screen.getByText(/100 spans/)).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /Latency heatmap of 100 spans/ })).toBeInTheDocument();
  });

  it('lists example traces of a clicked cell, linking to the trace view', () => {
    render(<LatencyHeatmapPanel {...props([frame])} />);
    const grid = expectedGrid();
    const layout = computeLayout(WIDTH, HEIGHT - LEGEND, grid.columns, grid.rowBounds.length);
    const slowRow = grid.rowBounds.findIndex((b) => 800e6 > b.lowerNs && 800e6 <= b.upperNs);
    const r = cellRect(layout, 0, slowRow);
    const canvas = screen.getByTestId('latency-heatmap-canvas');
    fireEvent.mouseDown(canvas, { clientX: r.x + 2, clientY: r.y + 2 });
    fireEvent.mouseUp(canvas, { clientX: r.x + 2, clientY: r.y + 2 });
    const details = screen.getByTestId('latency-cell-details');
    const link = within(details).getByRole('link', { name: `00${'a'.repeat(30)}` });
    expect(decodeURIComponent(link.getAttribute('href') ?? '')).toContain('"queryType":"traceId"');
  });

  it('compares a dragged region with the rest and names the attribute that explains it', () => {
    render(<LatencyHeatmapPanel {...props([frame])} />);
    const grid = expectedGrid();
    const layout = computeLayout(WIDTH, HEIGHT - LEGEND, grid.columns, grid.rowBounds.length);
    const slowRow = grid.rowBounds.findIndex((b) => 800e6 > b.lowerNs && 800e6 <= b.upperNs);
    const first = cellRect(layout, 0, slowRow);
    const last = cellRect(layout, grid.columns - 1, slowRow);
    const canvas = screen.getByTestId('latency-heatmap-canvas');
    fireEvent.mouseDown(canvas, { clientX: first.x + 1, clientY: first.y + 1 });
    fireEvent.mouseMove(canvas, { clientX: last.x + last.w - 1, clientY: last.y + last.h - 1 });
    fireEvent.mouseUp(canvas, { clientX: last.x + last.w - 1, clientY: last.y + last.h - 1 });
    const table = screen.getByTestId('latency-comparison');
    expect(within(table).getByText(/10 selected spans/)).toBeInTheDocument();
    const rows = within(table).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('span.http.route=/dispatch');
    expect(rows[1]).toHaveTextContent('80%');
  });

  it('says why it is empty instead of drawing nothing', () => {
    render(
      <LatencyHeatmapPanel
        {...props([createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [1] }] })])}
      />
    );
    expect(screen.getByTestId('latency-heatmap-empty')).toHaveTextContent(/needs a TraceLens latency query/);
  });
});

describe('parsePercentiles', () => {
  it('reads a typed list, ignoring junk and duplicates', () => {
    expect(parsePercentiles('99, p50, 95 95, abc, 150')).toEqual([50, 95, 99]);
    expect(parsePercentiles('')).toEqual([50, 95, 99]);
    expect(parsePercentiles('99.9')).toEqual([99.9]);
  });

  it('says in the panel when the span count is a lower bound (#17)', () => {
    render(<LatencyHeatmapPanel {...props([withCompleteness(frame, BUDGET_REACHED)])} />);
    expect(screen.getByTestId(COMPLETENESS_BADGE_TEST_ID)).toHaveTextContent('lower bound: 20,000 of ≥ 20,153 traces');
    expect(screen.getByText(/at least 100 spans/)).toBeInTheDocument();
  });
});
