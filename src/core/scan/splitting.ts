import type { Trace } from '../model/types';
import { rangeWidth } from './ranges';
import type { TimeRange } from './types';

/**
 * How a full slice is cut. Correctness never depends on these choices (the scanner re-splits any
 * piece that comes back full); they only decide how many traces are fetched twice.
 *
 * A full answer is a sample of where the slice's traces lie, though not of how many there are. The
 * slice is cut at the sample's quantiles, so each piece should hold about the same number of traces.
 * How many there are in total is estimated per family of sibling pieces as "traces per sample point"
 * (`scale`), and every answer from a sibling corrects it: a short answer gives the number exactly, a
 * full one a lower bound. Before a piece is requested its expected count is re-read; a piece
 * expected to come back full is cut again first, which saves the request that would only prove it.
 */

/** Pieces aim to be this share of the request limit, so ordinary variation stays under it. */
export const TARGET_FILL = 0.5;
/** Most pieces one cut makes: beyond this, requests for nearly empty slices cost more than they save. */
export const MAX_PIECES = 64;
/**
 * A first full answer over a whole window says little; assume this many traces per sample point,
 * which cuts it into the most pieces. Pieces that turn out nearly empty are joined again before they
 * are asked for (`absorb`), so a small window costs a few requests, not MAX_PIECES.
 */
export const FIRST_SCALE = 32;

/** Shared by the pieces cut from one full answer: the current estimate of traces per sample point. */
export interface SliceFamily {
  scale: number;
  /** Answers the estimate has learned from; until the first, it is a guess. */
  learned: number;
}

export interface PendingSlice {
  readonly range: TimeRange;
  /** Start times of the parent's sampled traces that fall in this range, ascending. */
  readonly sample: readonly bigint[];
  readonly family?: SliceFamily;
  /** Traces to ask for; raised only for a slice too narrow to cut. */
  readonly limit: number;
}

/** Where a trace lies in a slice: its earliest span start inside the slice (the search matched one). */
export function traceTimeIn(trace: Trace, range: TimeRange): bigint | undefined {
  let best: bigint | undefined;
  for (const s of trace.spans) {
    const t = s.startTimeUnixNano;
    if (t >= range.start && t <= range.end && (best === undefined || t < best)) {
      best = t;
    }
  }
  return best;
}

export function sampleTimes(traces: readonly Trace[], range: TimeRange): bigint[] {
  const out: bigint[] = [];
  for (const t of traces) {
    const at = traceTimeIn(t, range);
    if (at !== undefined) {
      out.push(at);
    }
  }
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Traces a pending slice is expected to hold, or undefined when there is no estimate. */
export function expectedCount(p: PendingSlice): number | undefined {
  return p.family ? p.sample.length * p.family.scale : undefined;
}

/**
 * Cuts `range` into at most `pieces` disjoint ranges that cover it exactly, each at least
 * `minWidth` wide, at quantiles of `sample` (equal widths where the sample is too small to say).
 * No piece is wider than half the range, so a sample biased towards one end cannot leave most of
 * the range in a single piece. Returns [range] when it cannot be cut.
 */
export function cutRange(
  range: TimeRange,
  sample: readonly bigint[],
  pieces: number,
  minWidth: bigint
): Array<{ range: TimeRange; sample: bigint[] }> {
  const width = rangeWidth(range);
  const n = Math.max(1, Math.min(Math.floor(pieces), MAX_PIECES));
  if (n < 2 || width < 2n * minWidth) {
    return [{ range, sample: [...sample] }];
  }
  const bounds: bigint[] = [];
  if (sample.length >= n) {
    for (let i = 1; i < n; i++) {
      bounds.push(sample[Math.floor((i * sample.length) / n)]);
    }
  } else {
    for (let i = 1; i < n; i++) {
      bounds.push(range.start + (width * BigInt(i)) / BigInt(n));
    }
  }
  const half = (width + 1n) / 2n;
  const starts: bigint[] = [range.start];
  for (const b of bounds) {
    const prev = starts[starts.length - 1];
    if (b - prev >= minWidth && range.end + 1n - b >= minWidth) {
      starts.push(b);
    }
  }
  // Enforce the half-width cap by adding equal cuts inside any piece wider than half the range.
  const capped: bigint[] = [];
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i];
    const e = i + 1 < starts.length ? starts[i + 1] : range.end + 1n;
    capped.push(s);
    const byCap = (e - s + half - 1n) / half;
    const byMin = (e - s) / minWidth;
    const parts = byCap < byMin ? byCap : byMin;
    if (parts > 1n) {
      for (let j = 1n; j < parts; j++) {
        capped.push(s + ((e - s) * j) / parts);
      }
    }
  }
  const out: Array<{ range: TimeRange; sample: bigint[] }> = [];
  let k = 0;
  for (let i = 0; i < capped.length; i++) {
    const start = capped[i];
    const end = i + 1 < capped.length ? capped[i + 1] - 1n : range.end;
    const own: bigint[] = [];
    while (k < sample.length && sample[k] <= end) {
      if (sample[k] >= start) {
        own.push(sample[k]);
      }
      k++;
    }
    out.push({ range: { start, end }, sample: own });
  }
  return out;
}

