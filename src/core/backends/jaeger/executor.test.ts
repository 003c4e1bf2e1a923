import { nodeTransport } from '../../transport/nodeTransport';
import { fixture } from '../testing/fixtures';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { createBackend } from '../registry';
import { rejection } from '../../testing/rejection';

const T0 = 1764092934000000000n;
const window = { start: T0 - 3_600_000_000_000n, end: T0 + 3_600_000_000_000n };
const json = (name: string) => ({ body: fixture('jaeger', name) });
const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';

type ResourceSpans = {
  resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
  scopeSpans: Array<{ spans: Array<{ traceId: string }> }>;
};

/** The fixture's traces that have a span of `service`, whole, as Jaeger's search returns them. */
function tracesOfService(service: string): string | undefined {
  const all = JSON.parse(fixture('jaeger', 'v3-search.json')).result.resourceSpans as ResourceSpans[];
  const svcOf = (rs: ResourceSpans) => rs.resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue;
  const ids = new Set(
    all
      .filter((rs) => svcOf(rs) === service)
      .flatMap((rs) => rs.scopeSpans.flatMap((ss) => ss.spans.map((sp) => sp.traceId)))
  );
  const keep = all.filter((rs) => rs.scopeSpans.some((ss) => ss.spans.some((sp) => ids.has(sp.traceId))));
  return keep.length ? JSON.stringify({ result: { resourceSpans: keep } }) : undefined;
}

