/**
 * Instants without BigInt: whole seconds since the epoch and the nanoseconds within that second.
 * Both parts are exact in a double for every uint64 nanosecond value (seconds < 2^35), and
 * comparing (seconds, nanos) pairs orders instants exactly. BigInt is made only when a caller asks
 * for the model's `bigint` nanoseconds.
 */
import { describe, fail } from '../decode/decodeError';

/** Where splitUnixNanos writes its answer: one reused object, so splitting allocates nothing. */
export interface SplitTime {
  seconds: number;
  nanos: number;
}

const NS_PER_S = 1_000_000_000;

/**
 * Splits decimal nanoseconds (jsonpb writes uint64 as a string) into `out`; false when `text` is
 * not a plain non-negative integer of at most 20 digits.
 */
export function splitDecimalNanos(text: string, out: SplitTime): boolean {
  const len = text.length;
  if (len === 0 || len > 20) {
    return false;
  }
  const head = len > 9 ? len - 9 : 0;
  let seconds = 0;
  for (let i = 0; i < head; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
    seconds = seconds * 10 + d;
  }
  let nanos = 0;
  for (let i = head; i < len; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      return false;
    }
    nanos = nanos * 10 + d;
  }
  out.seconds = seconds;
  out.nanos = nanos;
  return true;
}

/** Splits a whole number of nanoseconds given as a JSON number (exactly, whatever its size). */
export function splitNumberNanos(n: number, out: SplitTime): boolean {
  if (!Number.isInteger(n)) {
    return false;
  }
  if (n >= 0 && n <= Number.MAX_SAFE_INTEGER) {
    out.seconds = Math.floor(n / NS_PER_S);
    out.nanos = n - out.seconds * NS_PER_S;
    return true;
  }
  // A whole double beyond 2^53 (or before the epoch): BigInt reads it exactly.
  splitBigNanos(BigInt(n), out);
  return true;
}

/**
 * A nanosecond timestamp field (OTLP `startTimeUnixNano`, ...): a decimal string or a JSON number;
 * missing or null is 0, as in the model before. Anything else fails naming the field.
 */
export function readUnixNanos(v: unknown, field: string, out: SplitTime): void {
  if (typeof v === 'string') {
    if (splitDecimalNanos(v, out) || splitSignedText(v, out)) {
      return;
    }
  } else if (typeof v === 'number') {
    if (splitNumberNanos(v, out)) {
      return;
    }
  } else if (v === undefined || v === null) {
    out.seconds = 0;
    out.nanos = 0;
    return;
  }
  fail(field, `expected nanoseconds since the epoch, got ${describe(v)}`);
}

/** `+123` or `-5`: a sign is accepted, as before; more than 20 digits is beyond uint64. */
function splitSignedText(v: string, out: SplitTime): boolean {
  if (!/^[+-]?\d{1,20}$/.test(v)) {
    return false;
  }
  splitBigNanos(BigInt(v), out);
  return true;
}

/** Whole microseconds (Jaeger v1) as an instant. */
export function splitMicros(us: number, out: SplitTime): void {
  out.seconds = Math.floor(us / 1_000_000);
  out.nanos = (us - out.seconds * 1_000_000) * 1000;
}

/** end − start in nanoseconds, clamped at 0 for a span that ends before it starts. */
export function durationBetween(startS: number, startN: number, endS: number, endN: number): number {
  const d = (endS - startS) * NS_PER_S + (endN - startN);
  return d > 0 ? d : 0;
}

/** The model's exact bigint nanoseconds. */
export function toUnixNanos(seconds: number, nanos: number): bigint {
  return BigInt(seconds) * 1_000_000_000n + BigInt(nanos);
}

/**
 * Epoch milliseconds with microsecond precision, as Grafana's trace view takes them: the whole
 * microseconds are exact in a double, then divided once, which gives the same double as the
 * former `Number(ns / 1000n) / 1000`.
 */
export function toEpochMs(seconds: number, nanos: number): number {
  const micros = seconds * 1_000_000 + Math.floor(nanos / 1000);
  // BigInt division truncated toward zero; before the epoch that is one microsecond later.
  return (seconds < 0 && nanos % 1000 !== 0 ? micros + 1 : micros) / 1000;
}

/** Splits a model bigint instant. */
export function splitBigNanos(ns: bigint, out: SplitTime): void {
  let seconds = ns / 1_000_000_000n;
  let rest = ns % 1_000_000_000n;
  if (rest < 0n) {
    seconds -= 1n;
    rest += 1_000_000_000n;
  }
  out.seconds = Number(seconds);
  out.nanos = Number(rest);
}
