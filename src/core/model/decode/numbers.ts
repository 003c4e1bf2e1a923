import { describe, fail } from './decodeError';

/**
 * 64-bit integers arrive as JSON numbers or, when jsonpb wrote them (Tempo, Jaeger api_v3) or
 * they exceed 2^53 (Jaeger v1), as decimal strings. The model keeps safe integers as numbers and
 * larger ones as bigint, so nothing is rounded.
 */
export function int64Value(v: unknown, field: string): number | bigint {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) {
      fail(field, `expected an integer, got ${describe(v)}`);
    }
    return v;
  }
  if (typeof v === 'string' && isIntegerText(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v);
  }
  return fail(field, `expected an integer, got ${describe(v)}`);
}

function isIntegerText(s: string): boolean {
  if (s.length === 0 || s.length > 40) {
    return false;
  }
  let i = s.charCodeAt(0) === 45 /* - */ || s.charCodeAt(0) === 43 /* + */ ? 1 : 0;
  if (i === s.length) {
    return false;
  }
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) {
      return false;
    }
  }
  return true;
}

/** A nanosecond timestamp (string or number) as an exact bigint; missing means 0. */
export function unixNanos(v: unknown, field: string): bigint {
  if (typeof v === 'string') {
    if (!isIntegerText(v)) {
      fail(field, `expected nanoseconds since the epoch, got ${describe(v)}`);
    }
    return BigInt(v);
  }
  if (typeof v === 'number') {
    if (!Number.isInteger(v)) {
      fail(field, `expected nanoseconds since the epoch, got ${describe(v)}`);
    }
    return BigInt(v);
  }
  if (v === undefined || v === null) {
    return 0n;
  }
  return fail(field, `expected nanoseconds since the epoch, got ${describe(v)}`);
}

/** A double that jsonpb may write as a string ("NaN", "Infinity") or a number. */
export function doubleValue(v: unknown, field: string): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string') {
    const n = Number(v);
    if (v.trim() !== '' && (!Number.isNaN(n) || v === 'NaN')) {
      return n;
    }
  }
  return fail(field, `expected a number, got ${describe(v)}`);
}

/**
 * end − start in nanoseconds from the two decimal strings jsonpb sends, without parsing the end to
 * a bigint: when both have the same length and agree on all but the last 15 digits, the difference
 * of those 15-digit tails is exact in a double (10^15 < 2^53). Returns -1 when that shortcut does
 * not apply (different lengths, non-digits, or a span crossing a 10^15 ns boundary, ~11.6 days).
 */
export function fastDurationNanos(start: string, end: string): number {
  const len = start.length;
  if (len !== end.length || len > 19 || len < 16) {
    return -1;
  }
  const head = len - 15;
  for (let i = 0; i < head; i++) {
    const c = start.charCodeAt(i);
    if (c !== end.charCodeAt(i) || c < 48 || c > 57) {
      return -1;
    }
  }
  let a = 0;
  let b = 0;
  for (let i = head; i < len; i++) {
    const ca = start.charCodeAt(i) - 48;
    const cb = end.charCodeAt(i) - 48;
    if (ca < 0 || ca > 9 || cb < 0 || cb > 9) {
      return -1;
    }
    a = a * 10 + ca;
    b = b * 10 + cb;
  }
  return b - a;
}
