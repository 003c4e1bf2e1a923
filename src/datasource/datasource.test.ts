import { LoadingState, type DataSourceInstanceSettings } from '@grafana/data';
import type { BackendSrvRequest, FetchResponse, TemplateSrv } from '@grafana/runtime';
import { lastValueFrom, of, throwError, toArray, type Observable } from 'rxjs';

import { TraceLensError } from '../core/errors';
import { TraceLensDataSource } from './datasource';
import { rowLinkHref } from './frames/testing/rowLinkHref';
import { COMPLETE, fakeClient } from './test/fakeClient';
import { queryRequest } from './test/queryRequest';
import { TRACE_ID } from './test/fixtures';
import type { TraceLensClient } from './client/types';
import type { TraceLensOptions } from './types';

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getTemplateSrv: () => templateSrvWith({}),
  getDataSourceSrv: () => ({ getInstanceSettings: () => undefined }),
}));

function templateSrvWith(vars: Record<string, string | string[]>): TemplateSrv {
  const replace = (text = '', _scoped?: unknown, format?: unknown) =>
    text.replace(/\$\{?(\w+)\}?/g, (whole: string, name: string) => {
      if (!(name in vars)) {
        return whole;
      }
      return typeof format === 'function' ? (format as (v: unknown) => string)(vars[name]) : String(vars[name]);
    });
  return {
    getVariables: () => Object.keys(vars).map((name) => ({ name })),
    replace,
    containsTemplate: () => false,
    updateTimeRange: () => {},
  } as unknown as TemplateSrv;
}

const settings = (jsonData: TraceLensOptions = { backend: 'jaeger' }): DataSourceInstanceSettings<TraceLensOptions> =>
  ({
    id: 1,
    uid: 'tl-uid',
    name: 'TraceLens',
    type: 'tracelens-traceql-datasource',
    url: '/api/datasources/proxy/uid/tl-uid',
    jsonData,
    meta: {} as DataSourceInstanceSettings['meta'],
    access: 'proxy',
    readOnly: false,
  }) as DataSourceInstanceSettings<TraceLensOptions>;

function make(client = fakeClient(), vars: Record<string, string | string[]> = {}, json?: TraceLensOptions) {
  const ds = new TraceLensDataSource(settings(json), templateSrvWith(vars), {
    createClient: () => client,
    getLogsDatasource: (uid) => ({ uid, type: 'loki', name: 'Loki' }),
  });
  return { ds, client };
}

describe('TraceLensDataSource.query', () => {
  it('turns a failing backend into a DataQueryError for that target only', async () => {
    const client = fakeClient({
      search: jest
        .fn()
        .mockRejectedValue(new TraceLensError('http', 'Jaeger answered 500: storage unavailable', { status: 500 })),
    });
    const { ds } = make(client);
    const responses = await lastValueFrom(
      ds
        .query(
          queryRequest([
            { refId: 'A', query: '{}' },
            { refId: 'B', queryType: 'traceId', query: TRACE_ID },
          ])
        )
        .pipe(toArray())
    );
    const a = responses.find((r) => r.key === 'A');
    expect(a).toMatchObject({
      state: LoadingState.Error,
      data: [],
      error: { message: 'Jaeger answered 500: storage unavailable', refId: 'A', status: 500 },
    });
    expect(responses.find((r) => r.key === 'B')?.state).toBe(LoadingState.Done);
  });

  it('shows backend notices on the frame', async () => {
    const client = fakeClient({
      search: jest.fn().mockResolvedValue({
        response: { traces: [] },
        notices: [{ severity: 'warning', text: 'Scanned 200 traces (search depth); 12 matched.' }],
      }),
    });
    const r = await lastValueFrom(make(client).ds.query(queryRequest([{ refId: 'A', query: '{}' }])));
    expect(r.data[0].meta.notices).toEqual([
      { severity: 'warning', text: 'Scanned 200 traces (search depth); 12 matched.' },
    ]);
  });

  it('answers instant metrics queries at the range end', async () => {
    const client = fakeClient({
      metrics: jest.fn().mockResolvedValue({ series: [{ labels: [], value: 3 }], notices: [] }),
    });
    const { ds } = make(client);
    const r = await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'metrics', query: '{} | rate()', metricsQueryType: 'instant' }]))
    );
    expect(r.data[0].fields[0].values).toEqual([1_700_003_600_000]);
  });

  // Regression #19: the TraceQL tab answered "run it as a metrics query"; Grafana's Tempo runs it.
  it('runs a metrics query typed in the TraceQL tab as metrics, with its options', async () => {
    const client = fakeClient({
      metrics: jest.fn().mockResolvedValue({ series: [{ labels: [], value: 3 }], notices: [] }),
    });
    const { ds } = make(client);
    const r = await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'traceql', query: '{} | rate()', metricsQueryType: 'instant' }]))
    );
    expect(client.search).not.toHaveBeenCalled();
    expect(client.metrics.mock.calls[0][0]).toMatchObject({ query: '{} | rate()', instant: true });
    expect(r.data[0].fields[0].values).toEqual([1_700_003_600_000]);
  });

  it('still runs a search (and its syntax error) from the TraceQL tab when the text is not metrics', async () => {
    const { ds, client } = make();
    await lastValueFrom(ds.query(queryRequest([{ refId: 'A', queryType: 'traceql', query: '{ status = error } |' }])));
    expect(client.search.mock.calls[0][0]).toMatchObject({ query: '{ status = error } |' });
    expect(client.metrics).not.toHaveBeenCalled();
  });

  it('answers service graph queries with node graph frames', async () => {
    const { ds, client } = make();
    const r = await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'serviceGraph', serviceGraphDetail: 'peers' }]))
    );
    expect(client.serviceGraph.mock.calls[0][0]).toMatchObject({ detail: 'peers' });
    expect(r.data.map((f: { name: string }) => f.name)).toEqual(['nodes', 'edges']);
  });

  it('adds logs links from the configured trace-to-logs data source', async () => {
    const { ds } = make(fakeClient(), {}, { backend: 'jaeger', tracesToLogsV2: { datasourceUid: 'loki-uid' } });
    const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', query: '{}' }])));
    const links = r.data[0].fields[0].config.links;
    expect(links[1]).toMatchObject({ title: 'Logs for this trace' });
    const url = rowLinkHref(r.data[0], r.data[0].fields[0], links[1], 0);
    expect(url).toContain(encodeURIComponent('"datasource":"loki-uid"'));
  });
});

