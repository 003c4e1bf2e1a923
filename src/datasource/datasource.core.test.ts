import { LoadingState, type DataSourceInstanceSettings } from '@grafana/data';
import type { BackendSrvRequest, FetchResponse, TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, Observable, of, throwError } from 'rxjs';

import { TraceLensDataSource } from './datasource';
import { queryRequest } from './test/queryRequest';
import type { FetchFn } from './transport/grafanaTransport';
import type { TraceLensOptions } from './types';

/**
 * The data source over the real core (planner, Tempo client, decoders) with only Grafana's
 * BackendSrv faked, so URL building, the proxy path, error messages and cancellation are the
 * product's own.
 */

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({ getInstanceSettings: () => undefined }),
}));

const TRACE_ID = '2f3e0cee77ae5dc9c17ade3689eb2e54';
const PROXY = '/api/datasources/proxy/uid/tempo-uid';

const SEARCH = {
  traces: [
    {
      traceID: TRACE_ID,
      rootServiceName: 'shop-backend',
      rootTraceName: 'update-billing',
      startTimeUnixNano: '1700000100000000000',
      durationMs: 557,
      spanSets: [
        {
          spans: [
            {
              spanID: '563d623c76514f8e',
              startTimeUnixNano: '1700000100000000000',
              durationNanos: '446979497',
              attributes: [],
            },
          ],
          matched: 1,
        },
      ],
    },
  ],
  metrics: { inspectedTraces: 3100, inspectedBytes: '3811736' },
};

function response(status: number, body: unknown): FetchResponse<unknown> {
  return {
    data: typeof body === 'string' ? body : JSON.stringify(body),
    status,
    statusText: status === 200 ? 'OK' : 'Error',
    ok: status < 300,
    headers: new Headers(),
    redirected: false,
    type: 'basic',
    url: '',
    config: { url: '' },
  };
}

function fakeTempo(routes: Record<string, (url: URL) => Observable<FetchResponse<unknown>>>) {
  const seen: string[] = [];
  const fetch: FetchFn = (o: BackendSrvRequest) => {
    seen.push(o.url);
    const url = new URL(o.url, 'http://grafana');
    const path = url.pathname.slice(PROXY.length);
    const route = Object.keys(routes).find((p) => path === p || path.startsWith(`${p}/`));
    return route ? routes[route](url) : throwError(() => ({ status: 404, data: '404 page not found', config: o }));
  };
  return { fetch, seen };
}

const templateSrv = { getVariables: () => [], replace: (t: string) => t } as unknown as TemplateSrv;

function make(fetch: FetchFn) {
  const settings = {
    id: 2,
    uid: 'tempo-uid',
    name: 'TraceLens (Tempo)',
    type: 'tracelens-traceql-datasource',
    url: PROXY,
    jsonData: { backend: 'tempo', timeoutSeconds: 5 },
    meta: {},
    access: 'proxy',
    readOnly: false,
  } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
  return new TraceLensDataSource(settings, templateSrv, { fetch });
}

const buildinfo = () => of(response(200, { version: '2.8.1', revision: 'abc' }));

describe('TraceLensDataSource over the core, against a fake Tempo behind the proxy', () => {
  it('answers a TraceQL search with the Traces table, through the data proxy URL', async () => {
    const { fetch, seen } = fakeTempo({
      '/api/status/buildinfo': buildinfo,
      '/api/search': () => of(response(200, SEARCH)),
    });
    const r = await lastValueFrom(
      make(fetch).query(queryRequest([{ refId: 'A', query: '{ status = error }', limit: 5 }]))
    );
    expect(r.state).toBe(LoadingState.Done);
    expect(r.data[0].name).toBe('Traces');
    expect(r.data[0].fields[0].values).toEqual([TRACE_ID]);
    const searchUrl = seen.find((u) => u.includes('/api/search'));
    expect(searchUrl).toContain(`${PROXY}/api/search?`);
    expect(searchUrl).toContain('q=%7B%20status%20%3D%20error%20%7D');
    expect(searchUrl).toContain('limit=5');
  });

  it("shows Tempo's own message when it rejects a query", async () => {
    const { fetch } = fakeTempo({
      '/api/status/buildinfo': buildinfo,
      '/api/search': () =>
        throwError(() => ({ status: 400, data: 'invalid TraceQL query: unknown attribute scope', config: {} })),
    });
    const r = await lastValueFrom(make(fetch).query(queryRequest([{ refId: 'A', query: '{ span.a = 1 }' }])));
    expect(r.state).toBe(LoadingState.Error);
    expect(r.error?.message).toContain('invalid TraceQL query: unknown attribute scope');
  });

  it('reports a parse error with its position without calling the backend', async () => {
    const { fetch, seen } = fakeTempo({ '/api/status/buildinfo': buildinfo });
    const r = await lastValueFrom(make(fetch).query(queryRequest([{ refId: 'A', query: '{ span.a = }' }])));
    expect(r.state).toBe(LoadingState.Error);
    expect(r.error?.message).toMatch(/line 1|column/);
    expect(seen.some((u) => u.includes('/api/search'))).toBe(false);
  });

  it('cancels the in-flight HTTP request when the query is unsubscribed', async () => {
    let unsubscribed = false;
    let started: () => void = () => {};
    const startedP = new Promise<void>((resolve) => (started = resolve));
    const { fetch } = fakeTempo({
      '/api/status/buildinfo': buildinfo,
      '/api/search': () =>
        new Observable(() => {
          started();
          return () => {
            unsubscribed = true;
          };
        }),
    });
    const sub = make(fetch)
      .query(queryRequest([{ refId: 'A', query: '{}' }]))
      .subscribe();
    await startedP;
    sub.unsubscribe();
    expect(unsubscribed).toBe(true);
  });

  it('health check names the server and version, or what is wrong', async () => {
    expect(await make(fakeTempo({ '/api/status/buildinfo': buildinfo }).fetch).testDatasource()).toMatchObject({
      status: 'success',
      message: 'Connected to Tempo 2.8.1 using the v2 API.',
    });
    const down = fakeTempo({
      '/api/status/buildinfo': () =>
        throwError(() => ({ status: 0, data: undefined, message: 'Network Error', config: {} })),
    });
    const r = await make(down.fetch).testDatasource();
    expect(r.status).toBe('error');
    expect(r.message).toContain('Could not reach Tempo');
    const notTempo = fakeTempo({ '/api/status/buildinfo': () => of(response(200, '<html>hello</html>')) });
    const r2 = await make(notTempo.fetch).testDatasource();
    expect(r2.status).toBe('error');
    expect(r2.message).toContain('not like Tempo');
  });
});

