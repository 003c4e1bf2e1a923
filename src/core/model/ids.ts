/**
 * Trace and span ids arrive as hex (Jaeger, OTLP JSON spec), as base64 (Tempo's gogo jsonpb) or as
 * short hex (Jaeger's 64-bit trace ids). The model keeps one form: lowercase hex, 32 digits for a
 * trace id and 16 for a span id. These helpers run once per span, so they avoid regexes and Buffer
 * (the core also runs in browsers).
 */

const HEX_DIGITS = '0123456789abcdef';
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** char code → 6-bit value, or -1; accepts both the standard and the URL-safe alphabet. */
const BASE64_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64_ALPHABET.length; i++) {
  BASE64_VALUE[BASE64_ALPHABET.charCodeAt(i)] = i;
}
BASE64_VALUE['-'.charCodeAt(0)] = 62;
BASE64_VALUE['_'.charCodeAt(0)] = 63;

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) {
    return code - 48;
  }
  if (code >= 97 && code <= 102) {
    return code - 87;
  }
  if (code >= 65 && code <= 70) {
    return code - 55;
  }
  return -1;
}

export function isHex(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (hexValue(s.charCodeAt(i)) < 0) {
      return false;
    }
  }
  return s.length > 0;
}

/** True when `s` is exactly `digits` lowercase hex digits (the model's canonical form). */
function isCanonicalHex(s: string, digits: number): boolean {
  if (s.length !== digits) {
    return false;
  }
  for (let i = 0; i < digits; i++) {
    const c = s.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) {
      return false;
    }
  }
  return true;
}

const HEX_CODES: readonly number[] = Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));

/**
 * Decodes base64 (padded or not, standard or URL-safe) to lowercase hex; null if it is not base64.
 * The hex digits are collected as char codes and turned into one flat string at the end: joining
 * pieces with `+` would leave a rope of small strings per id, which costs garbage and a flatten
 * when the id is later used as a map key.
 */
export function base64ToHex(s: string): string | null {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 61 /* = */) {
    end--;
  }
  if (s.length - end > 2) {
    return null;
  }
  const rest = end % 4;
  if (rest === 1) {
    return null;
  }
  const hexLength = ((end - rest) / 4) * 6 + (rest === 0 ? 0 : rest === 2 ? 2 : 4);
  const codes = scratchCodes(hexLength);
  let k = 0;
  let i = 0;
  for (; i + 4 <= end; i += 4) {
    const a = base64Value(s, i);
    const b = base64Value(s, i + 1);
    const c = base64Value(s, i + 2);
    const d = base64Value(s, i + 3);
    if ((a | b | c | d) < 0) {
      return null;
    }
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    codes[k++] = HEX_CODES[(n >> 20) & 15];
    codes[k++] = HEX_CODES[(n >> 16) & 15];
    codes[k++] = HEX_CODES[(n >> 12) & 15];
    codes[k++] = HEX_CODES[(n >> 8) & 15];
    codes[k++] = HEX_CODES[(n >> 4) & 15];
    codes[k++] = HEX_CODES[n & 15];
  }
  if (rest >= 2) {
    const a = base64Value(s, i);
    const b = base64Value(s, i + 1);
    const c = rest === 3 ? base64Value(s, i + 2) : 0;
    if ((a | b | c) < 0) {
      return null;
    }
    const n = (a << 18) | (b << 12) | (c << 6);
    codes[k++] = HEX_CODES[(n >> 20) & 15];
    codes[k++] = HEX_CODES[(n >> 16) & 15];
    if (rest === 3) {
      codes[k++] = HEX_CODES[(n >> 12) & 15];
      codes[k++] = HEX_CODES[(n >> 8) & 15];
    }
  }
  return codesToString(codes);
}

/**
 * Reused char-code buffers per output length, so converting an id allocates only its string.
 * Safe because each buffer is consumed before base64ToHex returns.
 */
const SCRATCH: number[][] = [];
function scratchCodes(length: number): number[] {
  if (length > 64) {
    return new Array<number>(length).fill(0);
  }
  let buffer = SCRATCH[length];
  if (buffer === undefined) {
    buffer = new Array<number>(length).fill(0);
    SCRATCH[length] = buffer;
  }
  return buffer;
}

/** String.fromCharCode over an array, in chunks so huge inputs stay within argument limits. */
function codesToString(codes: number[]): string {
  if (codes.length <= 4096) {
    return String.fromCharCode.apply(null, codes);
  }
  let out = '';
  for (let k = 0; k < codes.length; k += 4096) {
    out += String.fromCharCode.apply(null, codes.slice(k, k + 4096));
  }
  return out;
}

function base64Value(s: string, i: number): number {
  const code = s.charCodeAt(i);
  return code < 128 ? BASE64_VALUE[code] : -1;
}

/** Encodes hex (even length, any case) as padded standard base64; null if it is not hex. */
export function hexToBase64(hex: string): string | null {
  if (hex.length % 2 !== 0 || (hex.length > 0 && !isHex(hex))) {
    return null;
  }
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (let i = 0; i < hex.length; i += 2) {
    buffer = ((buffer << 8) | (hexValue(hex.charCodeAt(i)) << 4) | hexValue(hex.charCodeAt(i + 1))) & 0xffffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += BASE64_ALPHABET[(buffer >> bits) & 63];
    }
  }
  if (bits > 0) {
    out += BASE64_ALPHABET[(buffer << (6 - bits)) & 63];
  }
  while (out.length % 4 !== 0) {
    out += '=';
  }
  return out;
}

const TRACE_BASE64_DIGITS = [16, 32];
const SPAN_BASE64_DIGITS = [16];

function normalizeId(s: string, digits: number, base64Digits: readonly number[]): string | null {
  if (isCanonicalHex(s, digits)) {
    return s;
  }
  const raw = s.length > 0 && (s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32) ? s.trim() : s;
  if (raw.length === 0) {
    return null;
  }
  // Hex first: an id of at most `digits` hex digits is hex (Jaeger sends 64-bit trace ids as 16
  // digits and may drop leading zeros). Padded base64 (Tempo's ids end in '=') skips that scan.
  // Otherwise it must be base64 of a whole id (8 or 16 bytes for a trace, 8 for a span), so stray
  // text like "xx" is not mistaken for one byte of base64.
  if (raw.charCodeAt(raw.length - 1) !== 61 /* = */ && raw.length <= digits && isHex(raw)) {
    const hex = raw.toLowerCase();
    return hex.length < digits ? hex.padStart(digits, '0') : hex;
  }
  const hex = base64ToHex(raw);
  if (hex === null || !base64Digits.includes(hex.length)) {
    return null;
  }
  return hex.length < digits ? hex.padStart(digits, '0') : hex;
}

/** A trace id in hex or base64 as 32 lowercase hex digits; null if it is neither. */
export function normalizeTraceId(s: string): string | null {
  return normalizeId(s, 32, TRACE_BASE64_DIGITS);
}

/** A span id in hex or base64 as 16 lowercase hex digits; null if it is neither. */
export function normalizeSpanId(s: string): string | null {
  return normalizeId(s, 16, SPAN_BASE64_DIGITS);
}
