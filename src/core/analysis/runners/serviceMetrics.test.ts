import type { InstantMetricsOutcome } from '../../query';
import { evaluateMetricsInstant } from '../../engine';
import { tracesOverTime } from '../../engine/testing/tracesOverTime';
import { parseQuery } from '../../query/common';
import { runServiceMetrics } from './serviceMetrics';
import { fakeScanBackend } from './testing/fakeScanBackend';

const T0 = 1_704_067_200_000_000_000n;
const SECOND = 1_000_000_000n;
const window = { start: T0, end: T0 + 60n * SECOND };

/**
 * 40 traces a second apart from T0 - 5 s (the first five start before the window): frontend's
 * server span calls api (client span, then api's server span). Every third api call fails; every
 * tenth trace's api runs in namespace `shop`. Counted by hand for the 35 traces in the window
 * (i = 5..39): frontend 35 requests; shop/api at i = 9, 19, 29, 39 (failing at 9, 39); api the
 * other 31, failing at i % 3 == 0 (6, 12, 15, 18, 21, 24, 27, 30, 33, 36): 10 errors.
 */
const traces = tracesOverTime(40, T0 - 5n * SECOND, SECOND, (i) => ({
  service: 'frontend',
  kind: 'server',
  durationNanos: 8_000_000,
  children: [
    {
      kind: 'client',
      durationNanos: 5_000_000,
      children: [
        {
          service: 'api',
          kind: 'server',
          durationNanos: i % 2 === 0 ? 1_000_000 : 3_000_000,
          status: i % 3 === 0 ? 'error' : 'ok',
          resourceAttributes: i % 10 === 9 ? { 'service.namespace': 'shop' } : undefined,
        },
      ],
    },
  ],
}));

/** A server that runs TraceQL metrics itself: the engine over every trace at once, unbounded. */
function metricsServer(opts: { bounded?: boolean; completedJobs?: number } = {}) {
  const asked: string[] = [];
  const metricsInstant = async (q: string, w: { start: bigint; end: bigint }): Promise<InstantMetricsOutcome> => {
    asked.push(q);
    const r = evaluateMetricsInstant(parseQuery(q), traces, w);
    if (!r.ok) {
      throw r.error;
    }
    const metrics = {
      ...r.response.metrics,
      inspectedTraces: 35,
      completedJobs: opts.completedJobs ?? 1,
      totalJobs: 1,
    };
    return {
      response: { ...r.response, metrics },
      notices: [],
      stats: { tracesFetched: 0, tracesMatched: 0, bytesFetched: 100, requests: 1, bounded: opts.bounded ?? false },
    };
  };
  const base = fakeScanBackend(traces);
  return { asked, backend: { ...base, features: { ...base.features, traceqlMetrics: true }, metricsInstant } };
}

const noMetrics = () => Promise.reject(new Error('this backend runs no TraceQL metrics'));

describe('runServiceMetrics', () => {
  it('reads the whole window through the scan and counts every server span in it', async () => {
    const backend = { ...fakeScanBackend(traces), metricsInstant: noMetrics };
    const run = await runServiceMetrics(backend, window, { sliceLimit: 4 });
    expect(run.completeness).toMatchObject({ complete: true, tracesScanned: 35 });
    expect(backend.slices.calls).toBeGreaterThan(9);
    expect(run.metrics.source).toBe('traces');
    const byId = Object.fromEntries(run.metrics.services.map((s) => [s.id, s]));
    expect(Object.keys(byId)).toEqual(['api', 'frontend', 'shop/api']);
    expect(byId.frontend).toMatchObject({ requests: 35, errors: 0 });
    expect(byId.api).toMatchObject({ requests: 31, errors: 10 });
    expect(byId.api.namespace).toBeUndefined();
    expect(byId['shop/api']).toMatchObject({ requests: 4, errors: 2, namespace: 'shop', service: 'api' });
    expect(byId.frontend.requestRate).toBeCloseTo(35 / 60, 12);
    // 8 ms is inside the bucket bounded by 2^23 ns; all 35 there, so p99 is its bound.
    expect(byId.frontend.p99Ms).toBeCloseTo(8.388608, 9);
  });

  it('says the figures are lower bounds when the trace budget stops the scan', async () => {
    const backend = { ...fakeScanBackend(traces), metricsInstant: noMetrics };
    const run = await runServiceMetrics(backend, window, { sliceLimit: 4, maxTraces: 10 });
    expect(run.completeness.complete).toBe(false);
    expect(run.completeness.why?.reason).toBe('budget');
    expect(run.metrics.services.find((s) => s.id === 'frontend')?.requests).toBe(10);
    expect(run.notices.at(-1)?.severity).toBe('warning');
  });

  it('takes the server’s own aggregates when it ran them over every span, with no trace read', async () => {
    const { asked, backend } = metricsServer();
    const run = await runServiceMetrics(backend, window);
    expect(asked).toHaveLength(2);
    expect(backend.slices.calls).toBe(0);
    expect(run.metrics.source).toBe('server');
    expect(run.completeness).toMatchObject({ complete: true, tracesScanned: 35, requests: 2, bytes: 200 });
    const scanned = await runServiceMetrics({ ...fakeScanBackend(traces), metricsInstant: noMetrics }, window, {
      sliceLimit: 4,
    });
    // Sums per trace equal the server's sums over all of them: the two routes agree exactly.
    expect(run.metrics.services).toEqual(scanned.metrics.services);
  });

  it('scans instead when the server’s answer was bounded, and says so', async () => {
    const { backend } = metricsServer({ bounded: true });
    const run = await runServiceMetrics(backend, window, { sliceLimit: 4 });
    expect(backend.slices.calls).toBeGreaterThan(0);
    expect(run.metrics.source).toBe('traces');
    expect(run.completeness.complete).toBe(true);
    expect(run.notices[0].text).toMatch(/could not run these metrics over every span/);
  });

  it('marks a partial server answer incomplete, naming the backend', async () => {
    const { backend } = metricsServer({ completedJobs: 0 });
    const run = await runServiceMetrics(backend, window);
    expect(run.completeness).toMatchObject({ complete: false, covered: [] });
    expect(run.completeness.why).toEqual({
      reason: 'backend-error',
      message: 'Fake answered in part (0 of 1 jobs answered)',
    });
  });
});
