import type { AttributeValue } from '../types';
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
  if (!isRecord(kv) || typeof kv.key !== 'string') {
    return fail('', `expected {key, type, value}, got ${describe(kv)}`);
  }
  const v = kv.value;
  const type = typeof kv.type === 'string' ? kv.type.toLowerCase() : undefined;
  switch (type) {
    case 'string':
    case 'binary':
      if (typeof v !== 'string') {
        fail('value', `expected a string for a ${type} tag, got ${describe(v)}`);
      }
      return { key: kv.key, value: v };
    case 'bool':
      if (typeof v === 'boolean') {
        return { key: kv.key, value: v };
      }
      if (v === 'true' || v === 'false') {
        return { key: kv.key, value: v === 'true' };
      }
      return fail('value', `expected true or false for a bool tag, got ${describe(v)}`);
    case 'int64':
      return { key: kv.key, value: int64Value(v, 'value') };
    case 'float64':
      return { key: kv.key, value: doubleValue(v, 'value') };
    case undefined:
      if (typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') {
        return { key: kv.key, value: v };
      }
      return fail('value', `expected a string, number or boolean, got ${describe(v)}`);
    default:
      return fail('type', `unknown tag type ${describe(kv.type)} (expected string, bool, int64, float64 or binary)`);
  }
}
