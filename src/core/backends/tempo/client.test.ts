import { nodeTransport } from '../../transport/nodeTransport';
import { fixture } from '../testing/fixtures';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { TempoClient, toSeconds } from './client';
import { rejection } from '../../testing/rejection';

const json = (name: string) => ({ body: fixture('tempo', name), headers: { 'content-type': 'application/json' } });
const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARSE_ERROR =
  'invalid TraceQL query: parse error at line 1, col 3: syntax error: unexpected IDENTIFIER, expecting {';

describe('TempoClient (HTTP contract against documented shapes)', () => {
  let server: FakeServer;
  let client: TempoClient;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/status/buildinfo': json('buildinfo-3.0.json'),
      '/api/search': (req) => {
        const q = req.query.get('q') ?? '';
        if (q.startsWith('{ x')) {
          return { status: 400, body: PARSE_ERROR };
        }
        if (q === '{ .slow = true }') {
          return { delayMs: 60_000, ...json('search.json') };
        }
        if (q === '{ .busy = true }') {
          return { status: 429, body: 'job queue full' };
        }
        if (q === '{ .broken = true }') {
          return { status: 500, body: 'rpc error: code = Internal desc = failed to read block' };
        }
        if (q === '{ .truncated = true }') {
          return { body: fixture('tempo', 'search.json').slice(0, 200) };
        }
        return json('search.json');
      },
      [`/api/v2/traces/${TRACE_A}`]: json('trace-v2.json'),
      [`/api/v2/traces/${TRACE_B}`]: json('trace-v2-partial.json'),
      '/api/v2/search/tags': json('tags-v2.json'),
      '/api/v2/search/tag/resource.service.name/values': json('tag-values-v2.json'),
      '/api/metrics/query_range': json('query-range.json'),
      '/api/metrics/query': json('query-instant.json'),
    });
    client = new TempoClient(nodeTransport(server.url, { timeoutMs: 500 }));
  });
  afterAll(() => server.close());

  it('reads the version from buildinfo', async () => {
    expect(await client.detect()).toEqual({ version: 'v3.0.3', message: 'Tempo v3.0.3' });
  });

  it('searches with q, start/end in seconds, limit and spss, and normalises the response', async () => {
    const res = await client.search({
      q: '{ status = error }',
      start: 1_500_000_000n,
      end: 2_500_000_001n,
      limit: 5,
      spss: 2,
    });
    const q = server.requests[server.requests.length - 1].query;
    expect(Object.fromEntries(q)).toEqual({ q: '{ status = error }', start: '1', end: '3', limit: '5', spss: '2' });
    expect(res.traces).toHaveLength(1);
    expect(res.traces[0]).toMatchObject({ traceID: TRACE_A, rootServiceName: 'frontend', durationMs: 120 });
    expect(res.traces[0].spanSets[0].matched).toBe(3);
    expect(res.traces[0].spanSets[0].attributes).toEqual([]);
    expect(res.metrics.inspectedBytes).toBe('3811736');
  });

  it("passes Tempo's 400 message through with the status", async () => {
    const err = await rejection(client.search({ q: '{ x' }));
    expect(err).toMatchObject({ kind: 'http', status: 400 });
    expect(err.message).toContain(PARSE_ERROR);
  });

  it('reports 429, 500, truncated JSON and slow answers', async () => {
    expect(await rejection(client.search({ q: '{ .busy = true }' }))).toMatchObject({ kind: 'http', status: 429 });
    const e500 = await rejection(client.search({ q: '{ .broken = true }' }));
    expect(e500.message).toContain('failed to read block');
    const trunc = await rejection(client.search({ q: '{ .truncated = true }' }));
    expect(trunc.kind).toBe('malformed');
    expect(trunc.message).toContain('Tempo /api/search');
    const slow = await rejection(client.search({ q: '{ .slow = true }' }));
    expect(slow.kind).toBe('timeout');
  });

  it('cancels an in-flight search', async () => {
    const ac = new AbortController();
    const arrived = server.nextRequest('/api/search');
    const p = client.search({ q: '{ .slow = true }' }, ac.signal);
    await arrived;
    ac.abort();
    expect((await rejection(p)).kind).toBe('cancelled');
    await server.idle();
    expect(server.openRequests()).toBe(0);
  });

  it('fetches v2 traces with base64 ids and enum names, flagging PARTIAL', async () => {
    const a = await client.getTrace(TRACE_A);
    expect(a.traceId).toBe(TRACE_A);
    expect(a.spans).toHaveLength(4);
    expect(a.partial).toBeFalsy();
    const root = a.spans.find((s) => s.parentSpanId === '');
    expect(root).toMatchObject({ spanId: 'b7ad6b7169203331', kind: 'server', statusCode: 'error' });
    const b = await client.getTrace(TRACE_B);
    expect(b.partial).toBe(true);
    // regression #18: the client repeated the warning the decoder had already added.
    expect(b.warnings.filter((w) => w.includes('partial'))).toHaveLength(1);
  });

  it('reads tags by scope and tag values', async () => {
    const scopes = await client.tags();
    expect(scopes.map((s) => s.name)).toEqual(['resource', 'span', 'intrinsic']);
    const values = await client.tagValues('resource.service.name', '{ span.http.method = "GET" }');
    expect(values).toContainEqual({ type: 'string', value: 'frontend' });
    expect(server.requests[server.requests.length - 1].query.get('q')).toBe('{ span.http.method = "GET" }');
  });

  it('reads query_range with exemplars and instant queries', async () => {
    const range = await client.queryRange({
      q: '{} | rate() by (resource.service.name)',
      start: 1n,
      end: 2n,
      step: '1m',
    });
    expect(range.series).toHaveLength(2);
    expect(range.series[0].samples[2]).toEqual({ timestampMs: '1764093000000', value: 0 });
    expect(range.series[0].exemplars[0].labels[0]).toEqual({ key: 'trace:id', value: { stringValue: TRACE_A } });
    // Read into the engine's model: the series key is written as the engine writes it, and the
    // scan figures jsonpb left out are zero.
    expect(range.series.map((x) => x.promLabels)).toEqual([
      '{resource.service.name="api-gateway"}',
      '{resource.service.name="frontend"}',
    ]);
    expect(range.metrics).toEqual({
      inspectedTraces: 310,
      inspectedSpans: '0',
      inspectedBytes: '381173',
      totalBlocks: 2,
      completedJobs: 4,
      totalJobs: 4,
    });
    expect(server.requests[server.requests.length - 1].query.get('step')).toBe('1m');
    const inst = await client.queryInstant({ q: '{} | rate()', start: 1n, end: 2n });
    expect(inst.series.map((s) => s.value)).toEqual([42, 7.5]);
  });
});

