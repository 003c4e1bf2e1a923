import type { InstantMetricsOutcome } from '../../query';
import { evaluateMetricsInstant } from '../../engine';
import { tracesOverTime } from '../../engine/testing/tracesOverTime';
import { parseQuery } from '../../query/common';
import { runServiceGraphWithServerNodes } from './graphWithServerNodes';
import { fakeScanBackend } from './testing/fakeScanBackend';

const T0 = 1_704_067_200_000_000_000n;
const SECOND = 1_000_000_000n;
const window = { start: T0, end: T0 + 60n * SECOND };

/**
 * 35 traces a second apart in the window: frontend's server span calls api through a client span;
 * every third api call fails (i = 0, 3, ..., 33: 12 of 35). api's server span takes 2 ms.
 */
const traces = tracesOverTime(35, T0, SECOND, (i) => ({
  service: 'frontend',
  kind: 'server',
  durationNanos: 8_000_000,
  children: [
    {
      kind: 'client',
      durationNanos: 5_000_000,
      children: [{ service: 'api', kind: 'server', durationNanos: 2_000_000, status: i % 3 === 0 ? 'error' : 'ok' }],
    },
  ],
}));

type Answer = 'every-span' | 'bounded' | 'partial' | 'fails';

/** A Tempo-like backend: the scan over the traces, and TraceQL metrics over all of them at once. */
function tempoLike(answer: Answer = 'every-span') {
  const asked: string[] = [];
  const metricsInstant = async (q: string, w: { start: bigint; end: bigint }): Promise<InstantMetricsOutcome> => {
    asked.push(q);
    if (answer === 'fails') {
      throw new Error('HTTP 500 from /api/metrics/query');
    }
    const r = evaluateMetricsInstant(parseQuery(q), traces, w);
    if (!r.ok) {
      throw r.error;
    }
    const metrics = {
      ...r.response.metrics,
      inspectedTraces: 35,
      completedJobs: answer === 'partial' ? 0 : 1,
      totalJobs: 1,
    };
    return {
      response: { ...r.response, metrics },
      notices: [],
      stats: { tracesFetched: 0, tracesMatched: 0, bytesFetched: 100, requests: 1, bounded: answer === 'bounded' },
    };
  };
  const base = fakeScanBackend(traces);
  return { asked, backend: { ...base, features: { ...base.features, traceqlMetrics: true }, metricsInstant } };
}

describe('runServiceGraphWithServerNodes', () => {
  it('takes node figures from the server’s aggregates, exact even when the trace budget stops the scan', async () => {
    const { asked, backend } = tempoLike();
    const run = await runServiceGraphWithServerNodes(backend, window, { sliceLimit: 4, maxTraces: 10 });
    expect(asked).toHaveLength(2);
    expect(run.completeness).toMatchObject({ complete: false, tracesScanned: 10 });
    expect(run.graph.nodeFigures).toBe('server');
    const node = Object.fromEntries(run.graph.nodes.map((n) => [n.id, n]));
    // Every server span in the window, not the 10 traces the budget allowed.
    expect(node.frontend).toMatchObject({ requests: 35, errors: 0, avgMs: null });
    expect(node.api).toMatchObject({ requests: 35, errors: 12 });
    expect(node.api.requestRate).toBeCloseTo(35 / 60, 12);
    // 2 ms lies in the bucket bounded by 2^21 ns.
    expect(node.api.p99Ms).toBeCloseTo(2.097152, 9);
    // The edge is the scan's: a lower bound here, and it says so through completeness.
    expect(run.graph.edges).toHaveLength(1);
    expect(run.graph.edges[0]).toMatchObject({ source: 'frontend', target: 'api', requests: 10 });
    expect(run.notices[0]).toEqual({
      severity: 'info',
      text:
        "Service nodes: requests, errors and p50/p95/p99 of their server spans, from Fake's TraceQL metrics over " +
        'every span in the window (exact); calls between services from the traces read.',
    });
    expect(run.notices.at(-1)?.severity).toBe('warning');
  });

  it('puts the server’s node figures into partial graphs too', async () => {
    const { backend } = tempoLike();
    const partial: Array<{ scanned: number; requests: number }> = [];
    await runServiceGraphWithServerNodes(backend, window, {
      sliceLimit: 4,
      onProgress: (p) =>
        partial.push({
          scanned: p.completeness.tracesScanned,
          requests: p.snapshot().nodes.find((n) => n.id === 'frontend')?.requests ?? -1,
        }),
    });
    // Once the server has answered, a graph of a few traces already shows all 35 requests.
    expect(partial.some((p) => p.scanned < 35 && p.requests === 35)).toBe(true);
  });

  it('asks the server nothing for a filtered graph: its aggregates cannot be filtered', async () => {
    const { asked, backend } = tempoLike();
    const run = await runServiceGraphWithServerNodes(backend, window, { sliceLimit: 4, query: '{ status = error }' });
    expect(asked).toHaveLength(0);
    expect(run.graph.nodeFigures).toBeUndefined();
    expect(run.graph.nodes.find((n) => n.id === 'api')).toMatchObject({ requests: 12, errors: 12 });
  });

  it.each([
    ['bounded', 'info', /^Fake could not run TraceQL metrics over every span itself, so node figures/],
    ['partial', 'warning', /^Fake answered in part \(0 of 1 jobs answered\), so node figures/],
    ['fails', 'warning', /^Fake's TraceQL metrics failed \(HTTP 500 from \/api\/metrics\/query\), so node figures/],
  ] as const)(
    'keeps the traces’ node figures when the server’s answer is %s, and says why',
    async (answer, severity, text) => {
      const { backend } = tempoLike(answer);
      const run = await runServiceGraphWithServerNodes(backend, window, { sliceLimit: 4, maxTraces: 10 });
      expect(run.graph.nodeFigures).toBeUndefined();
      expect(run.graph.nodes.find((n) => n.id === 'frontend')?.requests).toBe(10);
      expect(run.notices[0].severity).toBe(severity);
      expect(run.notices[0].text).toMatch(text);
    }
  );
});
