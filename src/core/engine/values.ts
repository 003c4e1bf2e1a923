/**
 * Runtime values of TraceQL and their comparison and arithmetic, following Tempo's rules:
 * operands of different kinds never compare equal (the comparison is simply false), the numeric
 * kinds (int, float, duration) compare with each other by value, strings compare
 * lexicographically, and int arithmetic stays integral. Ints are exact: a value outside the safe
 * range is a bigint and int arithmetic wraps to 64 bits like Go's int64.
 */
import type { KindLiteral, StatusLiteral } from '../traceql/ast';

export type Value =
  | { readonly t: 'nil' }
  | { readonly t: 'string'; readonly v: string }
  | { readonly t: 'int'; readonly v: number | bigint }
  | { readonly t: 'float'; readonly v: number }
  /** Nanoseconds. */
  | { readonly t: 'duration'; readonly v: number }
  | { readonly t: 'bool'; readonly v: boolean }
  | { readonly t: 'status'; readonly v: StatusLiteral }
  | { readonly t: 'kind'; readonly v: KindLiteral }
  | { readonly t: 'array'; readonly v: readonly Value[] };

export const NIL: Value = { t: 'nil' };
export const TRUE: Value = { t: 'bool', v: true };
export const FALSE: Value = { t: 'bool', v: false };

export function bool(b: boolean): Value {
  return b ? TRUE : FALSE;
}

/** Normalises an int so that a safe-range value is always a number (equal ints have one shape). */
export function int(v: number | bigint): Value {
  if (typeof v === 'bigint') {
    const w = BigInt.asIntN(64, v);
    return {
      t: 'int',
      v: w >= BigInt(Number.MIN_SAFE_INTEGER) && w <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(w) : w,
    };
  }
  return { t: 'int', v };
}

export function isNumeric(v: Value): v is Extract<Value, { t: 'int' | 'float' | 'duration' }> {
  return v.t === 'int' || v.t === 'float' || v.t === 'duration';
}

export function asFloat(v: Value): number {
  switch (v.t) {
    case 'int':
      return Number(v.v);
    case 'float':
    case 'duration':
      return v.v;
    case 'bool':
      return v.v ? 1 : 0;
    default:
      return NaN;
  }
}

/** -1, 0 or 1 for ordered operands; null when the two kinds cannot be ordered (Tempo: false). */
export function compare(a: Value, b: Value): number | null {
  if (a.t === 'string' && b.t === 'string') {
    return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  }
  if (a.t === 'int' && b.t === 'int') {
    if (typeof a.v === 'number' && typeof b.v === 'number') {
      return a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
    }
    const x = BigInt(a.v);
    const y = BigInt(b.v);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (isNumeric(a) && isNumeric(b)) {
    const x = asFloat(a);
    const y = asFloat(b);
    if (Number.isNaN(x) || Number.isNaN(y)) {
      return null;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return null;
}

/** Equality for scalars of matching kinds; never true across kinds (except between numerics). */
export function equals(a: Value, b: Value): boolean {
  if (a.t === 'nil' || b.t === 'nil') {
    return false;
  }
  if (isNumeric(a) && isNumeric(b)) {
    return compare(a, b) === 0;
  }
  if (a.t !== b.t) {
    return false;
  }
  if (a.t === 'array' || b.t === 'array') {
    return false;
  }
  return (a as { v: unknown }).v === (b as { v: unknown }).v;
}

/** A key that is equal for equal values, for grouping (`by()`) and de-duplication. */
export function valueKey(v: Value): string {
  switch (v.t) {
    case 'nil':
      return 'nil';
    case 'array':
      return 'a[' + v.v.map(valueKey).join(',') + ']';
    case 'int':
      return 'i' + v.v.toString();
    default:
      return v.t[0] + String(v.v);
  }
}

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '^';

/**
 * Arithmetic: int with int stays int (Go semantics: truncating division, wrap at 64 bits; a zero
 * divisor gives nil instead of Go's panic); duration with duration stays a duration for + and -;
 * every other numeric mix is float. Non-numeric operands give nil, which no comparison matches.
 */
export function arith(op: ArithOp, a: Value, b: Value): Value {
  if (!isNumeric(a) || !isNumeric(b)) {
    return NIL;
  }
  if (a.t === 'int' && b.t === 'int') {
    return intArith(op, a.v, b.v);
  }
  const x = asFloat(a);
  const y = asFloat(b);
  const f = floatArith(op, x, y);
  if (a.t === 'duration' && b.t === 'duration' && (op === '+' || op === '-' || op === '%')) {
    return { t: 'duration', v: f };
  }
  return { t: 'float', v: f };
}

function floatArith(op: ArithOp, x: number, y: number): number {
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return x / y;
    case '%':
      return x % y;
    case '^':
      return Math.pow(x, y);
  }
}

function intArith(op: ArithOp, x: number | bigint, y: number | bigint): Value {
  if (typeof x === 'number' && typeof y === 'number') {
    let r: number;
    switch (op) {
      case '+':
        r = x + y;
        break;
      case '-':
        r = x - y;
        break;
      case '*':
        r = x * y;
        break;
      case '/':
        if (y === 0) {
          return NIL;
        }
        r = Math.trunc(x / y);
        break;
      case '%':
        if (y === 0) {
          return NIL;
        }
        r = x % y;
        break;
      case '^':
        if (y < 0) {
          return NIL;
        }
        r = Math.pow(x, y);
        break;
    }
    if (Number.isSafeInteger(r)) {
      return int(r);
    }
  }
  return bigIntArith(op, BigInt(x), BigInt(y));
}

function bigIntArith(op: ArithOp, x: bigint, y: bigint): Value {
  switch (op) {
    case '+':
      return int(x + y);
    case '-':
      return int(x - y);
    case '*':
      return int(x * y);
    case '/':
      return y === 0n ? NIL : int(x / y);
    case '%':
      return y === 0n ? NIL : int(x % y);
    case '^':
      return y < 0n ? NIL : int(powWrapped(x, y));
  }
}

/** x^y modulo 2^64 by squaring, so huge exponents stay cheap (Go's int64 wraps the same way). */
function powWrapped(x: bigint, y: bigint): bigint {
  let result = 1n;
  let base = BigInt.asIntN(64, x);
  let e = y;
  while (e > 0n) {
    if (e & 1n) {
      result = BigInt.asIntN(64, result * base);
    }
    base = BigInt.asIntN(64, base * base);
    e >>= 1n;
  }
  return result;
}

export function negate(v: Value): Value {
  switch (v.t) {
    case 'int':
      return typeof v.v === 'number' ? int(-v.v) : int(-v.v);
    case 'float':
      return { t: 'float', v: -v.v };
    case 'duration':
      return { t: 'duration', v: -v.v };
    default:
      return NIL;
  }
}
