import { TraceLensError, isTraceLensError } from '../errors';
import { parseJsonBody } from '../model';
import type { HttpRequest, HttpResponse, Transport } from './transport';

/** Which backend and endpoint a request was for, so every error names both. */
export interface Endpoint {
  readonly backend: 'Jaeger' | 'Tempo';
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

/** A non-2xx answer as a TraceLensError 'http' carrying the status and the server's message. */
export function httpError(ep: Endpoint, res: HttpResponse): TraceLensError {
  const msg = serverMessage(res.body);
  const status = `${res.status}${res.statusText ? ` ${res.statusText}` : ''}`;
  return new TraceLensError('http', `${describe(ep)} answered ${status}${msg ? `: ${msg}` : ''}`, {
    status: res.status,
  });
}

/** JSON.parse with a 'malformed' error naming the endpoint and where the body broke. */
export function parseJson(ep: Endpoint, body: string): unknown {
  return parseJsonBody(body, `${describe(ep)} response`);
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
      this.bytes += byteLength(res.body);
      return res;
    };
  }
}
