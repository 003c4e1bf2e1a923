/**
 * The step grid of a range query, as Tempo lays it out: start rounded down and end rounded up to a
 * multiple of step, one sample per step stamped with the step's start, and one trailing step at the
 * aligned end. A span belongs to the step its start time falls in.
 */
export interface TimeGrid {
  /** Aligned start, ns. */
  readonly start: bigint;
  readonly step: bigint;
  readonly count: number;
  /** Spans outside [from, to) are not counted (the caller's range, before alignment). */
  readonly from: bigint;
  readonly to: bigint;
}

export function rangeGrid(from: bigint, to: bigint, step: bigint): TimeGrid {
  const start = from - (((from % step) + step) % step);
  const mod = ((to % step) + step) % step;
  const end = mod === 0n ? to : to + (step - mod);
  return { start, step, count: Number((end - start) / step) + 1, from, to };
}

/** An instant query is one step covering exactly [from, to). */
export function instantGrid(from: bigint, to: bigint): TimeGrid {
  return { start: from, step: to - from, count: 1, from, to };
}

/** Step index of a span start, or -1 when outside the query range. */
export function stepOf(g: TimeGrid, t: bigint): number {
  if (t < g.from || t >= g.to) {
    return -1;
  }
  const i = Number((t - g.start) / g.step);
  return i >= 0 && i < g.count ? i : -1;
}

export function stepTimestampMs(g: TimeGrid, i: number): string {
  return ((g.start + BigInt(i) * g.step) / 1_000_000n).toString();
}