describe('TraceLensDataSource variables and health', () => {
  it('finds services, operations, attributes and values for template variables', async () => {
    const { ds } = make(fakeClient(), { service: 'api-gateway' });
    expect(await ds.metricFindQuery('services')).toEqual([
      { text: 'api-gateway', value: 'api-gateway' },
      { text: 'frontend', value: 'frontend' },
    ]);
    expect(await ds.metricFindQuery('operations($service)')).toEqual([{ text: 'GET /users', value: 'GET /users' }]);
    expect((await ds.metricFindQuery('attributes')).map((v) => v.text)).toEqual([
      'duration',
      'resource.service.name',
      'span.http.route',
      'status',
    ]);
    expect((await ds.metricFindQuery('attributes(span)')).map((v) => v.text)).toEqual(['span.http.route']);
    await expect(ds.metricFindQuery('nonsense')).rejects.toThrow('is not a variable query');
  });

  it('offers attribute names and values for ad-hoc filters', async () => {
    const { ds } = make();
    expect((await ds.getTagKeys()).map((v) => v.text)).toContain('resource.service.name');
    expect(await ds.getTagValues({ key: 'resource.service.name' })).toHaveLength(2);
  });

  it('reports the detected backend or what is wrong', async () => {
    expect(await make().ds.testDatasource()).toEqual({
      status: 'success',
      message: 'Connected to Jaeger using the api_v3 HTTP API.',
      details: { message: 'Jaeger api_v3, 5 services' },
    });
    const failing = fakeClient({
      detect: jest.fn().mockRejectedValue(new TraceLensError('unreachable', 'connection refused')),
    });
    expect(await make(failing).ds.testDatasource()).toMatchObject({
      status: 'error',
      message: expect.stringContaining('Could not reach Jaeger: connection refused'),
    });
  });
});

describe('TraceLensDataSource sampling and latency', () => {
  it('answers sampling queries with the shared sampling table and its notices', async () => {
    const client = fakeClient({
      sampling: jest.fn().mockResolvedValue({
        rows: [],
        notices: [{ severity: 'warning', text: 'Could not read the sampling strategy of api: HTTP 500' }],
        sources: ["Jaeger's remote-sampling endpoint"],
        completeness: COMPLETE,
      }),
    });
    const { ds } = make(client);
    const r = await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'sampling', samplingByOperation: true }]))
    );
    expect(client.sampling.mock.calls[0][0]).toMatchObject({ query: '{}', byOperation: true });
    expect(r.data[0].name).toBe('tracelens-sampling');
    expect(r.data[0].meta.notices[0].text).toContain('sampling strategy of api');
  });

  it('answers latency queries with the shared latency-samples frame', async () => {
    const { ds, client } = make();
    const r = await lastValueFrom(
      ds.query(
        queryRequest([{ refId: 'A', queryType: 'latency', query: '{ kind = server }', latencyDuration: 'trace' }])
      )
    );
    expect(client.latency.mock.calls[0][0]).toMatchObject({ query: '{ kind = server }', durationKind: 'trace' });
    expect(r.data[0].name).toBe('tracelens-latency-samples');
  });
});

