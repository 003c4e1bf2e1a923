import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { request as httpRequest } from 'node:http';
import { Observable } from 'rxjs';

import type { FetchFn } from '../transport/grafanaTransport';

/**
 * Test-only stand-in for Grafana's BackendSrv.fetch that makes real HTTP requests: the data proxy
 * path `/api/datasources/proxy/uid/<uid>` is replaced by `upstream` (a loopback server), the
 * answer is text, a non-2xx status errors with BackendSrv's FetchError shape, and unsubscribing
 * destroys the socket, as BackendSrv cancels its request.
 */
export function loopbackFetch(upstream: string): FetchFn {
  return (options: BackendSrvRequest) =>
    new Observable<FetchResponse<unknown>>((subscriber) => {
      const target = new URL(options.url.replace(/^\/api\/datasources\/proxy\/uid\/[^/]+/, ''), upstream);
      const req = httpRequest(
        target,
        { method: options.method ?? 'GET', headers: options.headers as Record<string, string> | undefined },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            const headers = new Headers();
            for (const [k, v] of Object.entries(res.headers)) {
              if (typeof v === 'string') {
                headers.set(k, v);
              }
            }
            const response = {
              data: body,
              status,
              statusText: res.statusMessage ?? '',
              ok: status >= 200 && status < 300,
              headers,
              redirected: false,
              type: 'basic' as const,
              url: options.url,
              config: options,
            };
            if (response.ok) {
              subscriber.next(response);
              subscriber.complete();
            } else {
              subscriber.error({ ...response, data: body });
            }
          });
        }
      );
      req.on('error', (e) => subscriber.error({ status: 0, statusText: e.message, data: undefined, config: options }));
      if (options.data !== undefined) {
        req.write(typeof options.data === 'string' ? options.data : JSON.stringify(options.data));
      }
      req.end();
      return () => req.destroy();
    });
}