describe('Jaeger backend (executor over a loopback api_v3 server)', () => {
  let server: FakeServer;
  let servicelessOk = false;
  const searches = () => server.requests.filter((r) => r.path === '/api/v3/traces');
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/v3/services': json('v3-services.json'),
      '/api/v3/traces': (req) => {
        const svc = req.query.get('query.service_name') ?? '';
        if (svc === '') {
          // Jaeger v2's memory store searches every service; storages that need one answer 400.
          return servicelessOk
            ? json('v3-search.json')
            : { status: 400, body: '{"error":{"httpCode":400,"message":"service name must be set"}}' };
        }
        if (svc === 'slow') {
          return { delayMs: 60_000, ...json('v3-search.json') };
        }
        const body = tracesOfService(svc);
        return body ? { body } : { status: 404, ...json('v3-not-found.json') };
      },
      '/api/dependencies': json('dependencies.json'),
      '/sampling': json('sampling.json'),
    });
  });
  afterAll(() => server.close());

  const backend = () =>
    createBackend({
      kind: 'jaeger',
      transport: nodeTransport(server.url),
      samplingTransport: nodeTransport(server.url),
    });

  it('detects api_v3', async () => {
    expect(await backend().detect()).toMatchObject({ kind: 'jaeger', api: 'v3' });
  });

  it('pushes the service down and evaluates the rest in the engine', async () => {
    const before = searches().length;
    const out = await backend().search('{ resource.service.name = "frontend" && span.http.status_code = 500 }', window);
    expect(searches().length - before).toBe(1);
    const q = searches()[searches().length - 1].query;
    expect(q.get('query.service_name')).toBe('frontend');
    expect(q.get('query.attributes')).toBe('{"http.status_code":"500"}');
    expect(out.response.traces.map((t) => t.traceID)).toEqual([TRACE_A]);
    expect(out.stats).toMatchObject({ tracesFetched: 2, tracesMatched: 1, bounded: false });
    expect(out.stats.bytesFetched).toBeGreaterThan(1000);
    expect(out.notices).toEqual([]);
  });

  it('fans out over services without a service condition, merges, and says so', async () => {
    const before = searches().length;
    const out = await backend().search('{ span.db.system = "sqlite" } | select(span.db.statement)', window);
    expect(searches().length - before).toBe(5);
    expect(out.response.traces.map((t) => t.traceID)).toEqual([TRACE_A]);
    expect(out.stats.tracesFetched).toBe(2);
    expect(out.notices.map((n) => n.text).join(' ')).toContain('searched each of');
  });

  it('warns when Jaeger returns its search-depth limit', async () => {
    const b = createBackend({ kind: 'jaeger', transport: nodeTransport(server.url), searchDepth: 2 });
    const out = await b.search('{ resource.service.name = "frontend" }', window);
    expect(out.stats.bounded).toBe(true);
    const warn = out.notices.find((n) => n.severity === 'warning');
    expect(warn?.text).toContain('search-depth limit of 2 traces');
    expect(warn?.text).toContain('2 traces scanned, 2 matched');
    expect(warn?.text).toContain('raise the search depth');
  });

  it('answers structural queries exactly', async () => {
    const out = await backend().search(
      '{ resource.service.name = "api-gateway" } >> { resource.service.name = "database" && status = error }',
      window
    );
    expect(out.response.traces.map((t) => t.traceID)).toEqual([TRACE_A]);
    const none = await backend().search('{ resource.service.name = "frontend" } && { span.nope = 1 }', window);
    expect(none.response.traces).toEqual([]);
  });

  it('computes metrics in the engine with a bounded-sample notice', async () => {
    const out = await backend().metrics(
      '{ resource.service.name = "frontend" } | count_over_time() by (resource.service.name)',
      {
        ...window,
        step: 3_600_000_000_000,
      }
    );
    const total = out.response.series.flatMap((s) => s.samples).reduce((a, s) => a + s.value, 0);
    expect(total).toBe(2);
    expect(out.notices.map((n) => n.text).join(' ')).toContain('Metrics computed by TraceLens over 2 traces');
  });

  it('returns whole matching traces for analyses', async () => {
    const out = await backend().fetchTraces('{ resource.service.name = "frontend" && name = "GET /login" }', window);
    expect(out.traces.map((t) => t.traceId)).toEqual([TRACE_B]);
    expect(out.traces[0].spans).toHaveLength(3);
  });

  it('reads dependencies and sampling strategies', async () => {
    expect(await backend().dependencies(window)).toContainEqual({
      parent: 'frontend',
      child: 'api-gateway',
      callCount: 12,
    });
    expect((await backend().samplingStrategy('frontend')).samplingRate).toBe(0.5);
    const noSampling = createBackend({ kind: 'jaeger', transport: nodeTransport(server.url) });
    expect((await rejection(noSampling.samplingStrategy('frontend'))).kind).toBe('unsupported');
  });

  it('offers tag values from services and sampled traces', async () => {
    expect(await backend().tagValues('resource.service.name')).toContainEqual({ type: 'string', value: 'database' });
    expect(await backend().tagValues('span.http.method')).toEqual([
      { type: 'string', value: 'GET' },
      { type: 'string', value: 'POST' },
    ]);
    expect(await backend().tagValues('.http.status_code', '{ span:name = "GET /login" }')).toEqual([
      { type: 'int', value: '200' },
    ]);
    const before = searches().length;
    const scopes = await backend().tags();
    expect(searches().length - before).toBe(5);
    expect(
      searches()
        .slice(before)
        .map((r) => r.query.get('query.num_traces'))
    ).toEqual(Array(5).fill('20'));
    expect(scopes.find((s) => s.name === 'span')?.tags).toContain('db.statement');
    expect(scopes.find((s) => s.name === 'resource')?.tags).toContain('deployment.environment');
    expect(scopes.find((s) => s.name === 'intrinsic')?.tags).toContain('span:name');
  });

  it('reports a bad query with line and column, and a metrics query given to search', async () => {
    const err = await rejection(backend().search('{ .a = }', window));
    expect(err.kind).toBe('parse');
    expect(err.message).toMatch(/line 1, column \d+/);
    expect((await rejection(backend().search('{} | rate()', window))).kind).toBe('validate');
    expect((await rejection(backend().search('{}', { start: 2n, end: 1n }))).kind).toBe('input');
  });

  it('cancellation aborts every in-flight request', async () => {
    const ac = new AbortController();
    const b = createBackend({ kind: 'jaeger', transport: nodeTransport(server.url) });
    const arrived = server.nextRequest('/api/v3/traces');
    const p = b.search('{ resource.service.name = "slow" }', { ...window, signal: ac.signal });
    await arrived;
    expect(server.openRequests()).toBe(1);
    ac.abort();
    expect((await rejection(p)).kind).toBe('cancelled');
    // The server sees every socket close before the 60 s reply would have been sent.
    await server.idle();
    expect(server.openRequests()).toBe(0);
  });

  it('scans a window slice by slice: the pushdown in every slice search, full when the limit came back', async () => {
    const scan = await backend().scan('{ resource.service.name = "frontend" && span.http.status_code = 500 }', window);
    expect(scan.notices).toEqual([]);
    expect(scan.searches.map((s) => [s.label, s.resolutionNs])).toEqual([['', 1n]]);
    const sliceStart = T0 - 60_000_000_000n;
    const sliceEnd = T0 + 60_000_000_123n;
    const before = searches().length;
    const full = await scan.searches[0].search({ start: sliceStart, end: sliceEnd, limit: 2 });
    expect(searches().length - before).toBe(1);
    const q = searches()[searches().length - 1].query;
    expect(q.get('query.service_name')).toBe('frontend');
    expect(q.get('query.attributes')).toBe('{"http.status_code":"500"}');
    expect(q.get('query.start_time_min')).toBe('2025-11-25T17:47:54.000000000Z');
    expect(q.get('query.start_time_max')).toBe('2025-11-25T17:49:54.000000123Z');
    expect(q.get('query.num_traces')).toBe('2');
    // Not evaluated yet: both of frontend's traces, though only one has a 500.
    expect(full.traces.map((t) => t.traceId).sort()).toEqual([TRACE_A, TRACE_B]);
    expect(full.full).toBe(true);
    expect(full.requests).toBe(1);
    expect(full.bytes).toBeGreaterThan(1000);
    const roomy = await scan.searches[0].search({ start: sliceStart, end: sliceEnd, limit: 3 });
    expect(roomy.full).toBe(false);
  });

  it('scans with one search over every service when api_v3 allows it (regression #17)', async () => {
    servicelessOk = true;
    try {
      const scan = await backend().scan('{ span.db.system = "sqlite" }', window);
      expect(scan.searches.map((s) => s.label)).toEqual(['']);
      expect(scan.notices).toEqual([]);
      const slice = await scan.searches[0].search({ ...window, limit: 10 });
      const last = searches()[searches().length - 1];
      expect(last.query.has('query.service_name')).toBe(false);
      expect(last.query.get('query.num_traces')).toBe('10');
      expect(slice.traces.map((t) => t.traceId).sort()).toEqual([TRACE_A, TRACE_B]);
      // A bounded fetch keeps one search per service: its depth applies to each.
      await backend().fetchTraces('{ span.db.system = "sqlite" }', window);
      expect(searches()[searches().length - 1].query.get('query.service_name')).not.toBeNull();
    } finally {
      servicelessOk = false;
    }
  });

  it('scans one slice search per service when the query names none and the server needs a service', async () => {
    const scan = await backend().scan('{ span.db.system = "sqlite" }', window);
    expect(scan.searches).toHaveLength(5);
    expect(scan.searches.map((s) => s.label)).toContain('service "database"');
    expect(scan.notices.map((n) => n.text).join(' ')).toContain('searched each of');
    expect(scan.requests).toBeGreaterThanOrEqual(1);
    const before = searches().length;
    const db = scan.searches.find((s) => s.label === 'service "database"');
    const slice = await db?.search({ ...window, limit: 10 });
    expect(searches().length - before).toBe(1);
    expect(searches()[searches().length - 1].query.get('query.service_name')).toBe('database');
    expect(slice?.traces.map((t) => t.traceId)).toEqual([TRACE_A]);
    expect(slice?.full).toBe(false);
  });

  it('explains the plan', async () => {
    const e = await backend().explain('{ resource.service.name = "frontend" && span.x =~ "a.*" }', window);
    expect(e.plan.backend).toBe('jaeger');
    expect(e.text).toContain('service = "frontend"');
  });
});
