import { runServiceGraphWithServerNodes, runServiceMetrics } from '../../analysis/runners';
import { COUNTS_QUERY, HISTOGRAM_QUERY } from '../../analysis/serviceMetrics';
import { nodeTransport } from '../../transport/nodeTransport';
import { fixture } from '../testing/fixtures';
import { startFakeServer, type FakeServer } from '../testing/fakeServer';
import { createBackend } from '../registry';

const T0 = 1764092934000000000n;
const window = { start: T0 - 600_000_000_000n, end: T0 };
const label = (key: string, v: string | number) => ({
  key,
  value: typeof v === 'string' ? { stringValue: v } : { doubleValue: v },
});

/** Instant answers in Tempo's shape, with figures made up for this test. */
const ANSWERS: Record<string, unknown> = {
  [COUNTS_QUERY]: {
    series: [
      { labels: [label('resource.service.name', 'checkout'), label('status', 'ok')], value: 570 },
      { labels: [label('resource.service.name', 'checkout'), label('status', 'error')], value: 30 },
    ],
    metrics: { inspectedTraces: 512, completedJobs: 4, totalJobs: 4 },
  },
  [HISTOGRAM_QUERY]: {
    series: [
      { labels: [label('resource.service.name', 'checkout'), label('__bucket', 0.004194304)], value: 300 },
      { labels: [label('resource.service.name', 'checkout'), label('__bucket', 0.008388608)], value: 300 },
    ],
    metrics: { inspectedTraces: 512, completedJobs: 4, totalJobs: 4 },
  },
};

describe('per-service figures on a current Tempo', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer({
      '/api/status/buildinfo': { body: fixture('tempo', 'buildinfo-3.0.json') },
      '/api/metrics/query': (req) => ({ body: ANSWERS[req.query.get('q') ?? ''] ?? { series: [] } }),
      // The window's traces, for the graph's edges: none here, so every node figure is Tempo's.
      '/api/search': { body: fixture('tempo', 'search-empty.json') },
    });
  });
  afterAll(() => server.close());

  it('asks Tempo to aggregate every span in the window and reads no trace', async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const run = await runServiceMetrics(b, window);
    const asked = server.requests.filter((r) => r.path === '/api/metrics/query').map((r) => r.query.get('q'));
    expect(asked.sort()).toEqual([COUNTS_QUERY, HISTOGRAM_QUERY].sort());
    expect(server.requests.some((r) => r.path === '/api/search' || r.path.startsWith('/api/v2/traces'))).toBe(false);
    expect(run.metrics.source).toBe('server');
    expect(run.completeness).toMatchObject({ complete: true, tracesScanned: 512 });
    const [checkout] = run.metrics.services;
    expect(checkout).toMatchObject({ id: 'checkout', requests: 600, errors: 30, requestRate: 1, errorRate: 0.05 });
    // Rank 300 of 600 is the top of the first bucket; rank 570 and 594 interpolate in the second.
    expect(checkout.p50Ms).toBeCloseTo(4.194304, 9);
    expect(checkout.p95Ms).toBeCloseTo(4.194304 * 2 ** (270 / 300), 9);
  });

  it("gives the service graph's nodes Tempo's aggregates, with the scan for edges beside them (#17)", async () => {
    const b = createBackend({ kind: 'tempo', transport: nodeTransport(server.url) });
    const run = await runServiceGraphWithServerNodes(b, window);
    expect(server.requests.some((r) => r.path === '/api/search')).toBe(true);
    expect(run.completeness).toMatchObject({ complete: true, tracesScanned: 0 });
    expect(run.graph).toMatchObject({ nodeFigures: 'server', edges: [] });
    expect(run.graph.nodes).toEqual([
      expect.objectContaining({ id: 'checkout', kind: 'service', requests: 600, errors: 30, requestRate: 1 }),
    ]);
    expect(run.notices[0].text).toMatch(/^Service nodes: .* from Tempo's TraceQL metrics over every span/);
  });
});
