import { TraceLensError, isTraceLensError } from '../errors';
import { parseJsonBody } from '../model';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Which backend and endpoint a request was for, so every error names both. */
export interface Endpoint {
  readonly backend: string;
  /** The path template, e.g. `/api/v3/traces` or `/api/v2/traces/{id}`. */
  readonly name: string;
}

export function describe(ep: Endpoint): string {
  return `${ep.backend} ${ep.name}`;
}

const MAX_MESSAGE = 300;

/**
 * The server's own words from an error body: Jaeger api_v3 `{error:{message}}`, grpc-gateway
 * `{message}`, Jaeger v1 `{errors:[{msg}]}`, or plain text (Tempo). HTML pages are reduced to text.
 */
export function serverMessage(body: string): string {
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const json: unknown = JSON.parse(text);
      const msg = messageFromJson(json);
      if (msg) {
        return clip(msg);
      }
    } catch {
      // not JSON after all: fall through to text
    }
  }
  if (/^<(!doctype|html)/i.test(text)) {
    return clip(
      text
        .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
    );
  }
  return clip(text.replace(/\s+/g, ' '));
}

function messageFromJson(json: unknown): string | undefined {
  if (!isRecord(json)) {
    return undefined;
  }
  const err = json.error;
  if (isRecord(err) && typeof err.message === 'string') {
    return err.message;
  }
  if (typeof err === 'string') {
    return err;
  }
  if (Array.isArray(json.errors)) {
    const msgs = json.errors
      .map((e) => (isRecord(e) ? (typeof e.msg === 'string' ? e.msg : e.message) : undefined))
      .filter((m): m is string => typeof m === 'string' && m.length > 0);
    if (msgs.length) {
      return msgs.join('; ');
    }
  }
  return typeof json.message === 'string' ? json.message : undefined;
}

function clip(s: string): string {
  return s.length > MAX_MESSAGE ? `${s.slice(0, MAX_MESSAGE - 3)}...` : s;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Reason phrases for when the server (or HTTP/2) sends none, and what each status means for us.
const STATUS: Record<number, [phrase: string, meaning: string]> = {
  400: ['Bad Request', 'the backend rejected the request as invalid'],
  401: ['Unauthorized', 'the backend wants credentials: none were sent, or they were not accepted'],
  403: ['Forbidden', 'the credentials do not allow this request'],
  404: ['Not Found', 'no such API path at this URL: check the URL and any path prefix'],
  405: ['Method Not Allowed', 'this API path does not take this method'],
  408: ['Request Timeout', 'the backend gave up waiting for the request'],
  413: ['Content Too Large', 'the request is too large for the backend'],
  429: ['Too Many Requests', 'the backend is rate-limiting requests'],
  500: ['Internal Server Error', 'the backend failed while answering'],
  501: ['Not Implemented', 'the backend does not implement this API'],
  502: ['Bad Gateway', 'a proxy or gateway in front of the backend got no valid answer from it'],
  503: ['Service Unavailable', 'the backend is unavailable (starting, overloaded or in maintenance)'],
  504: ['Gateway Timeout', 'a proxy or gateway in front of the backend timed out waiting for it'],
};

/**
 * A non-2xx answer as a TraceLensError 'http' carrying the status and the server's own message, or,
 * when the body is empty, what the status means, so the cause is named either way.
 */
export function httpError(ep: Endpoint, res: HttpResponse): TraceLensError {
  const msg = serverMessage(res.body);
  const known = STATUS[res.status];
  const phrase = res.statusText || known?.[0] || '';
  const status = `${res.status}${phrase ? ` ${phrase}` : ''}`;
  const retryAfter = res.status === 429 || res.status === 503 ? retryHint(res.headers['retry-after']) : '';
  const detail = msg ? `: ${msg}` : known ? ` (${known[1]})` : ' (with an empty body)';
  return new TraceLensError('http', `${describe(ep)} answered ${status}${detail}${retryAfter}`, {
    status: res.status,
  });
}

function retryHint(value: string | undefined): string {
  const seconds = value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
  return seconds !== undefined ? `; it asks to retry after ${seconds} s` : '';
}

/**
 * JSON.parse with a 'malformed' error naming the endpoint and where the body broke. When the body
 * is not JSON and the server said it sent something else (an HTML login page from a proxy, plain
 * text), the error names that content type, which is the actual cause.
 */
export function parseJson(ep: Endpoint, body: string, contentType?: string): unknown {
  try {
    return parseJsonBody(body, `${describe(ep)} response`);
  } catch (e) {
    const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
    if (type && !/json/.test(type) && body.trim().length > 0) {
      const excerpt = serverMessage(body).slice(0, 120);
      throw new TraceLensError(
        'malformed',
        `${describe(ep)} answered with ${type} instead of JSON${excerpt ? ` (${excerpt})` : ''}: is the URL the ${ep.backend} query API?`,
        { cause: e }
      );
    }
    throw e;
  }
}

/** Runs a decoder, so a 'malformed' error from it also names the endpoint the body came from. */
export function decodeFrom<T>(ep: Endpoint, decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    if (isTraceLensError(e) && e.kind === 'malformed') {
      throw new TraceLensError('malformed', `${describe(ep)} response: ${e.message}`, { cause: e });
    }
    throw e;
  }
}

export function malformed(ep: Endpoint, what: string): TraceLensError {
  return new TraceLensError('malformed', `${describe(ep)} answered with unexpected JSON: ${what}`);
}

/** Calls the transport, turning anything but a TraceLensError into 'unreachable' (a bug in a transport). */
export async function call(transport: Transport, ep: Endpoint, request: HttpRequest): Promise<HttpResponse> {
  try {
    return await transport(request);
  } catch (e) {
    if (isTraceLensError(e)) {
      throw e;
    }
    throw new TraceLensError(
      'unreachable',
      `${describe(ep)} request failed: ${e instanceof Error ? e.message : String(e)}`,
      {
        cause: e,
      }
    );
  }
}

/** UTF-8 size of a body, for bytes-fetched figures (no Buffer: the core also runs in browsers). */
export function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      n += 1;
    } else if (c < 0x800) {
      n += 2;
    } else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else {
      n += 3;
    }
  }
  return n;
}

/** Counts requests and bytes across one operation (a search, a fan-out). */
export class RequestMeter {
  requests = 0;
  bytes = 0;

  wrap(transport: Transport): Transport {
    return async (req) => {
      this.requests++;
      const res = await transport(req);
      // Counting a 15 MB body character by character costs a third of parsing it: use the
      // transport's own count when it has one.
      this.bytes += res.bytes ?? byteLength(res.body);
      return res;
    };
  }
}
