/**
 * Calls to other demo services go through node:http (not fetch), because that is what
 * @opentelemetry/instrumentation-http wraps: each call gets a client span and the traceparent, tracestate
 * and baggage headers injected from the active context.
 */
import { request } from 'node:http';

import { HttpError } from './httpErrors';

export interface DownstreamAnswer {
  status: number;
  body: unknown;
}

export interface CallOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs?: number;
}

export function callService(
  service: string,
  baseUrl: string,
  path: string,
  opts: CallOptions = {}
): Promise<DownstreamAnswer> {
  const url = new URL(path, baseUrl);
  const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  return new Promise<DownstreamAnswer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: Number(url.port),
        path: url.pathname + url.search,
        method: opts.method ?? 'GET',
        headers,
        timeout: opts.timeoutMs ?? 10_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (e) => reject(new HttpError(502, `${service} response failed: ${e.message}`)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            // Not JSON: keep the text so the caller's error names what came back.
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      }
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${opts.timeoutMs ?? 10_000} ms`)));
    req.on('error', (e) => reject(new HttpError(502, `${service} at ${url.origin} unreachable: ${e.message}`)));
    if (payload !== undefined) {
      req.write(payload);
    }
    req.end();
  });
}

/** The message a failed downstream answer carries, for the caller's own error. */
export function downstreamMessage(a: DownstreamAnswer): string {
  if (a.body && typeof a.body === 'object' && 'error' in a.body) {
    return String((a.body as { error: unknown }).error);
  }
  return typeof a.body === 'string' ? a.body.slice(0, 200) : `status ${a.status}`;
}
