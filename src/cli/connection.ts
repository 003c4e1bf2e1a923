/**
 * How the CLI connects to a live backend: the URL flags, credentials, headers, timeout and response
 * limit, validated once here for every command and every backend, and the secrets they carry
 * registered for redaction so no message or log line ever prints them.
 *
 * Credentials come from `--header 'Name: value'` (repeatable), TRACELENS_TOKEN (bearer),
 * TRACELENS_USER / TRACELENS_PASSWORD (basic) or the URL's userinfo; never from a flag value that
 * would land in shell history and `ps`, except --header, which is how tenant headers are passed.
 */
import type { Transport } from '../core/backends/transport';
import { TraceLensError } from '../core/errors';
import {
  DEFAULT_MAX_RESPONSE_MB,
  MAX_RESPONSE_MB_CEILING,
  Redactor,
  headerSecrets,
  megabytes,
  parseHeader,
  splitUserinfo,
} from '../core/transport';
import { nodeTransport, type NodeTransportOptions } from '../core/transport/nodeTransport';
import { flagValue, flagValues, type FlagSpec, type ParsedArgs } from './args';
import { durationFlag } from './duration';
import type { CliIO } from './types';

export const CONNECTION_FLAGS: readonly FlagSpec[] = [
  { name: 'header', type: 'value', repeatable: true },
  { name: 'timeout', type: 'value' },
  { name: 'max-response-mb', type: 'value' },
];

export const CONNECTION_HELP = `  --header 'N: V'     send this header with every request (repeatable), e.g. 'X-Scope-OrgID: tenant-a'
  --timeout D         per-request timeout for live backends, 1ms to 1h (default 30s)
  --max-response-mb N largest answer accepted, compressed or inflated, 1 to ${MAX_RESPONSE_MB_CEILING} (default ${DEFAULT_MAX_RESPONSE_MB})

Credentials: TRACELENS_TOKEN (bearer), or TRACELENS_USER and TRACELENS_PASSWORD (basic), or
user:password@ in the URL, or --header 'Authorization: ...'. They are never printed.`;

/** Environment variables the CLI reads credentials from. */
export const ENV_TOKEN = 'TRACELENS_TOKEN';
export const ENV_USER = 'TRACELENS_USER';
export const ENV_PASSWORD = 'TRACELENS_PASSWORD';

const MAX_TIMEOUT_NS = 3600e9;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Every secret the arguments and environment carry, for masking: credential headers, the token,
 * the password, URL userinfo. Built from the raw argv so it also covers flags a command rejects.
 */
export function secretsIn(argv: readonly string[], env: Env): Redactor {
  const secrets: Array<string | undefined> = [env[ENV_TOKEN], env[ENV_PASSWORD]];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value =
      arg === '--header' ? argv[i + 1] : arg.startsWith('--header=') ? arg.slice('--header='.length) : undefined;
    if (value !== undefined) {
      const colon = value.indexOf(':');
      if (colon > 0) {
        secrets.push(...headerSecrets({ [value.slice(0, colon).trim()]: value.slice(colon + 1).trim() }));
      }
    }
    const split = splitUserinfo(arg.includes('=') && arg.startsWith('--') ? arg.slice(arg.indexOf('=') + 1) : arg);
    secrets.push(split.password, split.user);
  }
  return new Redactor(secrets);
}

/** The transport options the connection flags and environment describe, validated. */
export function connectionOptions(args: ParsedArgs, env: Env): NodeTransportOptions {
  const headers: Record<string, string> = {};
  for (const spec of flagValues(args, 'header')) {
    const [name, value] = parseHeader(spec);
    headers[name] = value;
  }
  const timeout = flagValue(args, 'timeout');
  return {
    headers,
    token: nonEmpty(env[ENV_TOKEN]),
    user: nonEmpty(env[ENV_USER]),
    password: env[ENV_PASSWORD],
    timeoutMs: timeout === undefined ? undefined : timeoutMs(timeout),
    maxResponseBytes: maxResponse(flagValue(args, 'max-response-mb')),
  };
}

function nonEmpty(v: string | undefined): string | undefined {
  return v === undefined || v === '' ? undefined : v;
}

function timeoutMs(raw: string): number {
  const ns = durationFlag('timeout', raw);
  if (ns < 1e6 || ns > MAX_TIMEOUT_NS) {
    throw new TraceLensError('input', `--timeout must be from 1ms to 1h, got ${JSON.stringify(raw)}`);
  }
  return Math.round(ns / 1e6);
}

function maxResponse(raw: string | undefined): number | undefined {
  if (raw === undefined) {
    return undefined;
  }
  const mb = Number(raw);
  if (!/^\d+(\.\d+)?$/.test(raw.trim()) || !(mb >= 1 && mb <= MAX_RESPONSE_MB_CEILING)) {
    throw new TraceLensError(
      'input',
      `--max-response-mb must be a number from 1 to ${MAX_RESPONSE_MB_CEILING}, got ${JSON.stringify(raw)}`
    );
  }
  return megabytes(mb);
}

/**
 * A backend URL from `--<flag>`: http or https, a host, a usable port, no fragment. The message
 * names the flag and never the credentials.
 */
export function backendUrl(flag: string, raw: string): string {
  const shown = JSON.stringify(new Redactor().text(raw));
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(raw.trim())) {
    throw new TraceLensError('input', `--${flag} must start with http:// or https://, got ${shown}`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new TraceLensError('input', `--${flag} must be a URL like http://127.0.0.1:16686, got ${shown}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TraceLensError('input', `--${flag} must be an http:// or https:// URL, got ${shown}`);
  }
  if (!url.hostname) {
    throw new TraceLensError('input', `--${flag} has no host, got ${shown}`);
  }
  if (url.port === '0') {
    throw new TraceLensError('input', `--${flag}: port 0 is not a port a server listens on, got ${shown}`);
  }
  if (url.hash || url.search) {
    throw new TraceLensError('input', `--${flag} must not have a query string or fragment, got ${shown}`);
  }
  return raw;
}

/** A Transport for `--<flag> URL` with the connection flags applied. */
export function connect(flag: string, raw: string, args: ParsedArgs, io: CliIO): Transport {
  return nodeTransport(backendUrl(flag, raw), connectionOptions(args, io.env ?? {}));
}
