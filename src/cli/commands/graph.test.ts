import fs from 'fs';
import path from 'path';

import { COUNTS_QUERY, HISTOGRAM_QUERY } from '../../core/analysis/serviceMetrics';
import { fixture } from '../../core/backends/testing/fixtures';
import { tracesOverTime } from '../../core/engine/testing/tracesOverTime';
import { fakeJaegerSearchRoutes } from '../../core/backends/testing/fakeJaegerSearch';
import { startFakeServer, type FakeServer } from '../../core/backends/testing/fakeServer';
import { fakeIO } from '../testing';
import { graphCommand } from './graph';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/traces/guide.jaeger-v1.json');
const files = { 'guide.json': fs.readFileSync(FIXTURE, 'utf8') };

interface Report {
  nodes: Array<{ id: string; kind: string; requests: number; errors: number }>;
  edges: Array<{ source: string; target: string; requests: number; errors: number; p50Ms: number | null }>;
}

/**
 * Ground truth straight from the Jaeger JSON, independent of the decoder and the analysis: per
 * (parent service, child service) pair, the child spans whose parent is in another service, and how
 * many of those carry an error tag.
 */
function truth(): Map<string, { requests: number; errors: number }> {
  const doc = JSON.parse(files['guide.json']) as {
    data: Array<{
      processes: Record<string, { serviceName: string }>;
      spans: Array<{
        spanID: string;
        processID: string;
        references?: Array<{ spanID: string; refType: string }>;
        tags?: Array<{ key: string; value: unknown }>;
      }>;
    }>;
  };
  const out = new Map<string, { requests: number; errors: number }>();
  for (const t of doc.data) {
    const svc = new Map(t.spans.map((s) => [s.spanID, t.processes[s.processID].serviceName]));
    for (const s of t.spans) {
      const parent = s.references?.find((r) => r.refType === 'CHILD_OF')?.spanID;
      const from = parent !== undefined ? svc.get(parent) : undefined;
      const to = t.processes[s.processID].serviceName;
      if (from !== undefined && from !== to) {
        const k = `${from}->${to}`;
        const v = out.get(k) ?? { requests: 0, errors: 0 };
        v.requests++;
        v.errors += s.tags?.some((x) => x.key === 'error' && x.value === true) ? 1 : 0;
        out.set(k, v);
      }
    }
  }
  return out;
}

async function run(argv: string[]) {
  const io = fakeIO(files);
  const code = await graphCommand.run(argv, io);
  return { code, io, report: code === 0 ? (JSON.parse(io.out()) as Report) : undefined };
}

describe('tracelens graph', () => {
  it('prints the calls with the same counts as the raw trace file says', async () => {
    const { code, io, report } = await run(['--traces', 'guide.json']);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ complete: true, tracesScanned: 4 });
    const got = new Map(
      report!.edges.map((e) => [`${e.source}->${e.target}`, { requests: e.requests, errors: e.errors }])
    );
    expect(got).toEqual(truth());
    for (const e of report!.edges) {
      expect(e.p50Ms).toBeGreaterThan(0);
    }
    expect(report!.nodes.every((n) => n.kind === 'service')).toBe(true);
  });

  it('adds the database named by db.system with --detail peers only when nobody instrumented it', async () => {
    const { report } = await run(['--traces', 'guide.json', '--detail', 'peers', '--compact']);
    // The guide's database is instrumented (its own server spans), so it stays a service, not a peer.
    expect(report!.nodes.find((n) => n.id === 'sqlite')).toBeUndefined();
    expect(report!.nodes.find((n) => n.id === 'database')?.kind).toBe('service');
  });

  it('cuts the graph to a focus neighbourhood', async () => {
    const { report } = await run(['--traces', 'guide.json', '--focus', 'auth-service', '--hops', '1']);
    expect(report!.edges.map((e) => `${e.source}->${e.target}`)).toEqual(['api-gateway->auth-service']);
  });

  it('exits 2 on usage errors', async () => {
    expect((await run(['--traces', 'guide.json', '--detail', 'everything'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['--traces', 'guide.json', '--focus', 'nope'])).io.err()).toMatch(/no service named "nope"/);
    expect((await run(['--traces', 'guide.json', '--dependencies'])).code).toBe(2);
  });

  it('exits 1 naming the cause when a live backend is unreachable', async () => {
    const { code, io } = await run(['--jaeger', 'http://127.0.0.1:9', '--timeout', '2s']);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/127\.0\.0\.1:9/);
  });
});

