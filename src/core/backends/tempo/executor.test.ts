import { nodeTransport } from '../../transport/nodeTransport';
import { decodeTraces } from '../../model';
import { evaluateMetrics } from '../../engine';
import { parseTraceQL } from '../../traceql';
import { fixture } from '../testing/fixtures';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { createBackend } from '../registry';
import { rejection } from '../../testing/rejection';

const T0 = 1764092934000000000n;
const window = { start: T0 - 3_600_000_000_000n, end: T0 + 3_600_000_000_000n };
const json = (name: string) => ({ body: fixture('tempo', name) });
const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';

function tempoServer(buildinfo: string): Promise<FakeServer> {
  return startFakeServer({
    '/api/status/buildinfo': json(buildinfo),
    '/api/search': (req) =>
      req.query.get('q') === '{ .bad'
        ? { status: 400, body: 'invalid TraceQL query: parse error' }
        : json('search-ids.json'),
    [`/api/v2/traces/${TRACE_A}`]: json('trace-v2.json'),
    [`/api/v2/traces/${TRACE_B}`]: json('trace-v2-partial.json'),
    '/api/metrics/query_range': json('query-range.json'),
    '/api/metrics/query': json('query-instant.json'),
    '/api/v2/search/tag/resource.service.name/values': json('tag-values-v2.json'),
    '/api/v2/search/tag/name/values': { body: { tagValues: [{ type: 'string', value: 'GET /users' }] } },
  });
}

describe('Tempo backend on a current Tempo (native)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await tempoServer('buildinfo-3.0.json');
  });
  afterAll(() => server.close());

  it('sends the query text as is to /api/search', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const q = '{ span:childCount > 1 } | count() > 0';
    const out = await b.search(q, { ...window, limit: 2, spss: 5 });
    const req = server.requests.filter((r) => r.path === '/api/search').pop();
    expect(req?.query.get('q')).toBe(q);
    expect(req?.query.get('limit')).toBe('2');
    expect(out.response.traces.map((t) => t.traceID)).toEqual([TRACE_A, TRACE_B]);
    expect(out.stats.tracesFetched).toBe(0);
    expect(out.notices[0]?.text).toContain('limit of 2');
    expect(server.requests.some((r) => r.path.startsWith('/api/v2/traces/'))).toBe(false);
  });

  it('sends attribute-number comparisons in both numeric types', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    await b.search('{ span.order.amount > 250 }', window);
    const req = server.requests.filter((r) => r.path === '/api/search').pop();
    expect(req?.query.get('q')).toBe('{ (span.order.amount > 250 || span.order.amount > 250.0) }');
  });

  it('fetches traces for analyses by the query as Tempo is sent it, numbers in both types', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const out = await b.fetchTraces('{ span.order.amount > 250 }', window);
    const req = server.requests.filter((r) => r.path === '/api/search').pop();
    expect(req?.query.get('q')).toBe('{ (span.order.amount > 250 || span.order.amount > 250.0) }');
    expect(req?.query.get('spss')).toBe('1');
    expect(out.stats.tracesFetched).toBe(2);
  });

  it('runs metrics natively with a step and exemplars', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const out = await b.metrics('{} | rate() by (resource.service.name) > 0.1', { ...window, step: 60_000_000_000 });
    const req = server.requests.filter((r) => r.path === '/api/metrics/query_range').pop();
    expect(req?.query.get('step')).toBe('1m');
    expect(out.response.series[0].exemplars).toHaveLength(1);
    const inst = await b.metricsInstant('{} | rate()', window);
    expect(inst.response.series).toHaveLength(2);
  });

  it('reports a tag that neither the v2 nor the v1 endpoint knows as a 404', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const err = await rejection(b.tagValues('x', undefined));
    expect(err.status).toBe(404);
  });

  it('lists services and operations from tag values', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    expect(await b.services()).toContain('frontend');
    expect(await b.operations('frontend')).toEqual([{ name: 'GET /users', spanKind: '' }]);
    const req = server.requests.filter((r) => r.path === '/api/v2/search/tag/name/values').pop();
    expect(req?.query.get('q')).toBe('{ resource.service.name = "frontend" }');
  });
});

