import { TraceLensError } from '../../errors';
import { buildTrace } from '../../engine/testing/traceBuilder';
import { tracesOverTime } from '../../engine/testing/tracesOverTime';
import type { Trace } from '../../model/types';
import { runServiceGraph } from './graph';
import { latencySamplesFromTraces, runLatency } from './latency';
import { runSampling, toJaegerStrategy } from './sampling';
import { fakeScanBackend } from './testing/fakeScanBackend';

const traces: Trace[] = [1, 2, 3].map((seq) =>
  buildTrace({
    seq,
    root: {
      service: 'frontend',
      name: 'GET /',
      kind: 'server',
      durationNanos: 10e6 * seq,
      children: [
        {
          service: 'api-gateway',
          name: 'GET /users',
          kind: 'server',
          durationNanos: 5e6 * seq,
          status: seq === 3 ? 'error' : 'unset',
        },
        { service: 'frontend', name: 'render', durationNanos: 1e6 },
      ],
    },
  })
);

describe('latencySamplesFromTraces', () => {
  it('takes exactly the spans the filter matches', () => {
    const samples = latencySamplesFromTraces('{ kind = server }', traces, 'span');
    expect(samples).toHaveLength(6);
    expect(samples.every((s) => s.attributes.kind === 'server')).toBe(true);
    const errors = latencySamplesFromTraces('{ status = error }', traces, 'span');
    expect(errors.map((s) => s.durationNs)).toEqual([15e6]);
  });

  it('gives one sample per matching trace for trace latency', () => {
    const samples = latencySamplesFromTraces('{ status = error }', traces, 'trace');
    expect(samples).toHaveLength(1);
    expect(samples[0].durationNs).toBe(30e6);
  });

  it('treats an empty query as every span, and rejects metrics queries and bad syntax with positions', () => {
    expect(latencySamplesFromTraces('', traces, 'span')).toHaveLength(9);
    expect(() => latencySamplesFromTraces('{ } | rate()', traces, 'span')).toThrow(/not a metrics query/);
    expect(() => latencySamplesFromTraces('{ kind = }', traces, 'span')).toThrow(/line 1, column/);
  });
});

const T0 = 1_704_067_200_000_000_000n; // 2024-01-01T00:00:00Z, where buildTrace puts traces
const MINUTE = 60_000_000_000n;
const window = { start: T0 - MINUTE, end: T0 + 10n * MINUTE };

/** `n` request-path traces one second apart, every `failEvery`th with a failed api-gateway span. */
function requests(n: number, failEvery = 7): Trace[] {
  return tracesOverTime(
    n,
    T0,
    1_000_000_000n,
    (i) => ({
      service: 'frontend',
      name: 'GET /',
      kind: 'server',
      durationNanos: 10e6,
      children: [
        {
          service: 'api-gateway',
          name: 'GET /users',
          kind: 'server',
          durationNanos: 5e6,
          status: i % failEvery === 0 ? 'error' : 'unset',
        },
      ],
    }),
    1000
  );
}

describe('runServiceGraph', () => {
  it('counts every call in the window however many searches it takes, and says it is complete', async () => {
    const backend = fakeScanBackend(requests(300));
    const run = await runServiceGraph(backend, window, { sliceLimit: 20 });
    expect(run.graph.edges.map((e) => [e.id, e.requests, e.errors])).toEqual([['frontend->api-gateway', 300, 43]]);
    expect(run.completeness).toMatchObject({ complete: true, tracesScanned: 300, tracesAtLeast: 300 });
    expect(backend.slices.calls).toBeGreaterThan(15);
    expect(run.notices[run.notices.length - 1]).toMatchObject({
      severity: 'info',
      text: expect.stringMatching(/^Complete/),
    });
  });

  it('stops at the budget and says the counts are lower bounds (regression #17: 112 of 288 calls)', async () => {
    const run = await runServiceGraph(fakeScanBackend(requests(300)), window, { sliceLimit: 20, maxTraces: 100 });
    expect(run.graph.edges[0].requests).toBe(100);
    expect(run.completeness).toMatchObject({ complete: false, tracesScanned: 100, why: { reason: 'budget' } });
    expect(run.notices[run.notices.length - 1]).toMatchObject({
      severity: 'warning',
      text: expect.stringMatching(/^Counts are lower bounds: 100 traces read/),
    });
  });

  it('builds the graph from the traces the query matches, checked by the engine', async () => {
    const run = await runServiceGraph(fakeScanBackend(requests(300)), window, {
      sliceLimit: 20,
      query: '{ status = error }',
    });
    expect(run.graph.edges.map((e) => [e.id, e.requests, e.errors])).toEqual([['frontend->api-gateway', 43, 43]]);
    expect(run.completeness.tracesScanned).toBe(300);
  });

  it('reports progress with snapshots that grow to the final graph', async () => {
    const seen: number[] = [];
    const run = await runServiceGraph(fakeScanBackend(requests(300)), window, {
      sliceLimit: 20,
      onProgress: (p) => seen.push(p.snapshot().edges[0]?.requests ?? 0),
    });
    expect(seen.length).toBeGreaterThan(5);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(seen[seen.length - 1]).toBe(run.graph.edges[0].requests);
  });

  it('rejects a metrics query', async () => {
    await expect(runServiceGraph(fakeScanBackend([]), window, { query: '{ } | rate()' })).rejects.toThrow(
      /not a metrics query/
    );
  });
});

