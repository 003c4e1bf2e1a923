import type { AttributeMap, AttributeValue } from '../types';
import { WholeDouble } from '../wholeDouble';

/** OTLP JSON AnyValue as jsonpb writes it: 64-bit integers as decimal strings, doubles as numbers. */
export type OtlpAnyValue =
  | { stringValue: string }
  | { intValue: string }
  | { doubleValue: number | string }
  | { boolValue: boolean }
  | { arrayValue: { values: OtlpAnyValue[] } }
  | { kvlistValue: { values: OtlpKeyValue[] } };

export interface OtlpKeyValue {
  key: string;
  value: OtlpAnyValue;
}

/**
 * A whole number is an int (intValue); a double is a number with a fraction or a WholeDouble
 * (doubleValue), so every value decodes back to itself. NaN and ±Infinity are strings, as JSON has
 * no literal for them.
 */
export function encodeAnyValue(v: AttributeValue): OtlpAnyValue {
  switch (typeof v) {
    case 'string':
      return { stringValue: v };
    case 'boolean':
      return { boolValue: v };
    case 'bigint':
      return { intValue: v.toString() };
    case 'number':
      // Past 2^53 the model uses bigint for integers, so a number there is a double.
      if (Number.isSafeInteger(v)) {
        return { intValue: String(v) };
      }
      return { doubleValue: Number.isFinite(v) ? v : String(v) };
    default:
      if (v instanceof WholeDouble) {
        return { doubleValue: v.value };
      }
      if (Array.isArray(v)) {
        return { arrayValue: { values: v.map(encodeAnyValue) } };
      }
      return { kvlistValue: { values: encodeKeyValues(v as AttributeMap) } };
  }
}

export function encodeKeyValues(map: AttributeMap): OtlpKeyValue[] {
  const out: OtlpKeyValue[] = [];
  for (const key of Object.keys(map)) {
    out.push({ key, value: encodeAnyValue(map[key]) });
  }
  return out;
}