describe('Tempo backend on an older Tempo (engine finishes)', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await tempoServer('buildinfo-2.9.json');
  });
  afterAll(() => server.close());

  it('narrows on Tempo, fetches the traces and evaluates the query locally', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const out = await b.search('{ span:childCount > 0 && resource.service.name = "user-service" }', window);
    const req = server.requests.filter((r) => r.path === '/api/search').pop();
    expect(req?.query.get('q')).toBe('{ resource.service.name = "user-service" }');
    expect(out.response.traces.map((t) => t.traceID)).toEqual([TRACE_A]);
    expect(out.stats).toMatchObject({ tracesFetched: 2, tracesMatched: 1 });
    const texts = out.notices.map((n) => n.text).join(' ');
    expect(texts).toContain('does not support span:childCount (since 2.10)');
    expect(texts).toContain('partial');
  });

  it('computes metrics Tempo lacks in the engine', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const out = await b.metrics('({} | count_over_time()) / ({ status = error } | count_over_time())', {
      ...window,
      step: 7_200_000_000_000,
    });
    expect(out.response.series.length).toBeGreaterThan(0);
    expect(out.stats.tracesFetched).toBe(2);
    expect(out.notices.map((n) => n.text).join(' ')).toContain('Metrics computed by TraceLens');
  });

  it('scans a window slice by slice: the narrowing search over the slice, then each trace by id', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const scan = await b.scan('{ span:childCount > 0 && resource.service.name = "user-service" }', window);
    expect(scan.plan).toMatchObject({ backend: 'tempo', mode: 'engine' });
    expect(scan.searches.map((s) => [s.label, s.resolutionNs])).toEqual([['', 1_000_000_000n]]);
    const before = server.requests.length;
    const slice = await scan.searches[0].search({
      start: T0 - 1_500_000_000n,
      end: T0 + 500_000_001n,
      limit: 2,
    });
    const sent = server.requests.slice(before);
    const search = sent.find((r) => r.path === '/api/search');
    expect(Object.fromEntries(search?.query ?? [])).toEqual({
      q: '{ resource.service.name = "user-service" }',
      start: '1764092932',
      end: '1764092935',
      limit: '2',
      spss: '1',
    });
    // Traces are fetched over the scan's window, so a trace is not cut at the slice's edge.
    const fetches = sent.filter((r) => r.path.startsWith('/api/v2/traces/'));
    expect(fetches.map((r) => r.query.get('start'))).toEqual(['1764089334', '1764089334']);
    expect(slice.traces.map((t) => t.traceId).sort()).toEqual([TRACE_A, TRACE_B]);
    expect(slice.full).toBe(true);
    expect(slice.requests).toBe(3);
    expect(slice.notices.map((n) => n.text).join(' ')).toContain('partial');
    expect((await scan.searches[0].search({ ...window, limit: 3 })).full).toBe(false);
  });

  it('explains why', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const e = await b.explain('{ span:childCount > 0 }', window);
    expect(e.plan).toMatchObject({ backend: 'tempo', mode: 'engine' });
    expect(e.text).toContain('needs Tempo 2.10');
  });

  it('has no dependencies or sampling API', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    expect((await rejection(b.dependencies(window))).kind).toBe('unsupported');
    expect((await rejection(b.samplingStrategy('x'))).kind).toBe('unsupported');
  });
});

/** A Tempo main build (`v3.1.0-dev`) that knows or refuses metrics arithmetic, and caps spss at 100. */
function devServer(knowsArithmetic: boolean): Promise<FakeServer> {
  const arithmetic = (q: string | null) => (q ?? '').includes(') / (');
  return startFakeServer({
    '/api/status/buildinfo': { body: { version: 'v3.1.0-dev', revision: 'abc1234' } },
    '/api/search': (req) =>
      Number(req.query.get('spss') ?? '3') > 100
        ? { status: 400, body: 'spans per span set exceeds 100. received 500' }
        : json('search-ids.json'),
    [`/api/v2/traces/${TRACE_A}`]: json('trace-v2.json'),
    [`/api/v2/traces/${TRACE_B}`]: json('trace-v2-partial.json'),
    '/api/metrics/query_range': (req) =>
      arithmetic(req.query.get('q')) && !knowsArithmetic
        ? { status: 400, body: 'invalid TraceQL query: parse error at line 1, col 15: syntax error: unexpected /' }
        : json('query-range.json'),
  });
}

