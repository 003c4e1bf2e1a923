import { TraceLensError } from '../errors';
import { loneSurrogateAt } from '../unicode';

/**
 * The only way request paths are built. Every backend request goes to one of these templates, and
 * every user value that lands in a path segment is validated and percent-encoded, so a service name
 * like `../../admin` or `a%2fb` can never reach another endpoint behind the data proxy.
 */
type Placeholder = 'id' | 'service' | 'tag';
export type PathParams = Partial<Record<Placeholder, string>>;

/**
 * One backend's allow-list of API path templates (`/api/traces/{id}`): each backend declares its
 * own in its folder with `definePaths`, and builds every request path through it.
 */
export interface PathSet<T extends string = string> {
  /** The backend's display name, for error messages. */
  readonly backend: string;
  readonly templates: readonly T[];
  /** Placeholders: `{id}` a trace id, `{service}` and `{tag}` free text. */
  readonly matchers: readonly RegExp[];
}

export function definePaths<const T extends string>(backend: string, templates: readonly T[]): PathSet<T> {
  return { backend, templates, matchers: templates.map(templateMatcher) };
}

const HEX_ID = /^[0-9a-fA-F]{1,32}$/;
// base64 (standard or URL-safe) of an 8- or 16-byte id, with or without padding.
const BASE64_ID = /^(?:[A-Za-z0-9+/_-]{11}=?|[A-Za-z0-9+/_-]{22}(?:==)?)$/;
const MAX_SEGMENT = 1024;

/**
 * A trace id for a path: hex (1-32 digits, lowercased) or base64 of 8/16 bytes (converted to 32 hex
 * digits, which every Jaeger and Tempo version accepts). Anything else is an input error.
 */
export function traceIdForPath(raw: string): string {
  const id = raw.trim();
  if (HEX_ID.test(id)) {
    return id.toLowerCase();
  }
  if (BASE64_ID.test(id)) {
    const hex = base64ToHex(id);
    if (hex !== null) {
      return hex.padStart(32, '0');
    }
  }
  throw new TraceLensError('input', `"${truncate(raw)}" is not a trace id: expected up to 32 hex digits or base64`);
}

function base64ToHex(b64: string): string | null {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  const clean = b64.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  let bits = 0;
  let value = 0;
  let hex = '';
  for (const ch of clean) {
    const v = alphabet.indexOf(ch);
    if (v < 0) {
      return null;
    }
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      hex += ((value >> bits) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

/** A free-text segment (service name, tag name): any text, but never one that can move the path. */
function textSegment(name: Placeholder, raw: string): string {
  if (raw.length === 0) {
    throw new TraceLensError('input', `the ${name} in a request path must not be empty`);
  }
  if (raw.length > MAX_SEGMENT) {
    throw new TraceLensError('input', `the ${name} in a request path is longer than ${MAX_SEGMENT} characters`);
  }
  // `.` and `..` survive encodeURIComponent and would be collapsed by URL normalisation.
  if (raw === '.' || raw === '..') {
    throw new TraceLensError('forbidden-path', `the ${name} "${raw}" would change the request path`);
  }
  // Proxies and routers decode %2F and %5C before matching, so an encoded separator is still unsafe.
  if (/[/\\]/.test(raw)) {
    throw new TraceLensError('forbidden-path', `the ${name} "${truncate(raw)}" contains a path separator`);
  }
  if (loneSurrogateAt(raw) >= 0) {
    throw new TraceLensError('input', `the ${name} in a request path contains an unpaired UTF-16 surrogate`);
  }
  if (/[\u0000-\u001f\u007f]/.test(raw)) {
    throw new TraceLensError('input', `the ${name} in a request path contains control characters`);
  }
  return encodeURIComponent(raw);
}

function segmentFor(name: Placeholder, raw: string): string {
  return name === 'id' ? traceIdForPath(raw) : textSegment(name, raw);
}

/**
 * Builds `template` with `params` substituted. Throws TraceLensError 'forbidden-path' when the
 * template is not in the backend's allow-list, 'input' when a value is invalid or missing.
 */
export function buildPath<T extends string>(paths: PathSet<T>, template: T, params: PathParams = {}): string {
  if (!paths.templates.includes(template)) {
    throw new TraceLensError('forbidden-path', `${template} is not a known ${paths.backend} API path`);
  }
  const used = new Set<string>();
  const path = template.replace(/\{(\w+)\}/g, (_m, key: Placeholder) => {
    const value = params[key];
    if (value === undefined) {
      throw new TraceLensError('input', `missing ${key} for ${template}`);
    }
    used.add(key);
    return segmentFor(key, value);
  });
  for (const key of Object.keys(params)) {
    if (!used.has(key) && params[key as Placeholder] !== undefined) {
      throw new TraceLensError('input', `${template} takes no ${key}`);
    }
  }
  // Defence in depth: whatever the code above does, the result must still match its template.
  if (!isAllowedPath(paths, path)) {
    throw new TraceLensError('forbidden-path', `refusing to request ${truncate(path)}`);
  }
  return path;
}

// Characters encodeURIComponent leaves alone, plus percent escapes; never '/', '?', '#' or '\'.
const SEGMENT = "(?!\\.\\.?(?:/|$))(?:[A-Za-z0-9\\-_.!~*'()]|%[0-9A-F]{2})+";

function templateMatcher(template: string): RegExp {
  const parts = template.split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join(SEGMENT)}$`);
}

/**
 * True when `path` (no query string) is one of the backend's API paths with well-formed segments.
 * Transports in front of a proxy use it as a last check.
 */
export function isAllowedPath(paths: PathSet, path: string): boolean {
  return paths.matchers.some((re) => re.test(path)) && !/%2e|%2f|%5c/i.test(path);
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
