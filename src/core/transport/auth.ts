import { TraceLensError } from '../errors';
import { basicCredential } from './redact';

/**
 * Where a Node client's credentials come from, in one shape: explicit headers (`--header`), a
 * bearer token, a user and password, and the userinfo of the backend URL. Fetch refuses URLs with
 * credentials, so userinfo is always taken out of the URL and sent as a Basic header instead.
 */
export interface AuthSettings {
  /** Extra headers for every request, e.g. X-Scope-OrgID for multi-tenant Tempo. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly token?: string;
  readonly user?: string;
  readonly password?: string;
}

// RFC 9110 token characters for a field name.
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** `Name: value` as given to `--header`; the value may contain colons. */
export function parseHeader(spec: string): [string, string] {
  const colon = spec.indexOf(':');
  const name = colon > 0 ? spec.slice(0, colon).trim() : '';
  if (!name || !HEADER_NAME.test(name)) {
    throw new TraceLensError('input', `--header takes 'Name: value', got ${JSON.stringify(headerForMessage(spec))}`);
  }
  const value = spec.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) {
    throw new TraceLensError('input', `--header ${name}: the value must not contain line breaks`);
  }
  return [name, value];
}

// The value of a malformed --header may be a secret: show only what precedes the first colon or space.
function headerForMessage(spec: string): string {
  const cut = spec.search(/[:\s]/);
  return cut < 0 ? (spec.length > 40 ? `${spec.slice(0, 40)}...` : spec) : `${spec.slice(0, cut)}...`;
}

export interface SplitUrl {
  /** The URL without userinfo: the only form that is ever requested or printed. */
  readonly url: string;
  readonly user?: string;
  readonly password?: string;
}

/** Takes `user:password@` out of a URL, percent-decoded as RFC 3986 says. */
export function splitUserinfo(raw: string): SplitUrl {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw };
  }
  if (!parsed.username && !parsed.password) {
    return { url: raw };
  }
  const user = safeDecode(parsed.username);
  const password = safeDecode(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString().replace(/\/$/, raw.endsWith('/') ? '/' : ''), user, password };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The headers every request carries: the explicit headers plus one Authorization built from
 * whichever credential was given (an explicit Authorization header, a bearer token, a user and
 * password, or URL userinfo). Two sources at once is a usage error rather than a silent pick.
 */
export function authHeaders(
  settings: AuthSettings,
  fromUrl: { user?: string; password?: string } = {}
): Record<string, string> {
  const headers: Record<string, string> = { ...settings.headers };
  const explicit = Object.keys(headers).some((k) => k.toLowerCase() === 'authorization');
  const sources = [
    explicit ? 'an Authorization header' : undefined,
    settings.token ? 'a bearer token' : undefined,
    settings.user !== undefined || settings.password !== undefined ? 'a user and password' : undefined,
    fromUrl.user || fromUrl.password ? 'credentials in the URL' : undefined,
  ].filter((s): s is string => s !== undefined);
  if (sources.length > 1) {
    throw new TraceLensError('input', `give one kind of credentials, not ${sources.join(' and ')}`);
  }
  if (explicit) {
    return headers;
  }
  if (settings.token) {
    headers.Authorization = `Bearer ${settings.token}`;
  } else if (settings.user !== undefined || settings.password !== undefined) {
    headers.Authorization = basicCredential(settings.user ?? '', settings.password ?? '');
  } else if (fromUrl.user || fromUrl.password) {
    headers.Authorization = basicCredential(fromUrl.user ?? '', fromUrl.password ?? '');
  }
  return headers;
}
