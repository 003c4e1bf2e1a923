import { BackendSrv, BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { Observable, lastValueFrom } from 'rxjs';

type Params = Record<string, unknown>;

function serializeParams(params: Params | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== null) {
        search.append(key, String(item));
      }
    }
  }
  return search.toString();
}

/** Grafana treats 'api/...' as relative to its app URL; the sandbox is served at the root. */
function resolveUrl(url: string, params: Params | undefined): string {
  const absolute = /^(https?:)?\/\//.test(url) || url.startsWith('/') ? url : `/${url}`;
  const query = serializeParams(params);
  return query ? `${absolute}${absolute.includes('?') ? '&' : '?'}${query}` : absolute;
}

async function readBody(response: Response, responseType: BackendSrvRequest['responseType']): Promise<unknown> {
  if (responseType === 'blob') {
    return response.blob();
  }
  if (responseType === 'arraybuffer') {
    return response.arrayBuffer();
  }
  const text = await response.text();
  if (responseType === 'text') {
    return text;
  }
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}

/** Grafana wraps a non-JSON error body so `err.data.message` is always readable. */
function errorData(data: unknown, statusText: string): unknown {
  if (typeof data === 'string') {
    return { error: statusText, response: data, message: data };
  }
  return data ?? { message: statusText };
}

/**
 * A fetch-based BackendSrv: `fetch` returns a cold Observable that aborts the HTTP request when
 * unsubscribed and fails with Grafana's FetchError shape, so plugins see the same cancellation and
 * error semantics as in Grafana.
 */
export class SandboxBackendSrv implements BackendSrv {
  private readonly inFlight = new Map<string, () => void>();

  fetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
    return new Observable<FetchResponse<T>>((subscriber) => {
      const controller = new AbortController();
      const config = options;
      const cancelled = (): FetchError => ({
        status: -1,
        statusText: 'Request was aborted',
        data: { message: 'Request was aborted' },
        cancelled: true,
        config,
      });
      const onCallerAbort = (): void => controller.abort();
      options.abortSignal?.addEventListener('abort', onCallerAbort);
      // A new request with the same requestId cancels the previous one, as in Grafana.
      if (options.requestId) {
        this.inFlight.get(options.requestId)?.();
        this.inFlight.set(options.requestId, () => {
          subscriber.error(cancelled());
          controller.abort();
        });
      }
      const headers: Record<string, string> = {
        accept: 'application/json, text/plain, */*',
        ...(options.headers ?? {}),
      };
      let body: BodyInit | undefined;
      if (options.data !== undefined && options.data !== null) {
        const isRaw =
          typeof options.data === 'string' || options.data instanceof Blob || options.data instanceof FormData;
        body = isRaw ? (options.data as BodyInit) : JSON.stringify(options.data);
        if (!isRaw && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
          headers['content-type'] = 'application/json';
        }
      }
      const url = resolveUrl(options.url, options.params);
      fetch(url, {
        method: (options.method ?? 'GET').toUpperCase(),
        headers,
        body,
        signal: controller.signal,
        credentials: options.credentials ?? (options.withCredentials ? 'include' : 'same-origin'),
      })
        .then(async (response) => {
          const data = await readBody(response, options.responseType);
          if (response.ok) {
            subscriber.next({
              data: data as T,
              status: response.status,
              statusText: response.statusText,
              ok: true,
              headers: response.headers,
              redirected: response.redirected,
              type: response.type,
              url: response.url,
              config,
            });
            subscriber.complete();
          } else {
            const error: FetchError = {
              status: response.status,
              statusText: response.statusText,
              data: errorData(data, response.statusText),
              config,
            };
            subscriber.error(error);
          }
        })
        .catch((reason: unknown) => {
          if (controller.signal.aborted) {
            subscriber.error(cancelled());
            return;
          }
          const message = reason instanceof Error ? reason.message : String(reason);
          const error: FetchError = { status: 0, statusText: 'Network error', data: { message }, config };
          subscriber.error(error);
        });
      return () => {
        options.abortSignal?.removeEventListener('abort', onCallerAbort);
        if (options.requestId) {
          this.inFlight.delete(options.requestId);
        }
        controller.abort();
      };
    });
  }

  async request<T>(options: BackendSrvRequest): Promise<T> {
    return (await lastValueFrom(this.fetch<T>(options))).data;
  }

  datasourceRequest<T>(options: BackendSrvRequest): Promise<FetchResponse<T>> {
    return lastValueFrom(this.fetch<T>(options));
  }

  chunked(options: BackendSrvRequest): Observable<FetchResponse<Uint8Array | undefined>> {
    return this.fetch<Uint8Array | undefined>({ ...options, responseType: 'arraybuffer' });
  }

  get<T>(url: string, params?: Params, requestId?: string, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, params, requestId, method: 'GET' });
  }

  delete<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'DELETE' });
  }

  post<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'POST' });
  }

  patch<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PATCH' });
  }

  put<T>(url: string, data?: unknown, options?: Partial<BackendSrvRequest>): Promise<T> {
    return this.request<T>({ ...options, url, data, method: 'PUT' });
  }
}