describe('Tempo backend on a development build (v3.1.0-dev)', () => {
  const q = '({} | count_over_time()) / ({ status = error } | count_over_time())';
  const range = { ...window, step: 7_200_000_000_000 };

  it('asks natively for arithmetic between queries, which no release it knows has', async () => {
    const server = await devServer(true);
    try {
      const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
      const out = await b.metrics(q, range);
      expect(server.requests.filter((r) => r.path === '/api/metrics/query_range')).toHaveLength(1);
      expect(out.stats.tracesFetched).toBe(0);
      expect(out.notices).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it('finishes in the engine when Tempo refuses the construct as unknown, and does not ask again', async () => {
    const server = await devServer(false);
    try {
      const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
      const out = await b.metrics(q, range);
      expect(out.stats.tracesFetched).toBe(2);
      // The refused query_range counts too: then one search and a fetch per trace.
      expect(out.stats.requests).toBe(4);
      expect(out.notices.map((n) => n.text).join(' ')).toContain(
        'refused arithmetic between metrics queries when asked natively'
      );
      await b.metrics(q, range);
      expect(server.requests.filter((r) => r.path === '/api/metrics/query_range')).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('clamps spss to the limit Tempo names, says so, and sends the limit straight away next time', async () => {
    const server = await devServer(true);
    try {
      const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
      const out = await b.search('{ status = error }', { ...window, spss: 500 });
      const sent = () => server.requests.filter((r) => r.path === '/api/search').map((r) => r.query.get('spss'));
      expect(sent()).toEqual(['500', '100']);
      expect(out.response.traces).toHaveLength(2);
      expect(out.notices.map((n) => n.text).join(' ')).toContain('at most 100 spans per spanset');
      await b.search('{ status = error }', { ...window, spss: 500 });
      expect(sent()).toEqual(['500', '100', '100']);
      await b.search('{ status = error }', { ...window, spss: 5 });
      expect(sent().pop()).toBe('5');
    } finally {
      await server.close();
    }
  });
});

describe('native pass-through and the engine agree sample for sample (Tempo 2.9+ time convention)', () => {
  // Spans of trace-v2.json and trace-v2-partial.json, by service and start (s): frontend 934.000
  // and 935.000, api-gateway 934.005 and 935.002, user-service 934.010, database 934.012.
  // Range [934 s, 935 s], step 1 s: samples at 934 s, holding (933, 934], and 935 s, holding
  // (934, 935]. Worked by hand, written as Tempo's jsonpb writes it (a zero value is left out).
  const q = '{} | count_over_time() by (resource.service.name)';
  const svc = (name: string) => [{ key: 'resource.service.name', value: { stringValue: name } }];
  const tempoAnswer = {
    series: [
      {
        labels: svc('database'),
        samples: [{ timestampMs: '1764092934000' }, { timestampMs: '1764092935000', value: 1 }],
      },
      {
        labels: svc('frontend'),
        samples: [
          { timestampMs: '1764092934000', value: 1 },
          { timestampMs: '1764092935000', value: 1 },
        ],
      },
      {
        labels: svc('user-service'),
        samples: [{ timestampMs: '1764092934000' }, { timestampMs: '1764092935000', value: 1 }],
      },
      {
        labels: svc('api-gateway'),
        samples: [{ timestampMs: '1764092934000' }, { timestampMs: '1764092935000', value: 1 }],
      },
    ],
    metrics: {},
  };
  const range = { start: 1764092934n * 1_000_000_000n, end: 1764092935n * 1_000_000_000n, step: 1e9 };
  const normalized = (series: ReadonlyArray<{ labels: readonly unknown[]; samples: readonly unknown[] }>) =>
    series.map((s) => JSON.stringify([s.labels, s.samples])).sort();

  it('gives the same series and samples whether Tempo or the engine answers', async () => {
    const server = await startFakeServer({
      '/api/status/buildinfo': json('buildinfo-3.0.json'),
      '/api/metrics/query_range': (req) =>
        req.query.get('q') === q && req.query.get('step') === '1s' && req.query.get('start') === String(range.start)
          ? { body: tempoAnswer }
          : { status: 400, body: 'unexpected request' },
    });
    try {
      const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
      const native = await b.metrics(q, range);
      const traces = [
        ...decodeTraces(JSON.parse(fixture('tempo', 'trace-v2.json'))),
        ...decodeTraces(JSON.parse(fixture('tempo', 'trace-v2-partial.json'))),
      ];
      const root = parseTraceQL(q);
      if (!root.ok) {
        throw new Error(root.error.message);
      }
      const engine = evaluateMetrics(root.value, traces, range);
      if (!engine.ok) {
        throw engine.error;
      }
      expect(normalized(engine.response.series)).toEqual(normalized(native.response.series));
    } finally {
      await server.close();
    }
  });
});
