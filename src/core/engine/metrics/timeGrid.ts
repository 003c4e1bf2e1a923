/**
 * Which spans a metrics query counts and which sample each one lands in. Every metrics function,
 * exemplars, compare(), the second stages and the executor's fetch window take their time rule
 * from here and nowhere else.
 *
 * The rule is Tempo's since 2.9.0 (still so at main, v3.1.0-dev), restated in our words; see
 * docs/tempo-compatibility.md for the worked cases the tests use.
 *
 * Range query, asked for `from`..`to` with step `s` (all nanoseconds):
 * - Round `from` down and `to` up to whole multiples of `s`: `A` and `E`.
 * - Samples are stamped at `A, A + s, ..., E`; the sample stamped `t` holds the spans whose start
 *   lies in `(t - s, t]` (open on the left, closed on the right). So the covered interval is
 *   `(A - s, E]`, and nothing beyond `E` has a sample.
 * - The first sample reaches one step before `A` (Tempo adds that step so the first stamp is not
 *   empty by construction). Tempo skips that extra step when `A <= s` (an overflow guard for
 *   times within one step of the epoch); we do the same so the counts agree there too.
 *
 * Instant query, asked for `from`..`to`: one sample stamped `to`, holding the spans whose start
 * lies in `[from, to]`, both ends included.
 *
 * Before 2.9 Tempo used `[t, t + s)` stamped at `t`, with an extra step after the aligned end, and
 * `[from, to)` for instants; older descriptions of Tempo's metrics describe that rule.
 */
export interface TimeGrid {
  readonly instant: boolean;
  /** Step length in ns (for an instant query, `to - from`). */
  readonly step: bigint;
  /** Number of samples. */
  readonly count: number;
  /**
   * Lowest span start counted (ns, inclusive): `A - s + 1` for a range, `from` for an instant.
   * Inclusive bounds keep the two kinds of query on one comparison.
   */
  readonly first: bigint;
  /** Highest span start counted (ns, inclusive): `E` for a range, `to` for an instant. */
  readonly last: bigint;
  /** Stamp of the first sample, ns. */
  readonly firstStamp: bigint;
}

function floorTo(t: bigint, step: bigint): bigint {
  return t - (((t % step) + step) % step);
}

function ceilTo(t: bigint, step: bigint): bigint {
  const down = floorTo(t, step);
  return down === t ? t : down + step;
}

export function rangeGrid(from: bigint, to: bigint, step: bigint): TimeGrid {
  const a = floorTo(from, step);
  const e = ceilTo(to, step);
  // The exclusive lower edge of the covered interval: one step before A, unless A is within one
  // step of the epoch (Tempo's guard).
  const lower = a > step ? a - step : a;
  return {
    instant: false,
    step,
    count: Number((e - lower) / step),
    first: lower + 1n,
    last: e,
    firstStamp: lower + step,
  };
}

export function instantGrid(from: bigint, to: bigint): TimeGrid {
  return { instant: true, step: to - from, count: 1, first: from, last: to, firstStamp: to };
}

/** Sample index of a span that starts at `t`, or -1 when the query does not count it. */
export function stepOf(g: TimeGrid, t: bigint): number {
  if (t < g.first || t > g.last) {
    return -1;
  }
  if (g.instant) {
    return 0;
  }
  // (first - 1) is the open left edge; a start exactly on a stamp belongs to that stamp's sample.
  return Number((t - g.first) / g.step);
}

/** Stamp of sample `i`, in ns. */
export function stepStamp(g: TimeGrid, i: number): bigint {
  return g.firstStamp + BigInt(i) * g.step;
}

/** Stamp of sample `i` as jsonpb prints Unix milliseconds (a string). */
export function stepTimestampMs(g: TimeGrid, i: number): string {
  return (stepStamp(g, i) / 1_000_000n).toString();
}

/**
 * The span-start interval a query counts, inclusive at both ends. Traces must be fetched over it,
 * not over the range the user asked for, or the first sample (which reaches back before `from`)
 * and the last (which reaches past `to`) come out short.
 */
export function coveredInterval(g: TimeGrid): { readonly start: bigint; readonly end: bigint } {
  return { start: g.first, end: g.last };
}

/**
 * The window to fetch traces over for a metrics query on `start`..`end` (a range query when `step`
 * is given, an instant otherwise), with an exclusive end as fetch windows take it.
 */
export function metricsFetchWindow(w: { start: bigint; end: bigint; step?: number }): { start: bigint; end: bigint } {
  const step = w.step !== undefined && Number.isFinite(w.step) && w.step > 0 ? BigInt(Math.round(w.step)) : null;
  if (w.end <= w.start) {
    return { start: w.start, end: w.end };
  }
  const c = coveredInterval(step === null ? instantGrid(w.start, w.end) : rangeGrid(w.start, w.end, step));
  return { start: c.start, end: c.end + 1n };
}
