import type { AttributeValue } from '../types';
import { doubleAttribute } from '../wholeDouble';
import { describe, fail, isRecord } from './decodeError';
import { doubleValue, int64Value } from './numbers';

export interface JaegerKeyValue {
  readonly key: string;
  readonly value: AttributeValue;
}

/**
 * One Jaeger v1 KeyValue `{key, type, value}`. int64 values beyond 2^53 arrive as strings and stay
 * exact (bigint); `binary` stays as its base64 text. Without a `type`, the JSON type decides.
 */
export function decodeJaegerKeyValue(kv: unknown): JaegerKeyValue {
  const key = jaegerKey(kv);
  return { key, value: jaegerValue(kv as Record<string, unknown>) };
}

/** The key of a KeyValue, failing with a clear message when `kv` is not one. */
export function jaegerKey(kv: unknown): string {
  if (!isRecord(kv) || typeof kv.key !== 'string') {
    return fail('', `expected {key, type, value}, got ${describe(kv)}`);
  }
  return kv.key;
}

/** The value of a KeyValue already checked by jaegerKey; allocation-free for the common types. */
export function jaegerValue(kv: Record<string, unknown>): AttributeValue {
  const v = kv.value;
  const type = kv.type;
  // Fast paths for the lowercase type names Jaeger writes.
  if (type === 'string' && typeof v === 'string') {
    return v;
  }
  if (type === 'int64' && typeof v === 'number' && Number.isSafeInteger(v)) {
    return v;
  }
  return slowValue(v, typeof type === 'string' ? type.toLowerCase() : undefined);
}

function slowValue(v: unknown, type: string | undefined): AttributeValue {
  switch (type) {
    case 'string':
    case 'binary':
      if (typeof v !== 'string') {
        fail('value', `expected a string for a ${type} tag, got ${describe(v)}`);
      }
      return v;
    case 'bool':
      if (typeof v === 'boolean') {
        return v;
      }
      if (v === 'true' || v === 'false') {
        return v === 'true';
      }
      return fail('value', `expected true or false for a bool tag, got ${describe(v)}`);
    case 'int64':
      return int64Value(v, 'value');
    case 'float64':
      return doubleAttribute(doubleValue(v, 'value'));
    case undefined:
      if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
        return v;
      }
      return fail('value', `expected a string, number or boolean, got ${describe(v)}`);
    default:
      return fail('type', `unknown tag type ${describe(type)} (expected string, bool, int64, float64 or binary)`);
  }
}
