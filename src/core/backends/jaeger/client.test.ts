import { nodeTransport } from '../../transport/nodeTransport';
import { fixture } from '../testing/fixtures';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { JaegerClient } from './client';
import { fetchSamplingStrategy } from './sampling';
import { rejection } from '../../testing/rejection';

const json = (name: string) => ({ body: fixture('jaeger', name), headers: { 'content-type': 'application/json' } });
const T0 = 1764092934000000000n;
const window = { start: T0 - 3_600_000_000_000n, end: T0 + 3_600_000_000_000n };

describe('JaegerClient against an api_v3 server', () => {
  let server: FakeServer;
  let client: JaegerClient;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/v3/services': json('v3-services.json'),
      '/api/v3/operations': (req) =>
        req.query.get('service') === 'frontend' ? json('v3-operations.json') : { body: {} },
      '/api/v3/traces': (req) =>
        req.query.get('query.service_name') === 'nobody'
          ? { status: 404, ...json('v3-not-found.json') }
          : req.query.get('query.service_name') === 'bad'
            ? { status: 400, ...json('v3-error.json') }
            : json('v3-search.json'),
      '/api/v3/traces/0af7651916cd43dd8448eb211c80319c': json('v3-trace.json'),
      '/api/v3/trace-summaries': json('v3-trace-summaries.json'),
      '/api/dependencies': json('dependencies.json'),
    });
    client = new JaegerClient(nodeTransport(server.url));
  });
  afterAll(() => server.close());

  it('detects api_v3 and counts services', async () => {
    const d = await client.detect();
    expect(d.api).toBe('v3');
    expect(d.serviceCount).toBe(5);
    expect(await client.services()).toContain('frontend');
  });

  it('sends api_v3 search parameters and decodes hex/integer-enum OTLP', async () => {
    const traces = await client.findTraces({
      service: 'frontend',
      operation: 'GET /users',
      attributes: { 'http.status_code': '500' },
      durationMinNs: 1500,
      durationMaxNs: 2_000_000_001,
      start: window.start,
      end: window.end,
      searchDepth: 20,
    });
    expect(traces.map((t) => t.traceId).sort()).toEqual([
      '0af7651916cd43dd8448eb211c80319c',
      '4bf92f3577b34da6a3ce929d0e0e4736',
    ]);
    const q = server.requests[server.requests.length - 1].query;
    expect(q.get('query.service_name')).toBe('frontend');
    expect(q.get('query.operation_name')).toBe('GET /users');
    expect(JSON.parse(q.get('query.attributes') ?? '')).toEqual({ 'http.status_code': '500' });
    expect(q.get('query.duration_min')).toBe('1us');
    expect(q.get('query.duration_max')).toBe('2000001us');
    expect(q.get('query.num_traces')).toBe('20');
    expect(q.get('query.start_time_min')).toBe('2025-11-25T16:48:54.000000000Z');
    expect(q.get('query.start_time_max')).toBe('2025-11-25T18:48:54.000000000Z');
    const db = traces.flatMap((t) => t.spans).find((s) => s.resource.serviceName === 'database');
    expect(db?.kind).toBe('client');
    expect(db?.statusCode).toBe('error');
  });

  it('treats 404 "No traces found" as an empty result', async () => {
    expect(await client.findTraces({ service: 'nobody', ...window, searchDepth: 5 })).toEqual([]);
  });

  it("reports a 400 with the server's message and status", async () => {
    const err = await rejection(client.findTraces({ service: 'bad', ...window, searchDepth: 5 }));
    expect(err.kind).toBe('http');
    expect(err.status).toBe(400);
    expect(err.message).toContain('query.startTimeMin must be before query.startTimeMax');
    expect(err.message).toContain('/api/v3/traces');
  });

  it('fetches a trace by id (base64 ids become hex in the path)', async () => {
    const t = await client.getTrace('CvdlGRbNQ92ESOshHIAxnA==');
    expect(t.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(t.spans).toHaveLength(4);
    const missing = await rejection(client.getTrace('ffffffffffffffffffffffffffffffff'));
    expect(missing.status).toBe(404);
    expect(missing.message).toMatch(/not found/);
    expect((await rejection(client.getTrace('../../x'))).kind).toBe('input');
  });

  it('lists operations with span kinds, trace summaries and dependencies', async () => {
    expect(await client.operations('frontend')).toEqual([
      { name: 'GET /users', spanKind: 'server' },
      { name: 'GET /login', spanKind: 'server' },
    ]);
    expect(await client.operations('other')).toEqual([]);
    const sums = await client.traceSummaries({ ...window, searchDepth: 5 });
    expect(sums?.[0]).toMatchObject({ rootServiceName: 'frontend', spanCount: 4, startTimeUnixNano: T0 });
    expect((await client.capabilities()).traceSummaries).toBe(true);
    const deps = await client.dependencies(T0, 3_600_000_000_000n);
    expect(deps).toContainEqual({ parent: 'frontend', child: 'api-gateway', callCount: 12 });
    const q = server.requests[server.requests.length - 1].query;
    expect(q.get('endTs')).toBe('1764092934000');
    expect(q.get('lookback')).toBe('3600000');
  });
});