describe('runLatency', () => {
  it('gives one sample per matched span of every trace in the window', async () => {
    const run = await runLatency(fakeScanBackend(requests(300)), '{ kind = server }', window, 'span', {
      sliceLimit: 25,
    });
    expect(run.samples).toHaveLength(600);
    expect(run.completeness.complete).toBe(true);
    const errors = await runLatency(fakeScanBackend(requests(300)), '{ status = error }', window, 'trace', {
      sliceLimit: 25,
    });
    expect(errors.samples).toHaveLength(43);
  });
});

describe('runSampling', () => {
  const strategy = (rate: number) => async (service: string) => ({
    service,
    strategyType: 'PROBABILISTIC' as const,
    samplingRate: rate,
    operations: [],
  });

  it('estimates from every root in the window with the strategy served for the service', async () => {
    const backend = fakeScanBackend(requests(300), { strategies: strategy(0.5), bytesPerTrace: 2000 });
    const run = await runSampling(backend, window, { sliceLimit: 20 });
    expect(run.windowSeconds).toBe(660);
    expect(run.rows).toHaveLength(1);
    expect(run.rows[0]).toMatchObject({
      service: 'frontend',
      sampler: 'strategy',
      storedTraces: 300,
      estimatedRequests: 600,
      errorTraces: 0,
    });
    // Bytes per span are measured over what was read (a few traces are read twice across cuts).
    expect(run.rows[0].bytesPerSpan).toBeGreaterThanOrEqual(1000);
    expect(run.rows[0].bytesPerSpan).toBeLessThan(1500);
    expect(run.completeness.complete).toBe(true);
    expect(run.sources).toContain('Fake remote-sampling strategies');
  });

  it('asks for strategies only where the backend says it serves them, whatever its name', async () => {
    const backend = fakeScanBackend(traces);
    const asked = jest.spyOn(backend, 'samplingStrategy');
    const run = await runSampling(backend, window);
    expect(asked).not.toHaveBeenCalled();
    expect(run.sources).toEqual(['root spans (tracestate, sampler tags)']);
  });

  it('reports an unreachable sampling endpoint as a notice and estimates nothing it cannot know', async () => {
    const run = await runSampling(
      fakeScanBackend(traces, {
        strategies: async () => {
          throw new TraceLensError('unreachable', 'connect ECONNREFUSED 127.0.0.1:5778');
        },
      }),
      window
    );
    expect(run.rows[0]).toMatchObject({ sampler: 'unknown', estimatedRequests: null });
    expect(run.notices.some((n) => /ECONNREFUSED/.test(n.text))).toBe(true);
  });

  it('says when the counts are lower bounds', async () => {
    const run = await runSampling(fakeScanBackend(requests(300), { strategies: strategy(1) }), window, {
      sliceLimit: 20,
      maxTraces: 50,
    });
    expect(run.rows[0].storedTraces).toBe(50);
    expect(run.completeness).toMatchObject({ complete: false, why: { reason: 'budget' } });
    expect(run.notices.some((n) => n.severity === 'warning' && /lower bounds/.test(n.text))).toBe(true);
  });

  it('maps per-operation strategies', () => {
    expect(
      toJaegerStrategy({
        service: 's',
        strategyType: 'PROBABILISTIC',
        samplingRate: 0.1,
        operations: [{ operation: 'op', samplingRate: 1 }],
      })
    ).toEqual({
      strategyType: 'PROBABILISTIC',
      probabilisticSampling: { samplingRate: 0.1 },
      rateLimitingSampling: undefined,
      operationSampling: {
        defaultSamplingProbability: 0.1,
        perOperationStrategies: [{ operation: 'op', probabilisticSampling: { samplingRate: 1 } }],
      },
    });
  });
});
