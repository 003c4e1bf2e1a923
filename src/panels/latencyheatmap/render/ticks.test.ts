import { buildLatencyHeatmap, gridFromHeatmap, type HeatmapGrid } from '../../../core/analysis/latency';
import { computeLayout } from './layout';
import { TIME_STEPS_MS, durationTicks, timeTicks, type TimeAxisOptions } from './ticks';

/** 15:33:47 UTC on 2026-12-05: an odd start, as a "last 37 minutes" range gives. */
const START = Date.UTC(2026, 11, 5, 15, 33, 47, 250);

function grid(durationsNs: number[], spanMs: number, columns: number, resolution = 0): HeatmapGrid {
  const stepMs = spanMs / columns;
  return gridFromHeatmap(
    buildLatencyHeatmap(
      {
        length: durationsNs.length,
        startMs: durationsNs.map((_d, i) => START + ((i * 7919) % spanMs)),
        durationNs: durationsNs,
        traceIds: durationsNs.map((_d, i) => String(i).padStart(32, '0')),
      },
      { startMs: START, endMs: START + spanMs, stepMs, resolution }
    )
  );
}

const hhmmss = (ms: number, pattern: string, offsetMs = 0) => {
  const iso = new Date(ms + offsetMs).toISOString();
  return pattern === 'HH:mm' ? iso.slice(11, 16) : pattern === 'HH:mm:ss' ? iso.slice(11, 19) : iso.slice(11, 23);
};

const axis = (canvasWidth: number, offsetMs = 0): TimeAxisOptions => ({
  format: (ms, pattern) => hhmmss(ms, pattern, offsetMs),
  // About 6.5 px per character at 12px: what canvas measureText gives for these labels.
  measure: (label) => 6.5 * label.length,
  utcOffsetMs: () => offsetMs,
  canvasWidth,
});

describe('duration ticks (#19)', () => {
  // 262 µs … 134 ms at Tempo's power-of-two rows: the old axis labelled row edges (262µs, 8.39ms).
  const durations = [300e3, 1e6, 5e6, 9e6, 20e6, 70e6, 130e6];

  it.each([0, 2])('labels round 1-2-5 values, never power-of-two row edges (resolution %d)', (resolution) => {
    const g = grid(durations, 600_000, 20, resolution);
    const l = computeLayout(600, 300, g.columns, g.rowBounds.length);
    const ticks = durationTicks(l, g);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of ticks) {
      expect(t.label).toMatch(/^(1|2|5|10|20|50|100|200|500)(ns|µs|ms|s)$/);
    }
    expect(ticks.map((t) => t.label)).not.toContain('8.39ms');
  });

  it('places each value where it falls on the log axis: inside the row that holds it', () => {
    const g = grid(durations, 600_000, 20);
    const l = computeLayout(600, 300, g.columns, g.rowBounds.length);
    const ticks = durationTicks(l, g);
    const tenMs = ticks.find((t) => t.label === '10ms');
    expect(tenMs).toBeDefined();
    // 10 ms is in (2^23, 2^24] ns: row 23's top edge is 2^24, its bottom 2^23.
    const row = g.rowBounds.findIndex((b) => 10e6 > b.lowerNs && 10e6 <= b.upperNs);
    const rowBottom = l.top + l.height - row * l.cellH;
    const rowTop = rowBottom - l.cellH;
    expect(tenMs!.at).toBeGreaterThan(rowTop);
    expect(tenMs!.at).toBeLessThan(rowBottom);
    // Longer durations sit higher.
    for (let i = 1; i < ticks.length; i++) {
      expect(ticks[i].at).toBeLessThan(ticks[i - 1].at);
    }
  });

  it('thins to decades, then every other decade, so labels never overlap', () => {
    const g = grid([3, 1e3, 1e6, 1e9, 30e9], 600_000, 20);
    for (const height of [400, 150, 70]) {
      const l = computeLayout(600, height, g.columns, g.rowBounds.length);
      const ticks = durationTicks(l, g);
      expect(ticks.length).toBeGreaterThan(0);
      for (let i = 1; i < ticks.length; i++) {
        expect(ticks[i - 1].at - ticks[i].at).toBeGreaterThanOrEqual(18);
      }
    }
  });
});

describe('time ticks (#19)', () => {
  it('puts labels on round times of a Grafana step, not on odd seconds', () => {
    const g = grid([1e6], 37 * 60_000, 40);
    const l = computeLayout(600, 300, g.columns, g.rowBounds.length);
    const ticks = timeTicks(l, g, axis(600));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    const labels = ticks.map((t) => t.label);
    // 37 minutes on ~520 px: 5-minute steps at whole minutes (15:35, 15:40, …), no 15:33:47.
    expect(labels[0]).toBe('15:35');
    for (const label of labels) {
      expect(label).toMatch(/^\d\d:\d[05]$/);
    }
  });

  it('uses the smallest step whose labels fit, and seconds only when the step needs them', () => {
    const g = grid([1e6], 90_000, 30);
    const l = computeLayout(900, 300, g.columns, g.rowBounds.length);
    const ticks = timeTicks(l, g, axis(900));
    const spacingMs = ((ticks[1].at - ticks[0].at) / l.width) * 90_000;
    expect(TIME_STEPS_MS).toContain(Math.round(spacingMs));
    expect(ticks[0].label).toMatch(/^\d\d:\d\d:\d[05]$/);
  });

  it('never clips the last label at the canvas edge', () => {
    // The window ends on a round minute: its tick sits at the plot's right edge, 12 px from the canvas edge.
    const end = Date.UTC(2026, 11, 5, 16, 0, 0);
    const g = gridFromHeatmap(
      buildLatencyHeatmap(
        { length: 1, startMs: [end - 1000], durationNs: [1e6], traceIds: ['a'.repeat(32)] },
        { startMs: end - 30 * 60_000, endMs: end, stepMs: 60_000, resolution: 0 }
      )
    );
    const l = computeLayout(600, 300, g.columns, g.rowBounds.length);
    const o = axis(600);
    for (const t of timeTicks(l, g, o)) {
      expect(t.at - o.measure(t.label) / 2).toBeGreaterThanOrEqual(0);
      expect(t.at + o.measure(t.label) / 2).toBeLessThanOrEqual(600);
    }
  });

  it('lands on round local times in a zone with a quarter-hour offset', () => {
    const g = grid([1e6], 3 * 3_600_000, 40);
    const l = computeLayout(600, 300, g.columns, g.rowBounds.length);
    const offset = 5.75 * 3_600_000; // +05:45, as Nepal: UTC-round ticks would read :15 and :45
    const labels = timeTicks(l, g, axis(600, offset)).map((t) => t.label);
    expect(labels.length).toBeGreaterThanOrEqual(3);
    for (const label of labels) {
      expect(label).toMatch(/^\d\d:(00|30)$/);
    }
  });
});
