import { formatDurationNs, type HeatmapGrid } from '../../../core/analysis/latency';
import { yForDuration, type PlotLayout } from './layout';

export interface Tick {
  /** Pixel position along the axis (y for durations, x for times). */
  readonly at: number;
  readonly label: string;
}

/**
 * Round durations for the log axis, grouped by how readable they are: decades first (1 ms, 10 ms,
 * 1 s, 1 m, 1 h), then fives, then twos, and 15/30 for minutes and hours. Row edges are powers of
 * two (8.39 ms, 262 µs), which nobody reads at a glance; these are placed inside the rows instead.
 */
function durationCandidates(minNs: number, maxNs: number): Array<{ ns: number; level: number }> {
  const out: Array<{ ns: number; level: number }> = [];
  // Below a minute, 1-2-5 steps in decimal units.
  for (let decade = 1; decade <= 1e10; decade *= 10) {
    for (const [m, level] of [
      [1, 0],
      [5, 1],
      [2, 2],
    ] as const) {
      const ns = m * decade;
      if (ns < 60e9) {
        out.push({ ns, level });
      }
    }
  }
  // From a minute up, clock steps: 1m, 10m, 1h as decades, 5m, 30m as fives, 2m, 15m as twos.
  const minute = 60e9;
  const hour = 3600e9;
  const clock: Array<[number, number]> = [
    [minute, 0],
    [2 * minute, 2],
    [5 * minute, 1],
    [10 * minute, 0],
    [15 * minute, 2],
    [30 * minute, 1],
    [hour, 0],
    [2 * hour, 2],
    [6 * hour, 1],
    [12 * hour, 2],
    [24 * hour, 0],
  ];
  for (const [ns, level] of clock) {
    out.push({ ns, level });
  }
  return out.filter((c) => c.ns >= minNs && c.ns <= maxNs).sort((a, b) => a.ns - b.ns);
}

/**
 * Duration ticks at round values (1-2-5 steps in the right unit), placed where they fall on the
 * log axis. The most detailed set whose neighbours are at least minSpacingPx apart wins; when even
 * the decades are too close, every other one is kept so labels never overlap.
 */
export function durationTicks(l: PlotLayout, grid: HeatmapGrid, minSpacingPx = 18): Tick[] {
  const rows = grid.rowBounds;
  if (rows.length === 0) {
    return [];
  }
  const minNs = Math.max(1, rows[0].lowerNs);
  const maxNs = rows[rows.length - 1].upperNs;
  const placed = durationCandidates(minNs, maxNs).flatMap((c) => {
    const y = yForDuration(l, grid, c.ns);
    return y === undefined ? [] : [{ ...c, y }];
  });
  const spaced = (ticks: ReadonlyArray<{ y: number }>) =>
    ticks.every((t, i) => i === 0 || Math.abs(ticks[i - 1].y - t.y) >= minSpacingPx);
  for (const level of [2, 1, 0]) {
    const set = placed.filter((t) => t.level <= level);
    if (set.length > 0 && spaced(set)) {
      return set.map((t) => ({ at: t.y, label: formatDurationNs(t.ns) }));
    }
  }
  const thinned: Array<{ ns: number; y: number }> = [];
  for (const t of placed.filter((c) => c.level === 0)) {
    if (thinned.length === 0 || Math.abs(thinned[thinned.length - 1].y - t.y) >= minSpacingPx) {
      thinned.push(t);
    }
  }
  return thinned.map((t) => ({ at: t.y, label: formatDurationNs(t.ns) }));
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Steps a time axis may use, as Grafana's: each a round number on a clock or a calendar. */
export const TIME_STEPS_MS: readonly number[] = [
  10,
  20,
  50,
  100,
  200,
  500,
  SECOND,
  2 * SECOND,
  5 * SECOND,
  10 * SECOND,
  15 * SECOND,
  30 * SECOND,
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
  30 * DAY,
];

/** The label format for a step: seconds only when the step needs them, dates once days pass. */
export function timeFormatFor(stepMs: number, spanMs: number): string {
  if (stepMs < SECOND) {
    return 'HH:mm:ss.SSS';
  }
  if (stepMs < MINUTE) {
    return 'HH:mm:ss';
  }
  if (stepMs >= DAY) {
    return 'MM/DD';
  }
  return spanMs > DAY ? 'MM/DD HH:mm' : 'HH:mm';
}

export interface TimeAxisOptions {
  /** Label text for a time, in the format timeFormatFor chose. */
  readonly format: (ms: number, pattern: string) => string;
  /** Rendered width of a label in px (canvas measureText in the panel). */
  readonly measure: (label: string) => number;
  /** The displayed time zone's offset from UTC at a time, in ms, so ticks land on local round times. */
  readonly utcOffsetMs: (ms: number) => number;
  /** Width of the whole canvas: a label must fit inside it, not be clipped at the edge. */
  readonly canvasWidth: number;
  /** Empty space between neighbouring labels. */
  readonly gapPx?: number;
}

/**
 * Time ticks at round local times (…:00, :15, :30), from the smallest step in TIME_STEPS_MS whose
 * labels fit side by side, instead of every nth column edge (15:33:47). A label that would stick
 * out of the canvas is dropped rather than clipped.
 */
export function timeTicks(l: PlotLayout, grid: HeatmapGrid, o: TimeAxisOptions): Tick[] {
  const startMs = grid.startMs;
  const spanMs = grid.columns * grid.stepMs;
  if (!(spanMs > 0) || l.width <= 0) {
    return [];
  }
  const pxPerMs = l.width / spanMs;
  const gap = o.gapPx ?? 16;
  for (const stepMs of TIME_STEPS_MS) {
    const pattern = timeFormatFor(stepMs, spanMs);
    const labelWidth = o.measure(o.format(startMs, pattern));
    if (stepMs * pxPerMs < labelWidth + gap) {
      continue;
    }
    return ticksAt(stepMs, pattern, l, startMs, spanMs, pxPerMs, o);
  }
  return [];
}

function ticksAt(
  stepMs: number,
  pattern: string,
  l: PlotLayout,
  startMs: number,
  spanMs: number,
  pxPerMs: number,
  o: TimeAxisOptions
): Tick[] {
  const ticks: Tick[] = [];
  const offset = o.utcOffsetMs(startMs);
  // The first multiple of the step in local time at or after the start.
  let t = Math.ceil((startMs + offset) / stepMs) * stepMs - offset;
  for (; t <= startMs + spanMs; t += stepMs) {
    // Steps of an hour or more follow the zone's offset at each tick (daylight saving moves it).
    const local = stepMs >= HOUR ? t + (offset - o.utcOffsetMs(t)) : t;
    const at = l.left + (local - startMs) * pxPerMs;
    const label = o.format(local, pattern);
    const half = o.measure(label) / 2;
    if (at - half >= 0 && at + half <= o.canvasWidth) {
      ticks.push({ at, label });
    }
  }
  return ticks;
}
