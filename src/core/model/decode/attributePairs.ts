import type { AttributePair } from '../table/spanTable';
import type { AttributeValue } from '../types';
import { decodeAnyValue } from './anyValue';
import { describe, fail, isRecord, within } from './decodeError';

export const NO_PAIRS: readonly AttributePair[] = Object.freeze([]);

/**
 * An OTLP KeyValue list as typed pairs. With `owned` (the decoder parsed this body itself and
 * nobody else holds it) each `{key, value: AnyValue}` object is reused as the pair by replacing its
 * value with the typed one, so a span's attributes cost no allocation; otherwise new pairs are made
 * and the input is left as it was. Entries without a value, or with an empty AnyValue, are left
 * out; a key given twice keeps its first position and its last value, as a map would.
 */
export function otlpAttributePairs(list: unknown, owned: boolean): readonly AttributePair[] {
  if (list === undefined || list === null) {
    return NO_PAIRS;
  }
  if (!Array.isArray(list)) {
    return fail('', `expected an array of key/value pairs, got ${describe(list)}`);
  }
  const n = list.length;
  if (n === 0) {
    return NO_PAIRS;
  }
  // `kept` stays null while every entry is kept in place (the common case).
  let kept: AttributePair[] | null = owned ? null : [];
  for (let i = 0; i < n; i++) {
    const kv: unknown = list[i];
    let value: AttributeValue | undefined;
    try {
      if (!isRecord(kv) || typeof kv.key !== 'string') {
        fail('', `expected {key, value}, got ${describe(kv)}`);
      }
      const raw = kv.value;
      if (raw !== undefined && raw !== null) {
        // Most attributes are plain strings: take them without the general AnyValue walk.
        const s = (raw as Record<string, unknown>).stringValue;
        if (typeof s === 'string') {
          value = s;
        } else {
          try {
            value = decodeAnyValue(raw);
          } catch (e) {
            within(e, 'value');
          }
        }
      }
    } catch (e) {
      return within(e, `[${i}]`);
    }
    const pair = kv as { key: string; value: unknown };
    if (value === undefined) {
      kept ??= (list as AttributePair[]).slice(0, i);
      continue;
    }
    if (kept === null) {
      pair.value = value;
    } else if (owned) {
      pair.value = value;
      kept.push(pair as AttributePair);
    } else {
      kept.push({ key: pair.key, value });
    }
  }
  return withoutDuplicates(kept ?? (list as AttributePair[]));
}

/**
 * Keys within one span are nearly always distinct, and checking every pair against every earlier
 * one read each pair object a dozen times per span. Each key is first reduced to a number (its
 * length and last character), kept in a scratch array, so the pairwise pass compares small
 * integers and reads a key again only when two numbers match. When a key repeats, the list is
 * rebuilt map-like (first position, last value) with new pairs.
 */
export function withoutDuplicates(pairs: readonly AttributePair[]): readonly AttributePair[] {
  const n = pairs.length;
  if (n === 0) {
    return NO_PAIRS;
  }
  if (n > SIGNATURES.length) {
    return slowWithoutDuplicates(pairs);
  }
  for (let i = 0; i < n; i++) {
    const key = pairs[i].key;
    const len = key.length;
    const sig = len === 0 ? 0 : (len << 16) | key.charCodeAt(len - 1);
    for (let j = 0; j < i; j++) {
      if (SIGNATURES[j] === sig && pairs[j].key === key) {
        return dedupe(pairs);
      }
    }
    SIGNATURES[i] = sig;
  }
  return pairs;
}

/** Scratch for withoutDuplicates (decoding is synchronous, so one array serves every call). */
const SIGNATURES = new Int32Array(64);

function slowWithoutDuplicates(pairs: readonly AttributePair[]): readonly AttributePair[] {
  const n = pairs.length;
  for (let i = 1; i < n; i++) {
    const key = pairs[i].key;
    for (let j = 0; j < i; j++) {
      if (pairs[j].key === key) {
        return dedupe(pairs);
      }
    }
  }
  return pairs;
}

function dedupe(pairs: readonly AttributePair[]): readonly AttributePair[] {
  const position = new Map<string, number>();
  const out: AttributePair[] = [];
  for (const p of pairs) {
    const at = position.get(p.key);
    if (at === undefined) {
      position.set(p.key, out.length);
      out.push({ key: p.key, value: p.value });
    } else {
      out[at] = { key: p.key, value: p.value };
    }
  }
  return out;
}
