/**
 * Runtime values as OTLP JSON AnyValue, encoded the way Tempo's jsonpb output does: 64-bit ints as
 * strings, durations as Go duration strings ("1.5s"), status and kind as their names.
 */
import type { Value } from '../values';

/**
 * OTLP JSON's AnyValue, the one type for it everywhere (engine results, Tempo's responses, frames).
 * The engine writes only the first five; Tempo's responses may also carry maps and bytes.
 */
export type AnyValue =
  | { readonly stringValue: string }
  | { readonly intValue: string }
  | { readonly doubleValue: number }
  | { readonly boolValue: boolean }
  | { readonly arrayValue: { readonly values: readonly AnyValue[] } }
  | { readonly kvlistValue: { readonly values: readonly KeyValue[] } }
  | { readonly bytesValue: string };

export interface KeyValue {
  readonly key: string;
  readonly value: AnyValue;
}

export function toAnyValue(v: Value): AnyValue {
  switch (v.t) {
    case 'string':
      return { stringValue: v.v };
    case 'int':
      return { intValue: v.v.toString() };
    case 'float':
      return { doubleValue: v.v };
    case 'bool':
      return { boolValue: v.v };
    case 'duration':
      return { stringValue: formatGoDuration(v.v) };
    case 'status':
    case 'kind':
      return { stringValue: v.v };
    case 'nil':
      return { stringValue: 'nil' };
    case 'array':
      return { arrayValue: { values: v.v.map(toAnyValue) } };
  }
}

const UNITS: ReadonlyArray<[number, string]> = [
  [1, 'ns'],
  [1e3, 'µs'],
  [1e6, 'ms'],
];

/** Go's time.Duration.String(): "0s", "750ns", "1.5µs", "12.345ms", "1.5s", "2m30s", "1h0m0s". */
export function formatGoDuration(nanos: number): string {
  let n = Math.round(nanos);
  if (n === 0) {
    return '0s';
  }
  const sign = n < 0 ? '-' : '';
  n = Math.abs(n);
  if (n < 1e9) {
    const [unit, name] = n < 1e3 ? UNITS[0] : n < 1e6 ? UNITS[1] : UNITS[2];
    return sign + fixed(n, unit) + name;
  }
  const hours = Math.floor(n / 3.6e12);
  const minutes = Math.floor((n % 3.6e12) / 6e10);
  const secs = fixed(n % 6e10, 1e9) + 's';
  if (hours > 0) {
    return `${sign}${hours}h${minutes}m${secs}`;
  }
  return minutes > 0 ? `${sign}${minutes}m${secs}` : sign + secs;
}

/** n / unit with exactly the fractional digits needed (no float rounding noise). */
function fixed(n: number, unit: number): string {
  const whole = Math.floor(n / unit);
  const frac = n - whole * unit;
  if (frac === 0) {
    return String(whole);
  }
  const digits = String(unit).length - 1;
  return whole + '.' + String(frac).padStart(digits, '0').replace(/0+$/, '');
}
