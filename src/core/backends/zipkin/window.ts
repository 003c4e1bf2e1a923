import { TraceLensError } from '../../errors';

/**
 * Zipkin searches traces by one timestamp each (the root span's start, or the earliest span's when
 * there is no root) against `endTs - lookback <= t <= endTs`, both ends included, in whole
 * milliseconds. A window of nanoseconds is widened outwards to whole milliseconds so no trace
 * inside it is lost; the widening is under a millisecond at each end, and a trace can then also be
 * found by the neighbouring slice of a window scan, which dedupes by trace id.
 */
export function zipkinWindow(start: bigint, end: bigint): { endTs: number; lookback: number } {
  if (end <= start) {
    throw new TraceLensError('input', 'the time range is empty: end must be after start');
  }
  const ms = 1_000_000n;
  const endTs = end % ms === 0n ? end / ms : end / ms + (end > 0n ? 1n : 0n);
  const startMs = start >= 0n || start % ms === 0n ? start / ms : start / ms - 1n;
  // Zipkin refuses endTs <= 0 and lookback <= 0: the widened window is always at least 1 ms.
  const lookback = endTs - startMs > 0n ? endTs - startMs : 1n;
  if (endTs <= 0n) {
    throw new TraceLensError('input', 'Zipkin searches only times after 1970-01-01');
  }
  return { endTs: Number(endTs), lookback: Number(lookback) };
}
