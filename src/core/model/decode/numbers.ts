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
