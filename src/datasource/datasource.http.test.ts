import { LoadingState, type DataSourceInstanceSettings } from '@grafana/data';
import type { TemplateSrv } from '@grafana/runtime';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setImmediate } from 'node:timers';
import { lastValueFrom, toArray } from 'rxjs';

import { fakeJaegerSearchRoutes } from '../core/backends/testing/fakeJaegerSearch';
import {
  startFakeServer,
  type FakeRequest,
  type FakeRoute,
  type FakeServer,
} from '../core/backends/testing/fakeServer';
import { tracesOverTime } from '../core/engine/testing/tracesOverTime';
import { TraceLensDataSource } from './datasource';
import { fakeClient } from './test/fakeClient';
import { queryRequest } from './test/queryRequest';
import { loopbackFetch } from './test/loopbackFetch';
import type { TraceLensOptions } from './types';

/**
 * The data source with its real client, planner and transport, over real HTTP to a loopback Tempo
 * that replays the fixtures in tests/fixtures/tempo: what these tests check is what reached the
 * server and what came back, not what a mock was called with.
 */

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getDataSourceSrv: () => ({ getInstanceSettings: () => undefined }),
}));

const FIXTURES = join(__dirname, '../../tests/fixtures');
const fixture = (path: string): unknown => JSON.parse(readFileSync(join(FIXTURES, path), 'utf8'));
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

let tempo: FakeServer;

beforeEach(async () => {
  tempo = await startFakeServer({
    '/api/status/buildinfo': { body: fixture('tempo/buildinfo-2.9.json') },
    '/api/search': { body: fixture('tempo/search.json') },
    [`/api/v2/traces/${TRACE_ID}`]: { body: fixture('tempo/trace-v2.json') },
    '/api/metrics/query_range': { body: fixture('tempo/query-range.json') },
    '/api/v2/search/tag/resource.service.name/values': { body: fixture('tempo/tag-values-v2.json') },
  });
});

afterEach(() => tempo.close());

function templateSrvWith(vars: Record<string, string>): TemplateSrv {
  return {
    getVariables: () => Object.keys(vars).map((name) => ({ name })),
    replace: (text = '', _scoped?: unknown, format?: unknown) =>
      text.replace(/\$\{?(\w+)\}?/g, (whole: string, name: string) =>
        name in vars ? (typeof format === 'function' ? String(format(vars[name])) : vars[name]) : whole
      ),
    containsTemplate: () => false,
    updateTimeRange: () => {},
  } as unknown as TemplateSrv;
}

function make(vars: Record<string, string> = {}): TraceLensDataSource {
  const settings = {
    id: 3,
    uid: 'tempo-http',
    name: 'TraceLens (Tempo)',
    type: 'tracelens-traceql-datasource',
    url: '/api/datasources/proxy/uid/tempo-http',
    jsonData: { backend: 'tempo', timeoutSeconds: 10 },
    meta: {},
    access: 'proxy',
    readOnly: false,
  } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
  return new TraceLensDataSource(settings, templateSrvWith(vars), { fetch: loopbackFetch(tempo.url) });
}

const received = (path: string): FakeRequest[] => tempo.requests.filter((r) => r.path === path);