describe('TraceLensDataSource service graph for Tempo', () => {
  it('reads the Prometheus service-graph metrics when configured and the query has no filter', async () => {
    const prom = { query: jest.fn(() => Promise.resolve({ data: [] })) };
    const client = fakeClient();
    const ds = new TraceLensDataSource(
      settings({ backend: 'tempo', serviceMapDatasourceUid: 'prom' }),
      templateSrvWith({}),
      { createClient: () => client, getDataSource: async () => prom as never }
    );
    const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', queryType: 'serviceGraph' }])));
    expect(prom.query).toHaveBeenCalled();
    expect(client.serviceGraph).not.toHaveBeenCalled();
    expect(r.data[0].meta.notices[0].text).toContain('Prometheus');
    await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'serviceGraph', query: '{ status = error }' }]))
    );
    expect(client.serviceGraph).toHaveBeenCalled();
  });
});

describe('TraceLensDataSource: complete numbers (#17)', () => {
  const partial = (scanned: number) => ({
    ...COMPLETE,
    complete: false,
    tracesScanned: scanned,
    tracesAtLeast: scanned,
  });
  const graphOf = (requests: number) => ({
    nodes: [],
    edges: [
      {
        id: 'a->b',
        source: 'a',
        target: 'b',
        requests,
        errors: 0,
        requestRate: null,
        errorRate: 0,
        p50Ms: null,
        p95Ms: null,
        p99Ms: null,
        avgMs: null,
      },
    ],
    windowSeconds: 3600,
    source: 'traces' as const,
  });

  afterEach(() => jest.useRealTimers());

  it('streams partial graphs while the window is read, then the whole one as Done', async () => {
    jest.useFakeTimers({ now: 1_700_000_000_000 });
    const serviceGraph = jest.fn(async (_req: unknown, opts: { onProgress: (p: unknown) => void }) => {
      opts.onProgress({ graph: graphOf(100), notices: [], completeness: partial(100) });
      // Within the throttle interval: dropped.
      opts.onProgress({ graph: graphOf(150), notices: [], completeness: partial(150) });
      jest.setSystemTime(1_700_000_001_000);
      opts.onProgress({ graph: graphOf(200), notices: [], completeness: partial(200) });
      return {
        graph: graphOf(300),
        notices: [{ severity: 'info', text: 'Complete: every trace' }],
        completeness: { ...COMPLETE, tracesScanned: 300 },
      };
    });
    const { ds } = make(fakeClient({ serviceGraph }));
    const all = await lastValueFrom(
      ds.query(queryRequest([{ refId: 'A', queryType: 'serviceGraph' }])).pipe(toArray())
    );
    expect(all.map((r) => r.state)).toEqual([LoadingState.Streaming, LoadingState.Streaming, LoadingState.Done]);
    expect(all.map((r) => r.key)).toEqual(['A', 'A', 'A']);
    const requests = all.map((r) => r.data[1].fields.find((f: { name: string }) => f.name === 'requests').values[0]);
    expect(requests).toEqual([100, 200, 300]);
    const meta = all.map((r) => r.data[0].meta.custom.tracelensCompleteness);
    expect(meta[0]).toMatchObject({
      complete: false,
      inProgress: true,
      badge: 'reading the window: 100 traces so far',
    });
    expect(meta[2]).toMatchObject({ complete: true, inProgress: false, tracesScanned: 300 });
    expect(meta[2].badge).toBeUndefined();
  });

  it('marks an incomplete result with a lower-bound badge and notice', async () => {
    const incomplete = {
      ...COMPLETE,
      complete: false,
      tracesScanned: 20_000,
      tracesAtLeast: 20_153,
      why: { reason: 'budget' as const, message: 'the budget of 20,000 traces was reached' },
    };
    const sampling = jest.fn().mockResolvedValue({
      rows: [],
      notices: [{ severity: 'warning', text: 'Counts are lower bounds: 20,000 traces read' }],
      sources: [],
      completeness: incomplete,
    });
    const { ds } = make(fakeClient({ sampling }));
    const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', queryType: 'sampling' }])));
    expect(r.data[0].meta.custom.tracelensCompleteness).toMatchObject({
      complete: false,
      badge: 'lower bound: 20,000 of ≥ 20,153 traces, budget reached',
    });
    expect(r.data[0].meta.notices[0].text).toMatch(/lower bounds/);
  });

  it('passes the trace budget from the settings to the client', () => {
    const created: unknown[] = [];
    new TraceLensDataSource(settings({ backend: 'jaeger', maxTraces: 1234 }), templateSrvWith({}), {
      createClient: (config) => {
        created.push(config);
        return fakeClient() as unknown as TraceLensClient;
      },
    });
    expect(created[0]).toMatchObject({ maxTraces: 1234 });
  });

  it('aborts the scan when the panel unsubscribes', async () => {
    let seen: AbortSignal | undefined;
    const latency = jest.fn((_req: unknown, opts: { signal: AbortSignal }) => {
      seen = opts.signal;
      return new Promise(() => {});
    });
    const { ds } = make(fakeClient({ latency }));
    const sub = ds.query(queryRequest([{ refId: 'A', queryType: 'latency' }])).subscribe();
    await Promise.resolve();
    sub.unsubscribe();
    expect(seen?.aborted).toBe(true);
  });
});