/** How many pieces `expected` traces need so each holds about TARGET_FILL of the limit. */
export function piecesFor(expected: number, limit: number): number {
  return Math.max(2, Math.min(MAX_PIECES, Math.ceil(expected / (TARGET_FILL * limit))));
}

/**
 * The pieces a full answer's slice is cut into. `expected` is what the slice was thought to hold
 * (undefined for a first request); the answer proved it holds at least `limit`.
 */
export function splitFull(
  slice: PendingSlice,
  answerTraces: readonly Trace[],
  limit: number,
  minWidth: bigint
): PendingSlice[] {
  const sample = sampleTimes(answerTraces, slice.range);
  const previous = expectedCount(slice);
  const expected = previous === undefined ? FIRST_SCALE * limit : Math.max(2 * limit, previous);
  const family: SliceFamily = { scale: sample.length > 0 ? expected / sample.length : FIRST_SCALE, learned: 0 };
  return cutRange(slice.range, sample, piecesFor(expected, limit), minWidth).map((p) => ({
    range: p.range,
    sample: p.sample,
    family,
    limit,
  }));
}

/**
 * Corrects a family's scale from one sibling's answer: a short answer of `count` traces from a piece
 * with `points` sample points says the scale is count / points; a full one says at least limit / points.
 * The estimate follows the latest evidence (traffic is not uniform in time, and newer siblings are
 * answered first), but a full answer can only raise it.
 */
export function learn(family: SliceFamily, points: number, count: number, full: boolean): void {
  if (points === 0) {
    return;
  }
  const observed = count / points;
  family.learned++;
  if (full) {
    family.scale = Math.max(family.scale, 2 * observed);
  } else {
    family.scale = (family.scale + observed) / 2;
  }
}

/**
 * Before a pending slice is requested: cut it again when its family's current estimate says it would
 * come back full anyway.
 */
export function refine(slice: PendingSlice, minWidth: bigint): PendingSlice[] {
  const expected = expectedCount(slice);
  if (expected === undefined || expected <= slice.limit * 0.9) {
    return [slice];
  }
  const pieces = cutRange(slice.range, slice.sample, piecesFor(expected, slice.limit), minWidth);
  if (pieces.length < 2) {
    return [slice];
  }
  // Scale is per sample point, so the pieces stay in the same family and keep learning together.
  return pieces.map((p) => ({ range: p.range, sample: p.sample, family: slice.family, limit: slice.limit }));
}

/**
 * Joins `slice` with the pending siblings just older than it (same family, touching ranges) while
 * the family's learned estimate says the joined slice holds at most TARGET_FILL of the limit. The
 * joined siblings are removed from `pending`.
 */
export function absorb(slice: PendingSlice, pending: PendingSlice[]): PendingSlice {
  const family = slice.family;
  if (!family || family.learned === 0) {
    return slice;
  }
  let current = slice;
  for (;;) {
    const i = pending.findIndex(
      (p) => p.family === family && p.limit === current.limit && p.range.end + 1n === current.range.start
    );
    if (i < 0) {
      return current;
    }
    const older = pending[i];
    if ((older.sample.length + current.sample.length) * family.scale > TARGET_FILL * current.limit) {
      return current;
    }
    pending.splice(i, 1);
    current = {
      range: { start: older.range.start, end: current.range.end },
      sample: [...older.sample, ...current.sample],
      family,
      limit: current.limit,
    };
  }
}
