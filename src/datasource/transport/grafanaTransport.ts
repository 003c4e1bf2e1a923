import { getBackendSrv, isFetchError, type BackendSrvRequest, type FetchResponse } from '@grafana/runtime';
import type { Observable, Subscription } from 'rxjs';

import { encodeQuery } from '../../core/backends';
import { TraceLensError } from '../../core/errors';
import type { HttpRequest, HttpResponse, Transport } from '../../core/backends/transport';

/** The one method of BackendSrv this transport needs; tests pass a fake. */
export type FetchFn = (options: BackendSrvRequest) => Observable<FetchResponse<unknown>>;

export interface GrafanaTransportOptions {
  /** `instanceSettings.url`: the data proxy URL of this data source instance. */
  baseUrl: string;
  /** Used when a request does not set its own timeout. */
  defaultTimeoutMs?: number;
  fetch?: FetchFn;
}

/**
 * Paths come from the core's allow-listed builder; this second check keeps a bug there from ever
 * sending a traversal through the proxy with this data source's credentials attached.
 */
const SAFE_PATH = /^\/[A-Za-z0-9._~%!$&'()*+,;=:@/-]*$/;

export function assertSafePath(path: string): void {
  const segments = path.split('/');
  const traversal = segments.some(
    (s) => s === '..' || s === '.' || s.toLowerCase() === '%2e%2e' || s.toLowerCase() === '%2e'
  );
  if (!SAFE_PATH.test(path) || traversal) {
    throw new TraceLensError('forbidden-path', `refusing to request "${path.slice(0, 200)}": not a plain API path`);
  }
}

/**
 * A core Transport over Grafana's data proxy. It resolves with every HTTP answer (the core turns
 * non-2xx into errors carrying the server's message) and rejects only when no answer came:
 * unreachable, timeout or cancelled, as the Transport contract says.
 */
export function createGrafanaTransport(options: GrafanaTransportOptions): Transport {
  const fetchFn: FetchFn = options.fetch ?? ((o) => getBackendSrv().fetch<unknown>(o));
  const base = options.baseUrl.replace(/\/+$/, '');

  return (request: HttpRequest) =>
    new Promise<HttpResponse>((resolve, reject) => {
      try {
        assertSafePath(request.path);
      } catch (e) {
        reject(e);
        return;
      }
      if (request.signal?.aborted) {
        reject(new TraceLensError('cancelled', 'the request was cancelled'));
        return;
      }

      let settled = false;
      let subscription: Subscription | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const finish = (action: () => void) => {
        if (settled) {
          return;
        }
        settled = true;
        clearTimeout(timer);
        request.signal?.removeEventListener('abort', onAbort);
        action();
      };
      // Unsubscribing is what cancels the XHR inside BackendSrv; rejecting tells the core why.
      const stop = (error: TraceLensError) => {
        subscription?.unsubscribe();
        finish(() => reject(error));
      };
      const onAbort = () => stop(new TraceLensError('cancelled', 'the request was cancelled'));
      request.signal?.addEventListener('abort', onAbort);

      const timeoutMs = request.timeoutMs ?? options.defaultTimeoutMs;
      if (timeoutMs !== undefined && timeoutMs > 0) {
        timer = setTimeout(
          () =>
            stop(new TraceLensError('timeout', `no answer from ${request.path} within ${formatSeconds(timeoutMs)}`)),
          timeoutMs
        );
      }

      subscription = fetchFn({
        url: `${base}${request.path}${encodeQuery(request.query)}`,
        method: request.method,
        headers: request.headers,
        data: request.body,
        // Bytes, decoded here: the decoding is the same work the browser does for text, and the
        // byte count the core meters comes free instead of from a second pass over the text.
        responseType: 'arraybuffer',
        showErrorAlert: false,
        showSuccessAlert: false,
        validatePath: true,
      }).subscribe({
        next: (response) => finish(() => resolve(toHttpResponse(response))),
        error: (err: unknown) => finish(() => settleError(err, request.path, resolve, reject)),
      });
    });
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

function toHttpResponse(response: FetchResponse<unknown>): HttpResponse {
  return {
    status: response.status,
    statusText: response.statusText ?? '',
    headers: headersToRecord(response.headers),
    ...body(response.data),
  };
}

function headersToRecord(headers: Headers | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  headers?.forEach((value, key) => {
    out[key.toLowerCase()] = value;
  });
  return out;
}

const UTF8 = new TextDecoder();

/** ArrayBuffer or a view of one; by tag, since a buffer from another realm fails `instanceof`. */
function isBytes(data: unknown): data is ArrayBuffer | ArrayBufferView {
  return ArrayBuffer.isView(data) || Object.prototype.toString.call(data) === '[object ArrayBuffer]';
}

/** The body as text, and its size in bytes when it came as bytes. */
function body(data: unknown): { body: string; bytes?: number } {
  if (isBytes(data)) {
    return { body: UTF8.decode(data), bytes: data.byteLength };
  }
  return { body: bodyText(data) };
}

function bodyText(data: unknown): string {
  if (typeof data === 'string') {
    return data;
  }
  if (isBytes(data)) {
    return UTF8.decode(data);
  }
  if (data === undefined || data === null) {
    return '';
  }
  // BackendSrv parses JSON error bodies even when text was asked for; give the core text back.
  try {
    return JSON.stringify(data);
  } catch {
    return String(data);
  }
}

/**
 * An HTTP status from the server is an answer (resolve, the core reports it with the server's
 * message); status 0 or none means the browser or the proxy never got one.
 */
function settleError(
  err: unknown,
  path: string,
  resolve: (r: HttpResponse) => void,
  reject: (e: unknown) => void
): void {
  if (isFetchError(err)) {
    if (err.cancelled) {
      reject(new TraceLensError('cancelled', 'the request was cancelled'));
      return;
    }
    if (err.status > 0) {
      resolve({
        status: err.status,
        statusText: err.statusText ?? '',
        headers: {},
        body: bodyText(err.data),
      });
      return;
    }
    const detail = err.message || err.statusText || 'no response';
    reject(new TraceLensError('unreachable', `could not reach the backend for ${path}: ${detail}`, { cause: err }));
    return;
  }
  const detail = err instanceof Error ? err.message : String(err);
  reject(new TraceLensError('unreachable', `could not reach the backend for ${path}: ${detail}`, { cause: err }));
}
