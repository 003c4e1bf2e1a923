import { TraceLensError } from '../../errors';

/**
 * Decoders throw this while walking a body; each loop level prefixes its index on the way out, so
 * the final message names the exact place ("batches[2].scopeSpans[0].spans[7].spanId") without
 * building path strings for the spans that decode fine.
 */
export class DecodeError extends Error {
  path: string;

  constructor(path: string, message: string) {
    super(message);
    this.name = 'DecodeError';
    this.path = path;
  }
}

export function fail(field: string, message: string): never {
  throw new DecodeError(field, message);
}

/** Re-throws `e` with `segment` prepended to its path when it is a DecodeError. */
export function within(e: unknown, segment: string): never {
  if (e instanceof DecodeError) {
    e.path = e.path === '' ? segment : e.path.startsWith('[') ? segment + e.path : `${segment}.${e.path}`;
  }
  throw e;
}

/** Converts a DecodeError into the boundary error, naming the format being decoded. */
export function toMalformed(e: unknown, what: string): never {
  if (e instanceof DecodeError) {
    const where = e.path === '' ? '' : ` at ${e.path}`;
    throw new TraceLensError('malformed', `${what}${where}: ${e.message}`, { cause: e });
  }
  throw e;
}

/** A short, safe rendering of an offending value for messages. */
export function describe(v: unknown): string {
  if (v === undefined) {
    return 'nothing';
  }
  if (v === null) {
    return 'null';
  }
  if (Array.isArray(v)) {
    return 'an array';
  }
  if (typeof v === 'object') {
    return 'an object';
  }
  const text = typeof v === 'string' ? JSON.stringify(v) : String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An optional array field: missing or null is empty; anything else but an array is an error. */
export function arrayField(obj: Record<string, unknown>, key: string): readonly unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) {
    return EMPTY;
  }
  if (!Array.isArray(v)) {
    fail(key, `expected an array, got ${describe(v)}`);
  }
  return v;
}

const EMPTY: readonly unknown[] = Object.freeze([]);

export function stringField(obj: Record<string, unknown>, key: string): string {
  const v = obj[key];
  if (v === undefined || v === null) {
    return '';
  }
  if (typeof v !== 'string') {
    fail(key, `expected a string, got ${describe(v)}`);
  }
  return v;
}
