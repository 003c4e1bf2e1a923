import type { AttributeMap, AttributeValue } from './types';

/**
 * Attribute maps hold keys chosen by whoever instrumented the service, so a key like `constructor`,
 * `toString` or `__proto__` must be an ordinary entry. Objects made by this constructor have no
 * Object.prototype in their chain (lookups of inherited names give undefined, and assigning
 * `__proto__` is a plain write), yet unlike Object.create(null) V8 keeps them in fast mode.
 */
const AttributeBag = function AttributeBag(this: object) {} as unknown as new () => Record<string, AttributeValue>;
AttributeBag.prototype = Object.create(null);

export type MutableAttributeMap = Record<string, AttributeValue>;

export function newAttributeMap(): MutableAttributeMap {
  return new AttributeBag();
}

/** A shared empty map for spans, events and scopes without attributes; never mutate it. */
export const EMPTY_ATTRIBUTES: AttributeMap = Object.freeze(newAttributeMap());

/** Own-key lookup that is safe for any key. */
export function getAttribute(map: AttributeMap, key: string): AttributeValue | undefined {
  return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
}

/** Builds an attribute map from plain entries (tests, encoders' inverse, fixtures). */
export function attributeMapFrom(entries: Record<string, AttributeValue>): AttributeMap {
  const out = newAttributeMap();
  for (const key of Object.keys(entries)) {
    out[key] = entries[key];
  }
  return out;
}
