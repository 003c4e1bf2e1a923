import { TraceLensError } from '../errors';
import type { HttpRequest, HttpResponse, Transport } from './transport';

export interface NodeTransportOptions {
  /** Sent with every request (auth, tenant headers). */
  readonly headers?: Record<string, string>;
  /** Default per-request timeout; a request's own timeoutMs wins. */
  readonly timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * `?k=v&k=v2`, every key and value percent-encoded (spaces as %20, not '+', so TraceQL such as
 * `{ a + b }` survives servers that do not decode '+'). Arrays repeat the key, undefined values are
 * left out, keys keep their order. Used by both transports (Node and Grafana's data proxy).
 */
export function encodeQuery(query: HttpRequest['query']): string {
  if (!query) {
    return '';
  }
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined) {
      continue;
    }
    const values: readonly string[] = typeof value === 'string' ? [value] : value;
    for (const v of values) {
      parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
    }
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Joins a base URL (which may carry a path prefix) and an API path. */
export function joinUrl(baseUrl: string, path: string, query?: HttpRequest['query']): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}${encodeQuery(query)}`;
}

/**
 * A Transport on the global fetch for Node (CLI, tests, benchmarks). It never rejects with anything
 * but a TraceLensError of kind 'unreachable', 'timeout' or 'cancelled', each naming the URL.
 */
export function nodeTransport(baseUrl: string, opts: NodeTransportOptions = {}): Transport {
  let parsed: URL;
  try {
    parsed = new URL(baseUrl);
  } catch {
    throw new TraceLensError('input', `"${baseUrl}" is not a URL (expected e.g. http://localhost:16686)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TraceLensError('input', `"${baseUrl}" is not an http(s) URL`);
  }
  return (request) => send(baseUrl, request, opts);
}

async function send(baseUrl: string, request: HttpRequest, opts: NodeTransportOptions): Promise<HttpResponse> {
  const url = joinUrl(baseUrl, request.path, request.query);
  const timeoutMs = request.timeoutMs ?? opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (request.signal?.aborted) {
    throw new TraceLensError('cancelled', `request to ${url} was cancelled`);
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await fetch(url, {
      method: request.method,
      headers: { Accept: 'application/json', ...opts.headers, ...request.headers },
      body: request.body,
      signal: controller.signal,
    });
    // The body is read under the same timer and signal: a server that stalls mid-body is a timeout.
    const body = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { status: res.status, statusText: res.statusText, headers, body };
  } catch (e) {
    if (timedOut) {
      throw new TraceLensError('timeout', `${url} did not answer within ${timeoutMs} ms`, { cause: e });
    }
    if (request.signal?.aborted) {
      throw new TraceLensError('cancelled', `request to ${url} was cancelled`, { cause: e });
    }
    throw new TraceLensError('unreachable', `cannot reach ${url}: ${networkCause(e)}`, { cause: e });
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/** Undici hides the system error (ECONNREFUSED, ENOTFOUND...) in `cause`; surface its code. */
function networkCause(e: unknown): string {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  let fallback = e instanceof Error ? e.message : String(e);
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const rec = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof rec.code === 'string' && /^E[A-Z_]+$/.test(rec.code)) {
      return typeof rec.message === 'string' && rec.message.includes(rec.code) ? rec.message : `${rec.code}`;
    }
    if (typeof rec.message === 'string' && rec.message !== 'fetch failed') {
      fallback = rec.message;
    }
    cur = rec.cause;
  }
  return fallback;
}
