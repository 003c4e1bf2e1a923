/**
 * The Transport for Node (CLI, tests, benchmarks), on node:http rather than fetch, because fetch
 * hides what a hostile or broken backend needs watched: the compressed bytes on the wire (fetch
 * inflates silently), each redirect hop (fetch follows them with the headers attached), and
 * credentials in the URL (fetch refuses them). Node-only: it is not exported from any barrel the
 * browser bundle imports.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';

import type { HttpRequest, HttpResponse, Transport } from '../backends/transport';
import { TraceLensError, isTraceLensError } from '../errors';
import { authHeaders, splitUserinfo, type AuthSettings } from './auth';
import { ByteBudget, DEFAULT_MAX_RESPONSE_MB, megabytes, responseTooLarge } from './limits';
import { Redactor, headerSecrets } from './redact';
import { joinUrl, originOf } from './url';

export interface NodeTransportOptions extends AuthSettings {
  /** Default per-request timeout (connect, headers and the whole body); a request's own timeoutMs wins. */
  readonly timeoutMs?: number;
  /** Most bytes one answer may have, compressed and again inflated (default 256 MB). */
  readonly maxResponseBytes?: number;
  /** Same-origin redirects followed per request (default 5). Other origins are never followed. */
  readonly maxRedirects?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Settings {
  readonly base: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly limit: number;
  readonly maxRedirects: number;
  readonly redactor: Redactor;
}

/**
 * A Transport to `baseUrl`. It resolves with any HTTP answer and rejects only with a TraceLensError
 * ('unreachable', 'interrupted', 'too-large', 'malformed' for an undecodable encoding, 'http' for a
 * redirect it will not follow, 'timeout', 'cancelled'), each naming the URL without credentials.
 */
export function nodeTransport(baseUrl: string, opts: NodeTransportOptions = {}): Transport {
  const split = splitUserinfo(baseUrl);
  const early = new Redactor([split.password, opts.token, opts.password, ...headerSecrets(opts.headers ?? {})]);
  let parsed: URL;
  try {
    parsed = new URL(split.url);
  } catch {
    throw new TraceLensError('input', `"${early.text(baseUrl)}" is not a URL (expected e.g. http://localhost:16686)`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new TraceLensError('input', `"${early.text(split.url)}" is not an http(s) URL`);
  }
  const headers = authHeaders(opts, split);
  const settings: Settings = {
    base: split.url,
    headers,
    timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    limit: opts.maxResponseBytes ?? megabytes(DEFAULT_MAX_RESPONSE_MB),
    maxRedirects: opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS,
    redactor: early.with(headerSecrets(headers)),
  };
  return (request) => send(settings, request);
}

/** Where an exchange got to, so a timeout or a broken connection can say what was missing. */
interface Progress {
  url: string;
  answered: boolean;
  received: number;
}

async function send(s: Settings, request: HttpRequest): Promise<HttpResponse> {
  const progress: Progress = { url: joinUrl(s.base, request.path, request.query), answered: false, received: 0 };
  const timeoutMs = request.timeoutMs ?? s.timeoutMs;
  if (request.signal?.aborted) {
    throw cancelled(s, progress.url);
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
    let method: string = request.method;
    let body = request.body;
    for (let hop = 0; ; hop++) {
      const res = await exchange(s, method, { Accept: 'application/json', ...s.headers, ...request.headers }, body, {
        signal: controller.signal,
        progress,
      });
      const location = res.headers.location;
      if (!REDIRECT_STATUSES.has(res.status) || !location) {
        return res;
      }
      const from = new URL(progress.url);
      const to = new URL(location, from);
      if (originOf(to) !== originOf(from)) {
        throw new TraceLensError(
          'http',
          s.redactor.text(
            `${progress.url} answered ${res.status} redirecting to ${to.origin}${to.pathname}, another origin; ` +
              `TraceLens follows redirects only within ${from.origin}, so credentials never leave it`
          ),
          { status: res.status }
        );
      }
      if (hop >= s.maxRedirects) {
        throw new TraceLensError(
          'http',
          s.redactor.text(`${progress.url} redirected more than ${s.maxRedirects} times`),
          {
            status: res.status,
          }
        );
      }
      // 303, and 301/302 after a POST, turn into a GET without the body (as browsers do).
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
      }
      progress.url = to.toString();
      progress.answered = false;
      progress.received = 0;
    }
  } catch (e) {
    if (timedOut) {
      throw timeoutError(s, progress, timeoutMs, e);
    }
    if (request.signal?.aborted) {
      throw cancelled(s, progress.url, e);
    }
    if (isTraceLensError(e)) {
      throw e;
    }
    throw new TraceLensError('unreachable', s.redactor.text(`cannot reach ${progress.url}: ${networkCause(e)}`), {
      cause: e,
    });
  } finally {
    clearTimeout(timer);
    request.signal?.removeEventListener('abort', onAbort);
  }
}

function cancelled(s: Settings, url: string, cause?: unknown): TraceLensError {
  return new TraceLensError('cancelled', s.redactor.text(`request to ${url} was cancelled`), { cause });
}

