import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, of, throwError } from 'rxjs';

import { TraceLensError } from '../../core/errors';
import { assertSafePath, createGrafanaTransport, type FetchFn } from './grafanaTransport';

/** As BackendSrv answers with responseType 'arraybuffer'. */
function okResponse(body: string, status = 200): FetchResponse<unknown> {
  return {
    data: new TextEncoder().encode(body).buffer,
    status,
    statusText: 'OK',
    ok: true,
    headers: new Headers({ 'Content-Type': 'application/json' }),
    redirected: false,
    type: 'basic',
    url: '',
    config: { url: '' },
  };
}

describe('createGrafanaTransport', () => {
  it('requests the proxy URL with the encoded query, as bytes, without Grafana alerts', async () => {
    const seen: BackendSrvRequest[] = [];
    const fetch: FetchFn = (o) => {
      seen.push(o);
      return of(okResponse('{"traces":["é"]}'));
    };
    const transport = createGrafanaTransport({ baseUrl: '/api/datasources/proxy/uid/abc/', fetch });
    const res = await transport({
      method: 'GET',
      path: '/api/search',
      query: { q: '{ span.a = "x y" && .b + 1 > 2 }', limit: '20', skip: undefined, tags: ['a', 'b'] },
    });
    expect(res).toEqual({
      status: 200,
      statusText: 'OK',
      headers: { 'content-type': 'application/json' },
      body: '{"traces":["é"]}',
      // The UTF-8 size, from the bytes received: the core's meter need not scan the text.
      bytes: 17,
    });
    expect(seen[0].url).toBe(
      '/api/datasources/proxy/uid/abc/api/search?q=%7B%20span.a%20%3D%20%22x%20y%22%20%26%26%20.b%20%2B%201%20%3E%202%20%7D&limit=20&tags=a&tags=b'
    );
    expect(seen[0]).toMatchObject({
      method: 'GET',
      responseType: 'arraybuffer',
      showErrorAlert: false,
      validatePath: true,
    });
  });

  it('resolves HTTP errors with the status and the server body so the core can report the message', async () => {
    const fetch: FetchFn = () =>
      throwError(() => ({
        status: 400,
        statusText: 'Bad Request',
        data: 'invalid TraceQL query: parse error at line 1',
        config: {},
      }));
    const res = await createGrafanaTransport({ baseUrl: '/p', fetch })({ method: 'GET', path: '/api/search' });
    expect(res.status).toBe(400);
    expect(res.body).toBe('invalid TraceQL query: parse error at line 1');
  });

  it('decodes an error body that came as bytes', async () => {
    const fetch: FetchFn = () =>
      throwError(() => ({ status: 404, data: new TextEncoder().encode('trace not found').buffer, config: {} }));
    const res = await createGrafanaTransport({ baseUrl: '/p', fetch })({ method: 'GET', path: '/api/traces/ab' });
    expect(res).toMatchObject({ status: 404, body: 'trace not found' });
  });

  it('turns a parsed JSON error body back into text', async () => {
    const fetch: FetchFn = () => throwError(() => ({ status: 502, data: { message: 'Bad Gateway' }, config: {} }));
    const res = await createGrafanaTransport({ baseUrl: '/p', fetch })({ method: 'GET', path: '/api/v3/services' });
    expect(res.status).toBe(502);
    expect(JSON.parse(res.body)).toEqual({ message: 'Bad Gateway' });
  });

  it('rejects with kind unreachable when no HTTP answer came', async () => {
    const fetch: FetchFn = () =>
      throwError(() => ({ status: 0, data: undefined, message: 'Network Error', config: {} }));
    const p = createGrafanaTransport({ baseUrl: '/p', fetch })({ method: 'GET', path: '/api/v3/services' });
    await expect(p).rejects.toMatchObject({ kind: 'unreachable', message: expect.stringContaining('Network Error') });
  });

  it('aborting the signal unsubscribes from fetch and rejects with kind cancelled', async () => {
    let unsubscribed = false;
    const fetch: FetchFn = () =>
      new Observable(() => () => {
        unsubscribed = true;
      });
    const controller = new AbortController();
    const p = createGrafanaTransport({ baseUrl: '/p', fetch })({
      method: 'GET',
      path: '/api/search',
      signal: controller.signal,
    });
    controller.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    expect(unsubscribed).toBe(true);
  });

  it('does not start a request whose signal is already aborted', async () => {
    const fetch = jest.fn<ReturnType<FetchFn>, Parameters<FetchFn>>(() => of(okResponse('')));
    const controller = new AbortController();
    controller.abort();
    const p = createGrafanaTransport({ baseUrl: '/p', fetch })({
      method: 'GET',
      path: '/api/search',
      signal: controller.signal,
    });
    await expect(p).rejects.toBeInstanceOf(TraceLensError);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('times out with kind timeout and unsubscribes', async () => {
    jest.useFakeTimers();
    try {
      let unsubscribed = false;
      const fetch: FetchFn = () =>
        new Observable(() => () => {
          unsubscribed = true;
        });
      const p = createGrafanaTransport({ baseUrl: '/p', fetch, defaultTimeoutMs: 5000 })({
        method: 'GET',
        path: '/api/search',
      });
      jest.advanceTimersByTime(5000);
      await expect(p).rejects.toMatchObject({ kind: 'timeout', message: expect.stringContaining('5s') });
      expect(unsubscribed).toBe(true);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses traversal paths before any request', async () => {
    const fetch = jest.fn<ReturnType<FetchFn>, Parameters<FetchFn>>(() => of(okResponse('')));
    const p = createGrafanaTransport({ baseUrl: '/p', fetch })({ method: 'GET', path: '/api/traces/../../admin' });
    await expect(p).rejects.toMatchObject({ kind: 'forbidden-path' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('assertSafePath', () => {
  it.each([
    '/api/v3/traces/abc',
    '/api/services/my%20svc/operations',
    '/api/v2/search/tag/resource.service.name/values',
  ])('accepts %s', (p) => expect(() => assertSafePath(p)).not.toThrow());
  it.each(['api/search', '/api/../x', '/a/%2E%2E/b', '/api/search?x=1', '/api/search#f', '//evil.example/x/..'])(
    'rejects %s',
    (p) => expect(() => assertSafePath(p)).toThrow(TraceLensError)
  );
});