// Regression #19: the Tempo data source provisioned without a URL reported "Tempo rejected the
// request (HTTP 400) … buildinfo", as if Tempo were broken.
describe('TraceLensDataSource without a URL', () => {
  /** Grafana's data source API answering with saved settings, or failing as it does for a Viewer. */
  function settingsApi(answer: { url?: string | null } | 'forbidden') {
    const requests: string[] = [];
    const fetch = (options: BackendSrvRequest): Observable<FetchResponse<unknown>> => {
      requests.push(`${options.method} ${options.url}`);
      return answer === 'forbidden'
        ? throwError(() => ({ status: 403, data: { message: 'Permissions needed: datasources:read' } }))
        : of({ data: answer } as FetchResponse<unknown>);
    };
    return { fetch, requests };
  }
  const proxyRefusal = () =>
    new TraceLensError('http', 'Tempo /api/status/buildinfo answered 400 Bad Request', { status: 400 });
  const tempo = (client: TraceLensClient, fetch: ReturnType<typeof settingsApi>['fetch']) =>
    new TraceLensDataSource(settings({ backend: 'tempo' }), templateSrvWith({}), { createClient: () => client, fetch });

  it('says so in the health check, after asking Grafana for the saved settings', async () => {
    const api = settingsApi({ url: '' });
    const ds = tempo(fakeClient({ detect: jest.fn().mockRejectedValue(proxyRefusal()) }), api.fetch);
    expect(await ds.testDatasource()).toEqual({
      status: 'error',
      message:
        'No URL configured: TraceLens cannot reach Tempo until the URL points at its query API, for example http://localhost:3200.',
    });
    expect(api.requests).toEqual(['GET /api/datasources/uid/tl-uid']);
  });

  it('says so for every query that fails through the proxy', async () => {
    const api = settingsApi({ url: '   ' });
    const ds = tempo(fakeClient({ search: jest.fn().mockRejectedValue(proxyRefusal()) }), api.fetch);
    const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', query: '{}' }])));
    expect(r.state).toBe(LoadingState.Error);
    expect(r.error?.message).toMatch(/^No URL configured: TraceLens cannot reach Tempo/);
  });

  it('keeps the backend error when a URL is set or the settings cannot be read', async () => {
    for (const answer of [{ url: 'http://tempo:3200' }, 'forbidden'] as const) {
      const api = settingsApi(answer);
      const ds = tempo(fakeClient({ detect: jest.fn().mockRejectedValue(proxyRefusal()) }), api.fetch);
      expect((await ds.testDatasource()).message).toContain('Tempo rejected the request (HTTP 400)');
    }
  });

  it('does not ask Grafana about failures a URL cannot cause', async () => {
    const api = settingsApi({ url: '' });
    const parse = new TraceLensError('parse', 'line 1, column 3: unexpected end of query');
    const ds = tempo(fakeClient({ search: jest.fn().mockRejectedValue(parse) }), api.fetch);
    const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', query: '{' }])));
    expect(r.error?.message).toBe(parse.message);
    expect(api.requests).toEqual([]);
  });
});