describe('tracelens graph over a live backend: the whole window (#17)', () => {
  const T0 = 1_704_067_200_000_000_000n;
  // 450 calls web -> api, one every 2 s over 15 minutes; every 9th failed. More than one search returns.
  const traces = tracesOverTime(450, T0, 2_000_000_000n, (i) => ({
    service: 'web',
    kind: 'server',
    children: [{ service: 'api', kind: 'server', status: i % 9 === 0 ? 'error' : 'unset' }],
  }));
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(fakeJaegerSearchRoutes(traces));
  });
  afterAll(() => server.close());
  const live = (extra: string[]) =>
    run(['--jaeger', server.url, '--start', '2024-01-01T00:00:00Z', '--end', '2024-01-01T00:20:00Z', ...extra]);

  it('counts every call in the window and says complete at the top level', async () => {
    const { code, io } = await live([]);
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: true, tracesScanned: 450, tracesAtLeast: 450 });
    expect(out.why).toBeUndefined();
    expect(out.edges).toEqual([expect.objectContaining({ source: 'web', target: 'api', requests: 450, errors: 50 })]);
    expect(io.err()).toMatch(/info: Complete: every trace in the window was read \(450 traces/);
  });

  it('with --max-traces below the window, says complete false, why and what it covered', async () => {
    const { code, io } = await live(['--max-traces', '120']);
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: false, tracesScanned: 120, why: { reason: 'budget' } });
    expect(out.edges[0].requests).toBe(120);
    expect(Array.isArray(out.covered)).toBe(true);
    expect(io.err()).toMatch(/warning: Counts are lower bounds: 120 traces read/);
  });

  it('rejects a budget that is not a positive whole number', async () => {
    expect((await live(['--max-traces', '0'])).code).toBe(2);
  });
});

describe('tracelens graph over a Tempo that runs TraceQL metrics (#17)', () => {
  const label = (key: string, v: string | number) => ({
    key,
    value: typeof v === 'string' ? { stringValue: v } : { doubleValue: v },
  });
  const metrics = { inspectedTraces: 512, completedJobs: 1, totalJobs: 1 };
  // Tempo's own counts for the window: the graph's nodes must carry them, not the scan's.
  const answers: Record<string, unknown> = {
    [COUNTS_QUERY]: {
      series: [
        { labels: [label('resource.service.name', 'checkout'), label('status', 'ok')], value: 570 },
        { labels: [label('resource.service.name', 'checkout'), label('status', 'error')], value: 30 },
      ],
      metrics,
    },
    [HISTOGRAM_QUERY]: {
      series: [{ labels: [label('resource.service.name', 'checkout'), label('__bucket', 0.004194304)], value: 600 }],
      metrics,
    },
  };
  let tempo: FakeServer;
  beforeAll(async () => {
    tempo = await startFakeServer({
      '/api/status/buildinfo': { body: fixture('tempo', 'buildinfo-3.0.json') },
      '/api/metrics/query': (req) => ({ body: answers[req.query.get('q') ?? ''] ?? { series: [] } }),
      '/api/search': { body: fixture('tempo', 'search-empty.json') },
    });
  });
  afterAll(() => tempo.close());

  it("prints Tempo's figures for the service nodes and says where they came from", async () => {
    const io = fakeIO({});
    const argv = ['--tempo', tempo.url, '--start', '2024-01-01T00:00:00Z', '--end', '2024-01-01T00:10:00Z'];
    expect(await graphCommand.run(argv, io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: true, source: 'traces', nodeFigures: 'server', edges: [] });
    expect(out.nodes).toEqual([
      expect.objectContaining({ id: 'checkout', requests: 600, errors: 30, requestRate: 1, avgMs: null }),
    ]);
    expect(io.err()).toMatch(/info: Service nodes: .* from Tempo's TraceQL metrics/);
  });
});