describe('TraceLensDataSource over the core, against a fake Jaeger behind the proxy', () => {
  function makeJaeger(fetch: FetchFn) {
    const settings = {
      id: 3,
      uid: 'jaeger-uid',
      name: 'TraceLens (Jaeger)',
      type: 'tracelens-traceql-datasource',
      url: PROXY,
      jsonData: { backend: 'jaeger', timeoutSeconds: 5 },
      meta: {},
      access: 'proxy',
      readOnly: false,
    } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
    return new TraceLensDataSource(settings, templateSrv, { fetch });
  }

  it('reports api_v3 and what the server said', async () => {
    const { fetch } = fakeTempo({
      '/api/v3/services': () => of(response(200, { services: ['frontend', 'api-gateway'] })),
    });
    expect(await makeJaeger(fetch).testDatasource()).toEqual({
      status: 'success',
      message: 'Connected to Jaeger using the api_v3 HTTP API.',
      details: { message: expect.stringContaining('2 services') },
    });
  });

  it('falls back to the v1 API and says so', async () => {
    const { fetch } = fakeTempo({ '/api/services': () => of(response(200, { data: ['frontend'] })) });
    const r = await makeJaeger(fetch).testDatasource();
    expect(r.status).toBe('success');
    expect(r.message).toContain('v1 JSON API');
  });

  it('says when the credentials are refused', async () => {
    const { fetch } = fakeTempo({
      '/api/v3/services': () => throwError(() => ({ status: 401, data: 'Unauthorized', config: {} })),
    });
    const r = await makeJaeger(fetch).testDatasource();
    expect(r).toMatchObject({
      status: 'error',
      message: expect.stringContaining('refused the credentials (HTTP 401)'),
    });
  });

  it('says when the URL is not a Jaeger', async () => {
    const { fetch } = fakeTempo({});
    const r = await makeJaeger(fetch).testDatasource();
    expect(r).toMatchObject({ status: 'error', message: expect.stringContaining('not Jaeger') });
  });

  it('lists services for a template variable', async () => {
    const { fetch } = fakeTempo({
      '/api/v3/services': () => of(response(200, { services: ['frontend', 'api-gateway'] })),
    });
    expect((await makeJaeger(fetch).metricFindQuery('services')).map((v) => v.text)).toEqual([
      'api-gateway',
      'frontend',
    ]);
  });
});

describe('TraceLensDataSource with settings this build cannot use', () => {
  it('still loads, and the health check and every query say what is wrong', async () => {
    const settings = {
      id: 4,
      uid: 'future-uid',
      name: 'TraceLens (newer backend)',
      type: 'tracelens-traceql-datasource',
      url: PROXY,
      jsonData: { backend: 'nosuch', timeoutSeconds: 5 },
      meta: {},
      access: 'proxy',
      readOnly: false,
    } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
    const { fetch } = fakeTempo({});
    const ds = new TraceLensDataSource(settings, templateSrv, { fetch });
    const health = await ds.testDatasource();
    expect(health.status).toBe('error');
    expect(health.message).toContain('unknown backend kind "nosuch"');
    expect(health.message).toContain('jaeger');
    await expect(ds.metricFindQuery('services')).rejects.toThrow(/unknown backend kind/);
  });
});
