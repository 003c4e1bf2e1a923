import { newAttributeMap, EMPTY_ATTRIBUTES, type MutableAttributeMap } from '../attributes';
import type { AttributeMap, AttributeValue } from '../types';
import { doubleAttribute } from '../wholeDouble';
import { describe, fail, isRecord, within } from './decodeError';
import { doubleValue, int64Value } from './numbers';

/** Deeper AnyValue nesting is refused rather than risking the stack on hostile input. */
const MAX_NESTING = 64;

/**
 * OTLP AnyValue: exactly one of stringValue, intValue, doubleValue, boolValue, bytesValue (kept as
 * its base64 text, the model has no bytes type), arrayValue or kvlistValue. An empty AnyValue
 * (`{}`) carries no value and yields undefined so the attribute is left out, as if never set.
 */
export function decodeAnyValue(v: unknown, depth = 0): AttributeValue | undefined {
  if (depth > MAX_NESTING) {
    return fail('', `values nested deeper than ${MAX_NESTING} levels`);
  }
  if (!isRecord(v)) {
    return fail('', `expected an AnyValue object, got ${describe(v)}`);
  }
  // Check the common cases first: most attributes are strings or ints.
  if (v.stringValue !== undefined) {
    if (typeof v.stringValue !== 'string') {
      fail('stringValue', `expected a string, got ${describe(v.stringValue)}`);
    }
    return v.stringValue;
  }
  if (v.intValue !== undefined) {
    return int64Value(v.intValue, 'intValue');
  }
  if (v.boolValue !== undefined) {
    if (typeof v.boolValue !== 'boolean') {
      fail('boolValue', `expected true or false, got ${describe(v.boolValue)}`);
    }
    return v.boolValue;
  }
  if (v.doubleValue !== undefined) {
    return doubleAttribute(doubleValue(v.doubleValue, 'doubleValue'));
  }
  if (v.arrayValue !== undefined) {
    return decodeArrayValue(v.arrayValue, depth);
  }
  if (v.kvlistValue !== undefined) {
    if (!isRecord(v.kvlistValue)) {
      fail('kvlistValue', `expected an object, got ${describe(v.kvlistValue)}`);
    }
    try {
      return decodeKeyValues(v.kvlistValue.values, depth + 1);
    } catch (e) {
      return within(e, 'kvlistValue.values');
    }
  }
  if (v.bytesValue !== undefined) {
    if (typeof v.bytesValue !== 'string') {
      fail('bytesValue', `expected base64 text, got ${describe(v.bytesValue)}`);
    }
    return v.bytesValue;
  }
  return undefined;
}

function decodeArrayValue(arrayValue: unknown, depth: number): AttributeValue[] {
  if (!isRecord(arrayValue)) {
    return fail('arrayValue', `expected an object, got ${describe(arrayValue)}`);
  }
  const values = arrayValue.values;
  if (values === undefined || values === null) {
    return [];
  }
  if (!Array.isArray(values)) {
    return fail('arrayValue.values', `expected an array, got ${describe(values)}`);
  }
  const out: AttributeValue[] = [];
  for (let i = 0; i < values.length; i++) {
    try {
      const item = decodeAnyValue(values[i], depth + 1);
      if (item !== undefined) {
        out.push(item);
      }
    } catch (e) {
      within(e, `arrayValue.values[${i}]`);
    }
  }
  return out;
}

/** A list of OTLP KeyValue as an attribute map; a later duplicate key wins. */
export function decodeKeyValues(list: unknown, depth = 0): AttributeMap {
  if (list === undefined || list === null) {
    return EMPTY_ATTRIBUTES;
  }
  if (!Array.isArray(list)) {
    return fail('', `expected an array of key/value pairs, got ${describe(list)}`);
  }
  if (list.length === 0) {
    return EMPTY_ATTRIBUTES;
  }
  const out: MutableAttributeMap = newAttributeMap();
  for (let i = 0; i < list.length; i++) {
    const kv: unknown = list[i];
    try {
      if (!isRecord(kv) || typeof kv.key !== 'string') {
        fail('', `expected {key, value}, got ${describe(kv)}`);
      }
      if (kv.value === undefined || kv.value === null) {
        continue;
      }
      const raw = kv.value as Record<string, unknown>;
      let value: AttributeValue | undefined;
      // Most attributes are plain strings: take them without the general AnyValue walk.
      if (typeof raw.stringValue === 'string') {
        value = raw.stringValue;
      } else {
        try {
          value = decodeAnyValue(raw, depth);
        } catch (e) {
          within(e, 'value');
        }
      }
      if (value !== undefined) {
        out[kv.key] = value;
      }
    } catch (e) {
      within(e, `[${i}]`);
    }
  }
  return out;
}