function timeoutError(s: Settings, p: Progress, timeoutMs: number, cause: unknown): TraceLensError {
  const message = p.answered
    ? `${p.url} started answering but did not finish within ${timeoutMs} ms (${p.received} bytes received)`
    : `${p.url} did not answer within ${timeoutMs} ms`;
  return new TraceLensError('timeout', s.redactor.text(message), { cause });
}

/**
 * One HTTP exchange. Counts the bytes as they arrive, raw and inflated, and stops reading the moment
 * either passes the limit; a connection that breaks after the headers is 'interrupted', not
 * 'unreachable', because the backend was reached and the answer is what went missing.
 */
function exchange(
  s: Settings,
  method: string,
  headers: Record<string, string>,
  body: string | undefined,
  ctx: { signal: AbortSignal; progress: Progress }
): Promise<HttpResponse> {
  const { progress } = ctx;
  const url = progress.url;
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    const fail = (e: unknown): void => {
      if (!settled) {
        settled = true;
        req.destroy();
        reject(e);
      }
    };
    const req = client.request(target, {
      method,
      signal: ctx.signal,
      headers: {
        'User-Agent': 'tracelens',
        'Accept-Encoding': 'gzip, deflate, br',
        ...headers,
        ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}),
      },
    });
    req.on('error', (e) => fail(progress.answered ? interrupted(s, progress, e) : e));
    req.on('response', (res) => {
      progress.answered = true;
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > s.limit) {
        fail(responseTooLarge(s.redactor.text(url), s.limit, 'declared'));
        return;
      }
      const encoding = (res.headers['content-encoding'] ?? '').trim().toLowerCase();
      let decoder: zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined;
      try {
        decoder = decoderFor(encoding);
      } catch (e) {
        fail(new TraceLensError('malformed', s.redactor.text(`response from ${url}: ${(e as Error).message}`)));
        return;
      }
      const raw = new ByteBudget(s.limit);
      const inflated = new ByteBudget(s.limit);
      const chunks: Buffer[] = [];
      const broken = (e?: unknown) => fail(interrupted(s, progress, e));
      res.on('data', (chunk: Buffer) => {
        progress.received += chunk.length;
        if (!raw.add(chunk.length)) {
          fail(responseTooLarge(s.redactor.text(url), s.limit, 'received'));
        } else if (!decoder) {
          chunks.push(chunk);
        }
      });
      res.on('aborted', () => broken());
      res.on('error', (e) => broken(e));
      res.on('close', () => {
        if (!res.complete) {
          broken();
        }
      });
      let out: Readable = res;
      if (decoder) {
        const d = decoder;
        d.on('data', (chunk: Buffer) => {
          if (settled) {
            return;
          }
          if (!inflated.add(chunk.length)) {
            d.destroy();
            fail(responseTooLarge(s.redactor.text(url), s.limit, 'inflated'));
            return;
          }
          chunks.push(chunk);
        });
        d.on('error', (e) =>
          fail(
            new TraceLensError(
              'malformed',
              s.redactor.text(`response from ${url} is not valid ${encoding}: ${e.message}`),
              {
                cause: e,
              }
            )
          )
        );
        out = res.pipe(d);
      }
      out.on('end', () => {
        if (settled) {
          return;
        }
        if (!res.complete) {
          broken();
          return;
        }
        settled = true;
        const bytes = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: flattenHeaders(res.headers),
          body: bytes.toString('utf8'),
          bytes: bytes.length,
        });
      });
    });
    req.end(body);
  });
}

function decoderFor(encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding) {
    case '':
    case 'identity':
      return undefined;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new Error(`content encoding "${encoding.slice(0, 40)}" is not one TraceLens can decode`);
  }
}

function interrupted(s: Settings, p: Progress, cause?: unknown): TraceLensError {
  const why = cause === undefined ? 'the connection closed' : networkCause(cause);
  return new TraceLensError(
    'interrupted',
    s.redactor.text(`response from ${p.url} was cut off after ${p.received} bytes: ${why}`),
    { cause }
  );
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) {
      out[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return out;
}

const CODE_WORDS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'connection timed out',
  EPIPE: 'connection closed while sending',
  ECONNABORTED: 'connection aborted',
};

/** The system error in words plus its code (ECONNREFUSED, ENOTFOUND, a TLS code...). */
export function networkCause(e: unknown): string {
  const seen = new Set<unknown>();
  let cur: unknown = e;
  let fallback = e instanceof Error ? e.message : String(e);
  while (cur && typeof cur === 'object' && !seen.has(cur)) {
    seen.add(cur);
    const rec = cur as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof rec.code === 'string' && /^E[A-Z_]+$/.test(rec.code)) {
      return `${CODE_WORDS[rec.code] ?? (typeof rec.message === 'string' ? rec.message : rec.code)} (${rec.code})`;
    }
    if (typeof rec.code === 'string' && /CERT|SSL|TLS|SELF_SIGNED/.test(rec.code)) {
      return `TLS certificate problem: ${typeof rec.message === 'string' ? rec.message : rec.code} (${rec.code})`;
    }
    if (typeof rec.message === 'string' && rec.message !== 'fetch failed') {
      fallback = rec.message;
    }
    cur = rec.cause;
  }
  return fallback;
}
