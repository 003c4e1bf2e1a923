import type { TimeRange } from './types';

/**
 * Closed nanosecond ranges merged into the fewest disjoint ranges, oldest first. Ranges that touch
 * ([a, b] and [b + 1, c]) merge too, since no instant lies between them.
 */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = [...ranges].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const out: Array<{ start: bigint; end: bigint }> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end + 1n) {
      if (r.end > last.end) {
        last.end = r.end;
      }
    } else {
      out.push({ start: r.start, end: r.end });
    }
  }
  return out;
}

/** Nanoseconds a closed range spans (its instants). */
export function rangeWidth(r: TimeRange): bigint {
  return r.end - r.start + 1n;
}

/** True when the merged ranges cover every instant of `window`. */
export function coversWindow(covered: readonly TimeRange[], window: TimeRange): boolean {
  return covered.some((r) => r.start <= window.start && r.end >= window.end);
}

/** The part of `r` inside `window`, or undefined when they do not meet. */
export function clampRange(r: TimeRange, window: TimeRange): TimeRange | undefined {
  const start = r.start > window.start ? r.start : window.start;
  const end = r.end < window.end ? r.end : window.end;
  return start <= end ? { start, end } : undefined;
}

/** The instants every list covers (each list merged and disjoint). */
export function intersectRanges(lists: ReadonlyArray<readonly TimeRange[]>): TimeRange[] {
  if (lists.length === 0) {
    return [];
  }
  let acc: TimeRange[] = mergeRanges(lists[0]);
  for (const list of lists.slice(1)) {
    const other = mergeRanges(list);
    const next: TimeRange[] = [];
    let i = 0;
    let j = 0;
    while (i < acc.length && j < other.length) {
      const start = acc[i].start > other[j].start ? acc[i].start : other[j].start;
      const end = acc[i].end < other[j].end ? acc[i].end : other[j].end;
      if (start <= end) {
        next.push({ start, end });
      }
      if (acc[i].end < other[j].end) {
        i++;
      } else {
        j++;
      }
    }
    acc = next;
  }
  return acc;
}
