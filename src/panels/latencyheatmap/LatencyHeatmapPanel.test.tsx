import { fireEvent, render, screen, within } from '@testing-library/react';
import { FieldType, LoadingState, PanelProps, createDataFrame, dateTime, getDefaultTimeRange } from '@grafana/data';
import React from 'react';

import { buildLatencyHeatmap, gridFromHeatmap, type LatencySample } from '../../core/analysis/latency';
import { latencySamplesFrame } from '../../shared/frames/latencyFrames';
import { LatencyHeatmapPanel, SIDE_DETAILS_MIN_WIDTH, detailsLayout } from './LatencyHeatmapPanel';
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
  options: Partial<LatencyHeatmapOptions> = {},
  width = WIDTH
): PanelProps<LatencyHeatmapOptions> {
  const timeRange = { ...getDefaultTimeRange(), from: dateTime(0), to: dateTime(37_000) };
  return {
    id: 1,
    data: { series, state: LoadingState.Done, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...DEFAULT_OPTIONS, resolution: 0, ...options },
    transparent: false,
    width,
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
function expectedGrid(width = WIDTH) {
  const s = samples();
  const columns = Math.max(8, Math.floor((width - 80) / 14));
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

  it('shows a colour scale from one span to the fullest cell (#19)', () => {
    render(<LatencyHeatmapPanel {...props([frame], { countScale: 'linear' })} />);
    const legend = screen.getByTestId('latency-color-legend');
    const max = expectedGrid().maxCount;
    expect(legend).toHaveAccessibleName(
      `Colour scale, spans per cell (linear): 1, ${Math.round((1 + max) / 2)}, ${max}`
    );
    expect(legend).toHaveTextContent('spans/cell');
  });

  describe('a dragged region (#19)', () => {
    let draws: Array<Array<[string, unknown[]]>> = [];
    let getContext: jest.SpyInstance;
    beforeEach(() => {
      draws = [];
      // jsdom has no canvas: record what the panel draws, one list per frame (each starts with clearRect).
      getContext = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => {
        const target: Record<string, unknown> = {
          measureText: (text: string) => ({ width: 6 * text.length }),
          clearRect: (...args: unknown[]) => draws.push([['clearRect', args]]),
        };
        return new Proxy(target, {
          get: (_t, prop: string) =>
            prop in target ? target[prop] : (...args: unknown[]) => draws[draws.length - 1]?.push([prop, args]),
          set: (_t, prop: string, value) => {
            target[prop] = prop === 'measureText' || prop === 'clearRect' ? target[prop] : value;
            return true;
          },
        }) as unknown as CanvasRenderingContext2D;
      });
    });
    afterEach(() => getContext.mockRestore());

    function dragSlowRow(width: number) {
      const grid = expectedGrid(width);
      const layout = computeLayout(width, HEIGHT - LEGEND, grid.columns, grid.rowBounds.length);
      const slowRow = grid.rowBounds.findIndex((b) => 800e6 > b.lowerNs && 800e6 <= b.upperNs);
      const first = cellRect(layout, 1, slowRow);
      const last = cellRect(layout, 4, slowRow);
      const canvas = screen.getByTestId('latency-heatmap-canvas');
      fireEvent.mouseDown(canvas, { clientX: first.x + 1, clientY: first.y + 1 });
      fireEvent.mouseMove(canvas, { clientX: last.x + last.w - 1, clientY: last.y + last.h - 1 });
      fireEvent.mouseUp(canvas, { clientX: last.x + last.w - 1, clientY: last.y + last.h - 1 });
      return { first, last };
    }

    it.each([WIDTH, 1000])('keeps the heatmap height when the comparison opens (panel %d px wide)', (width) => {
      render(<LatencyHeatmapPanel {...props([frame], {}, width)} />);
      const canvas = screen.getByTestId('latency-heatmap-canvas');
      const before = canvas.style.height;
      dragSlowRow(width);
      expect(screen.getByTestId('latency-comparison')).toBeInTheDocument();
      expect(canvas.style.height).toBe(before);
      expect(canvas.style.height).toBe(`${HEIGHT - LEGEND}px`);
      if (width >= SIDE_DETAILS_MIN_WIDTH) {
        // Beside the heatmap, as tall as it.
        const { detailsWidth } = detailsLayout(width, HEIGHT, true);
        expect(screen.getByTestId('latency-details').style.width).toBe(`${detailsWidth}px`);
        expect(canvas.style.width).toBe(`${width - detailsWidth}px`);
      }
    });

    it('keeps drawing the selection box after the mouse is released', () => {
      render(<LatencyHeatmapPanel {...props([frame])} />);
      const { first, last } = dragSlowRow(WIDTH);
      expect(screen.getByTestId('latency-comparison')).toBeInTheDocument();
      const lastFrame = draws[draws.length - 1];
      const dashed = lastFrame.findIndex(([name, args]) => name === 'setLineDash' && (args[0] as number[]).length > 0);
      expect(dashed).toBeGreaterThanOrEqual(0);
      const [name, rect] = lastFrame[dashed + 1];
      expect(name).toBe('strokeRect');
      const [x, y, w, h] = rect as number[];
      expect(x).toBeCloseTo(first.x, 6);
      expect(y).toBeCloseTo(first.y, 6);
      expect(x + w).toBeCloseTo(last.x + last.w, 6);
      expect(y + h).toBeCloseTo(last.y + last.h, 6);
    });
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