describe('JaegerClient against a v1-only server', () => {
  let server: FakeServer;
  let client: JaegerClient;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/services': json('v1-services.json'),
      '/api/services/frontend/operations': json('v1-operations.json'),
      '/api/traces': (req) =>
        req.query.get('service') ? json('v1-search.json') : { status: 400, ...json('v1-error.json') },
      '/api/traces/0af7651916cd43dd8448eb211c80319c': json('v1-trace.json'),
      '/api/traces/ffffffffffffffffffffffffffffffff': { status: 404, ...json('v1-trace-not-found.json') },
    });
    client = new JaegerClient(nodeTransport(server.url));
  });
  afterAll(() => server.close());

  it('falls back to v1 and records it', async () => {
    const d = await client.detect();
    expect(d).toMatchObject({ api: 'v1', serviceCount: 5 });
    expect((await client.capabilities()).api).toBe('v1');
    expect(await client.services()).toHaveLength(5);
    expect(await client.operations('frontend')).toContainEqual({ name: 'GET /users', spanKind: '' });
  });

  it('searches with v1 parameters in microseconds and decodes Jaeger JSON', async () => {
    const traces = await client.findTraces({
      service: 'frontend',
      attributes: { 'http.method': 'GET' },
      durationMinNs: 1_000_000,
      start: 1_000_000_500n,
      end: 2_000_000_500n,
      searchDepth: 7,
    });
    expect(traces).toHaveLength(2);
    const q = server.requests[server.requests.length - 1].query;
    expect(q.get('service')).toBe('frontend');
    expect(q.get('tags')).toBe('{"http.method":"GET"}');
    expect(q.get('minDuration')).toBe('1000us');
    expect(q.get('limit')).toBe('7');
    expect(q.get('start')).toBe('1000000');
    expect(q.get('end')).toBe('2000001');
    const db = traces[0].spans.find((s) => s.name === 'SELECT users');
    expect(db?.statusCode).toBe('error');
    expect(db?.events[0]?.name).toBe('exception');
  });

  it("reports v1 errors with the server's msg", async () => {
    const err = await rejection(client.findTraces({ ...window, searchDepth: 5 }));
    expect(err.message).toContain("parameter 'service' is required");
    expect(err.status).toBe(400);
    const missing = await rejection(client.getTrace('ffffffffffffffffffffffffffffffff'));
    expect(missing.message).toContain('trace not found');
  });

  it('has no trace summaries', async () => {
    expect(await client.traceSummaries({ ...window, searchDepth: 5 })).toBeNull();
  });
});

describe('JaegerClient detection failures', () => {
  it('says when the server is not Jaeger', async () => {
    const server = await startFakeServer({ '/api/v3/services': { body: '<html><body>Grafana</body></html>' } });
    try {
      const err = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
      expect(err.kind).toBe('unsupported');
      expect(err.message).toContain('not Jaeger');
      server.route('/api/v3/services', { status: 404, body: 'not found' });
      const err2 = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
      expect(err2.message).toContain('neither /api/v3/services nor /api/services');
    } finally {
      await server.close();
    }
  });

  it('reports 5xx, truncated JSON and unreachable servers clearly', async () => {
    const server = await startFakeServer({
      '/api/v3/services': { status: 503, body: 'upstream connect error' },
    });
    try {
      const err = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
      expect(err).toMatchObject({ kind: 'http', status: 503 });
      expect(err.message).toContain('upstream connect error');
      server.route('/api/v3/services', { body: fixture('jaeger', 'v3-services.json'), truncateAt: 20 });
      const err2 = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
      expect(['malformed', 'unreachable']).toContain(err2.kind);
      server.route('/api/v3/services', { body: '{"services": ["a", ' });
      const err3 = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
      expect(err3.kind).toBe('malformed');
      expect(err3.message).toContain('/api/v3/services');
    } finally {
      await server.close();
    }
    const gone = await rejection(new JaegerClient(nodeTransport(server.url)).detect());
    expect(gone.kind).toBe('unreachable');
  });

  it('times out on a slow server and a retry after failure probes again', async () => {
    const server = await startFakeServer({ '/api/v3/services': { delayMs: 1000, body: { services: [] } } });
    try {
      const client = new JaegerClient(nodeTransport(server.url, { timeoutMs: 100 }));
      expect((await rejection(client.detect())).kind).toBe('timeout');
      server.route('/api/v3/services', { body: {} });
      expect(await client.services()).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe('fetchSamplingStrategy', () => {
  it('reads probabilistic, per-operation and rate-limiting strategies', async () => {
    const server = await startFakeServer({
      '/sampling': (req) =>
        req.query.get('service') === 'frontend'
          ? json('sampling.json')
          : req.query.get('service') === 'limited'
            ? json('sampling-ratelimiting.json')
            : { status: 400, body: "'service' parameter must be provided once" },
    });
    try {
      const t = nodeTransport(server.url);
      const s = await fetchSamplingStrategy(t, 'frontend');
      expect(s).toMatchObject({ strategyType: 'PROBABILISTIC', samplingRate: 0.5 });
      expect(s.operations).toEqual([{ operation: 'GET /users', samplingRate: 0.25 }]);
      expect(await fetchSamplingStrategy(t, 'limited')).toMatchObject({
        strategyType: 'RATE_LIMITING',
        maxTracesPerSecond: 10,
      });
      const err = await rejection(fetchSamplingStrategy(t, 'x'));
      expect(err.message).toContain("'service' parameter must be provided once");
    } finally {
      await server.close();
    }
  });
});
