/**
 * Value formats Jaeger's query APIs expect: RFC3339Nano instants and Go durations for api_v3,
 * Unix microseconds for v1. Kept exact from nanosecond bigints.
 */

const NS_PER_MS = 1_000_000n;
const NS_PER_S = 1_000_000_000n;

/** `2026-11-25T17:48:54.123456789Z` from nanoseconds since the epoch (also before 1970). */
export function rfc3339Nano(ns: bigint): string {
  let seconds = ns / NS_PER_S;
  let frac = ns % NS_PER_S;
  if (frac < 0n) {
    frac += NS_PER_S;
    seconds -= 1n;
  }
  const iso = new Date(Number(seconds) * 1000).toISOString(); // whole seconds: exact
  return `${iso.slice(0, 19)}.${frac.toString().padStart(9, '0')}Z`;
}

/**
 * A Go duration in whole microseconds. Jaeger v1 storage keeps microseconds, so a lower bound is
 * rounded down and an upper bound up: the pushed range then never excludes a span the exact
 * nanosecond comparison would keep.
 */
export function goDurationMicros(ns: number, round: 'down' | 'up'): string {
  const us = round === 'down' ? Math.floor(ns / 1000) : Math.ceil(ns / 1000);
  return `${Math.max(0, us)}us`;
}

/** Unix microseconds as a decimal string, rounding outwards like the durations above. */
export function unixMicros(ns: bigint, round: 'down' | 'up'): string {
  const q = ns / 1000n;
  const r = ns % 1000n;
  return (round === 'up' && r > 0n ? q + 1n : round === 'down' && r < 0n ? q - 1n : q).toString();
}

/** Unix milliseconds (dependencies API). */
export function unixMillis(ns: bigint): string {
  return (ns / NS_PER_MS).toString();
}
