import type { AttributePair } from '../../core/model/table';
import type { AttributeMap, AttributeValue } from '../../core/model/types';
import { WholeDouble } from '../../core/model/wholeDouble';
import type { AnyValue, KeyValue } from '../../core/engine';

/**
 * Attribute values for display. 64-bit integers stay exact as strings; arrays and maps become
 * JSON so a table cell or a span detail shows exactly what was stored.
 */
export function displayAttribute(value: AttributeValue): string | number | boolean {
  if (typeof value === 'bigint') {
    return value.toString();
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (value instanceof WholeDouble) {
    return value.value;
  }
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export function attributeText(value: AttributeValue): string {
  const v = displayAttribute(value);
  return typeof v === 'string' ? v : String(v);
}

export function keyValuePairs(map: AttributeMap): Array<{ key: string; value: string | number | boolean }> {
  return Object.keys(map).map((key) => ({ key, value: displayAttribute(map[key]) }));
}

export type DisplayPair = { key: string; value: string | number | boolean };

/**
 * A table's attribute pairs as the trace view shows them. Nearly every list holds only strings,
 * numbers and booleans, whose display form is the value itself: such a list is returned as it is
 * (the model and the frame share it, and neither changes it). Otherwise the list is copied with
 * 64-bit integers, whole doubles, arrays and maps in their display form. An empty list is a new array per span.
 */
export function displayPairs(pairs: readonly AttributePair[]): DisplayPair[] {
  const n = pairs.length;
  if (n === 0) {
    return [];
  }
  for (let i = 0; i < n; i++) {
    const t = typeof pairs[i].value;
    if (t !== 'string' && t !== 'number' && t !== 'boolean') {
      return pairs.map((p) => ({ key: p.key, value: displayAttribute(p.value) }));
    }
  }
  return pairs as DisplayPair[];
}

/** OTLP JSON AnyValue (search and metrics results) as a display value. */
export function otlpValue(value: AnyValue | undefined): string | number | boolean | undefined {
  if (!value) {
    return undefined;
  }
  if ('stringValue' in value) {
    return value.stringValue;
  }
  if ('boolValue' in value) {
    return value.boolValue;
  }
  if ('doubleValue' in value) {
    return value.doubleValue;
  }
  if ('intValue' in value) {
    // jsonpb writes int64 as a string; keep it a string when a double would round it.
    const n = Number(value.intValue);
    return Number.isSafeInteger(n) ? n : String(value.intValue);
  }
  if ('arrayValue' in value) {
    return JSON.stringify((value.arrayValue.values ?? []).map(otlpValue));
  }
  if ('kvlistValue' in value) {
    return JSON.stringify(
      Object.fromEntries((value.kvlistValue.values ?? []).map((kv) => [kv.key, otlpValue(kv.value)]))
    );
  }
  if ('bytesValue' in value) {
    return value.bytesValue;
  }
  return undefined;
}

export function otlpAttributes(kvs: readonly KeyValue[] | undefined): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  for (const kv of kvs ?? []) {
    const v = otlpValue(kv.value);
    if (v !== undefined) {
      out[kv.key] = v;
    }
  }
  return out;
}

/** Unix nanoseconds (jsonpb string or number) to epoch milliseconds, keeping sub-ms precision. */
const DIGITS = /^[0-9]+$/;

export function nanosToMs(nanos: string | number | bigint | undefined): number | undefined {
  if (nanos === undefined || nanos === '') {
    return undefined;
  }
  if (typeof nanos === 'string' && nanos.length > 6 && DIGITS.test(nanos)) {
    // The same split on the decimal digits, without three BigInts per value (a search table reads
    // thousands): the digits before the last six are the whole milliseconds, the last six the
    // fraction, and converting each digit string rounds as converting the BigInt would.
    return Number(nanos.slice(0, -6)) + Number(nanos.slice(-6)) / 1e6;
  }
  try {
    const big = BigInt(nanos);
    // Split so the integer part stays exact in a double (ms since epoch are < 2^53).
    return Number(big / 1_000_000n) + Number(big % 1_000_000n) / 1e6;
  } catch {
    return undefined;
  }
}