describe('TempoClient against an older Tempo (v1 endpoints only)', () => {
  let server: FakeServer;
  let client: TempoClient;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/echo': { body: 'echo' },
      [`/api/traces/${TRACE_A}`]: json('trace-v1-batches.json'),
      '/api/search/tags': json('tags-v1.json'),
      '/api/search/tag/service.name/values': json('tag-values-v1.json'),
    });
    client = new TempoClient(nodeTransport(server.url));
  });
  afterAll(() => server.close());

  it('detects Tempo without buildinfo', async () => {
    expect((await client.detect()).message).toContain('version unknown');
  });

  it('falls back to /api/traces/{id} (batches) and reports a missing trace', async () => {
    const t = await client.getTrace(TRACE_A);
    expect(t.spans).toHaveLength(4);
    expect(server.requests.map((r) => r.path)).toContain(`/api/v2/traces/${TRACE_A}`);
    const err = await rejection(client.getTrace(TRACE_B));
    expect(err).toMatchObject({ kind: 'http', status: 404 });
    expect(err.message).toContain(`trace ${TRACE_B} was not found`);
  });

  it('falls back to v1 tags and tag values', async () => {
    expect((await client.tags())[0]).toMatchObject({ name: 'unscoped' });
    expect(await client.tagValues('resource.service.name')).toContainEqual({ type: 'string', value: 'database' });
  });
});

describe('TempoClient detection', () => {
  it('says when the server is not Tempo', async () => {
    const server = await startFakeServer({});
    try {
      const err = await rejection(new TempoClient(nodeTransport(server.url)).detect());
      expect(err.kind).toBe('unsupported');
      expect(err.message).toContain('not Tempo');
    } finally {
      await server.close();
    }
  });

  it('rounds windows outwards to seconds', () => {
    expect(toSeconds(1_999_999_999n, 'down')).toBe('1');
    expect(toSeconds(1_000_000_001n, 'up')).toBe('2');
  });
});