describe('TraceLensDataSource over HTTP to a loopback Tempo', () => {
  it('sends each target to its endpoint with the query, limits and window, and answers each', async () => {
    const responses = await lastValueFrom(
      make()
        .query(
          queryRequest([
            { refId: 'A', queryType: 'traceql', query: '{ status = error }', limit: 5, spss: 2 },
            { refId: 'B', queryType: 'traceId', query: TRACE_ID },
            { refId: 'C', queryType: 'traceql', query: '{}', hide: true },
          ])
        )
        .pipe(toArray())
    );
    const [search] = received('/api/search');
    expect(Object.fromEntries(search.query)).toEqual({
      q: '{ status = error }',
      limit: '5',
      spss: '2',
      start: '1700000000',
      end: '1700003600',
    });
    expect(received(`/api/v2/traces/${TRACE_ID}`)).toHaveLength(1);
    // The hidden target never reaches the server.
    expect(received('/api/search')).toHaveLength(1);
    const byKey = Object.fromEntries(responses.map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(['A', 'B']);
    expect(byKey.A.data[0].name).toBe('Traces');
    expect(byKey.A.data[0].fields[0].values).toContain(TRACE_ID);
    expect(byKey.B.data[0].meta.preferredVisualisationType).toBe('trace');
    expect(byKey.B.state).toBe(LoadingState.Done);
  });

  // Regression #19: opening the Trace ID tab ran the empty query and showed "Query error: Enter a
  // trace ID" before anything was typed; Grafana's Tempo answers an empty id with nothing.
  it('sends nothing and reports no error for an empty trace id', async () => {
    const r = await lastValueFrom(make().query(queryRequest([{ refId: 'A', queryType: 'traceId', query: ' ' }])));
    expect(r).toMatchObject({ key: 'A', state: LoadingState.Done, data: [] });
    expect(r.error).toBeUndefined();
    expect(tempo.requests.filter((q) => q.path.includes('/traces/'))).toEqual([]);
  });

  it('closes the HTTP request when Grafana unsubscribes', async () => {
    let arrived: () => void = () => {};
    const searching = new Promise<void>((resolve) => (arrived = resolve));
    tempo.route('/api/search', () => {
      arrived();
      return { body: fixture('tempo/search.json'), delayMs: 60_000 };
    });
    const sub = make()
      .query(queryRequest([{ refId: 'A', query: '{}' }]))
      .subscribe();
    await searching;
    expect(tempo.openRequests()).toBe(1);
    sub.unsubscribe();
    // The server sees the socket close on a later turn of the event loop; no timer is involved.
    for (let turn = 0; turn < 1000 && tempo.openRequests() > 0; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(tempo.openRequests()).toBe(0);
  });

  it('sends template variables escaped for TraceQL, and ad-hoc filters as conditions', async () => {
    await lastValueFrom(
      make({ svc: 'say "hi"' }).query(
        queryRequest([{ refId: 'A', query: '{ resource.service.name = "$svc" }' }], {
          filters: [{ key: 'status', operator: '=', value: 'error' }],
        })
      )
    );
    expect(received('/api/search')[0].query.get('q')).toBe(
      '{ resource.service.name = "say \\"hi\\"" && status = error }'
    );
  });

  it('asks for metrics with the step from the query', async () => {
    const r = await lastValueFrom(
      make().query(queryRequest([{ refId: 'A', queryType: 'metrics', query: '{} | rate()', step: '30s' }]))
    );
    expect(r.state).toBe(LoadingState.Done);
    const [range] = received('/api/metrics/query_range');
    expect(range.query.get('q')).toBe('{} | rate()');
    expect(range.query.get('step')).toBe('30s');
    expect(range.query.get('start')).toBe('1700000000000000000');
    expect(range.query.get('end')).toBe('1700003600000000000');
  });

  it('reads variable values from the tag values endpoint, filtered by the query given', async () => {
    const values = await make().metricFindQuery('values(resource.service.name, { status = error })');
    expect(values.map((v) => v.text)).toEqual(['api-gateway', 'auth-service', 'database', 'frontend', 'user-service']);
    expect(received('/api/v2/search/tag/resource.service.name/values')[0].query.get('q')).toBe('{ status = error }');
  });
});

describe('the fake client used by the other data source tests', () => {
  it('detects what the real Jaeger client detects from a Jaeger api_v3 server', async () => {
    const jaeger = await startFakeServer({
      '/api/v3/services': { body: fixture('jaeger/v3-services.json') },
    });
    try {
      const settings = {
        id: 4,
        uid: 'jaeger-http',
        name: 'TraceLens (Jaeger)',
        type: 'tracelens-traceql-datasource',
        url: '/api/datasources/proxy/uid/jaeger-http',
        jsonData: { backend: 'jaeger', timeoutSeconds: 10 },
        meta: {},
        access: 'proxy',
        readOnly: false,
      } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
      const real = new TraceLensDataSource(settings, templateSrvWith({}), { fetch: loopbackFetch(jaeger.url) });
      const health = await real.testDatasource();
      const fake = new TraceLensDataSource(settings, templateSrvWith({}), { createClient: () => fakeClient() });
      expect(await fake.testDatasource()).toEqual(health);
    } finally {
      await jaeger.close();
    }
  });
});

describe('TraceLensDataSource over HTTP to a loopback Jaeger: the whole window (#17)', () => {
  const T0 = 1_700_000_000_000_000_000n;
  // 1,200 traces web -> api over the hour, every 8th failed: more than one search returns.
  const traces = tracesOverTime(1200, T0, 3_000_000_000n, (i) => ({
    service: 'web',
    kind: 'server',
    children: [{ service: 'api', kind: 'server', status: i % 8 === 0 ? 'error' : 'unset' }],
  }));

  async function jaegerDs(jsonData: Partial<TraceLensOptions>, routes: Record<string, FakeRoute> = {}) {
    const jaeger = await startFakeServer({ ...fakeJaegerSearchRoutes(traces), ...routes });
    const settings = {
      id: 5,
      uid: 'jaeger-scan',
      name: 'TraceLens (Jaeger)',
      type: 'tracelens-traceql-datasource',
      url: '/api/datasources/proxy/uid/jaeger-scan',
      jsonData: { backend: 'jaeger', timeoutSeconds: 10, ...jsonData },
      meta: {},
      access: 'proxy',
      readOnly: false,
    } as unknown as DataSourceInstanceSettings<TraceLensOptions>;
    return { jaeger, ds: new TraceLensDataSource(settings, templateSrvWith({}), { fetch: loopbackFetch(jaeger.url) }) };
  }

  it('counts every call of the window in the graph, and the last frame says complete', async () => {
    const { jaeger, ds } = await jaegerDs({});
    try {
      const all = await lastValueFrom(
        ds.query(queryRequest([{ refId: 'A', queryType: 'serviceGraph' }])).pipe(toArray())
      );
      const last = all[all.length - 1];
      expect(last.state).toBe(LoadingState.Done);
      const edges = last.data[1];
      const field = (name: string) => edges.fields.find((f: { name: string }) => f.name === name).values;
      expect(field('requests')).toEqual([1200]);
      expect(field('errors')).toEqual([150]);
      expect(last.data[0].meta.custom.tracelensCompleteness).toMatchObject({ complete: true, tracesScanned: 1200 });
      expect(jaeger.requests.filter((r) => r.path === '/api/v3/traces').length).toBeGreaterThan(2);
    } finally {
      await jaeger.close();
    }
  });

  it("counts calls with Jaeger's own dependencies when the query asks, reading no trace", async () => {
    const { jaeger, ds } = await jaegerDs(
      {},
      { '/api/dependencies': { body: { data: [{ parent: 'web', child: 'api', callCount: 1200 }] } } }
    );
    try {
      const request = queryRequest([{ refId: 'A', queryType: 'serviceGraph', serviceGraphCalls: 'dependencies' }]);
      const r = await lastValueFrom(ds.query(request));
      expect(r.state).toBe(LoadingState.Done);
      const [nodes, edges] = r.data;
      expect(edges.fields.find((f: { name: string }) => f.name === 'requests').values).toEqual([1200]);
      expect(nodes.meta.custom.source).toBe('dependencies');
      expect(nodes.meta.notices[0].text).toMatch(/^Calls counted by Jaeger itself \(its dependencies API\)/);
      const asked = jaeger.requests.filter((q) => q.path === '/api/dependencies');
      expect(asked).toHaveLength(1);
      const from = request.range.from.valueOf();
      const to = request.range.to.valueOf();
      expect(asked[0].query.get('endTs')).toBe(String(to));
      expect(asked[0].query.get('lookback')).toBe(String(to - from));
      expect(jaeger.requests.some((q) => q.path === '/api/v3/traces')).toBe(false);
    } finally {
      await jaeger.close();
    }
  });

  it('refuses a TraceQL filter with dependencies rather than ignoring it', async () => {
    const { jaeger, ds } = await jaegerDs({});
    try {
      const r = await lastValueFrom(
        ds.query(
          queryRequest([
            { refId: 'A', queryType: 'serviceGraph', serviceGraphCalls: 'dependencies', query: '{ status = error }' },
          ])
        )
      );
      expect(r.error?.message).toMatch(/^Dependencies cannot be filtered by TraceQL/);
      expect(jaeger.requests.some((q) => q.path === '/api/dependencies')).toBe(false);
    } finally {
      await jaeger.close();
    }
  });

  it('with a trace budget below the window, says lower bound in the frame', async () => {
    const { jaeger, ds } = await jaegerDs({ maxTraces: 500 });
    try {
      const r = await lastValueFrom(ds.query(queryRequest([{ refId: 'A', queryType: 'sampling' }])));
      expect(r.data[0].meta.custom.tracelensCompleteness).toMatchObject({
        complete: false,
        tracesScanned: 500,
        badge: expect.stringMatching(/^lower bound: 500 (of ≥ [\d,]+ )?traces, budget reached$/),
      });
      expect(r.data[0].meta.notices.some((n: { text: string }) => /lower bounds/.test(n.text))).toBe(true);
    } finally {
      await jaeger.close();
    }
  });
});
