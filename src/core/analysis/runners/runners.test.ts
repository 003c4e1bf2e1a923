import { TraceLensError } from '../../errors';
import { buildTrace } from '../../engine/testing/traceBuilder';
import type { Trace } from '../../model/types';
import type { Backend } from '../../backends';
import type { FetchOutcome } from '../../query';
import { latencySamplesFromTraces } from './latency';
import { runSampling, toJaegerStrategy } from './sampling';

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

function fakeBackend(
  outcome: FetchOutcome,
  strategy: (service: string) => Promise<unknown>,
  samplingStrategies = true
): Backend {
  return {
    kind: 'jaeger',
    label: 'Jaeger',
    features: { dependencies: true, samplingStrategies },
    fetchTraces: async () => outcome,
    samplingStrategy: strategy,
  } as unknown as Backend;
}

describe('runSampling', () => {
  const window = { start: 0n, end: 60_000_000_000n };
  const outcome: FetchOutcome = {
    traces,
    notices: [],
    stats: { tracesFetched: 3, tracesMatched: 3, bytesFetched: 9000, requests: 2, bounded: false },
  };

  it('combines Jaeger strategies with the fetched traces', async () => {
    const run = await runSampling(
      fakeBackend(outcome, async (service) => ({
        service,
        strategyType: 'PROBABILISTIC',
        samplingRate: 0.5,
        operations: [],
      })),
      window
    );
    expect(run.windowSeconds).toBe(60);
    expect(run.rows).toHaveLength(1);
    expect(run.rows[0]).toMatchObject({
      service: 'frontend',
      sampler: 'strategy',
      estimatedRequests: 6,
      bytesPerSpan: 1000,
    });
    expect(run.sources).toContain('Jaeger remote-sampling strategies');
  });

  it('asks for strategies only where the backend says it serves them, whatever its name', async () => {
    const strategy = jest.fn(async () => ({ strategyType: 'PROBABILISTIC', samplingRate: 0.5, operations: [] }));
    const run = await runSampling(fakeBackend(outcome, strategy, false), window);
    expect(strategy).not.toHaveBeenCalled();
    expect(run.sources).toEqual(['root spans (tracestate, sampler tags)']);
    expect(run.notices).toEqual([]);
  });

  it('reports an unreachable sampling endpoint as a notice and estimates nothing it cannot know', async () => {
    const run = await runSampling(
      fakeBackend(outcome, async () => {
        throw new TraceLensError('unreachable', 'connect ECONNREFUSED 127.0.0.1:5778');
      }),
      window
    );
    expect(run.rows[0]).toMatchObject({ sampler: 'unknown', estimatedRequests: null });
    expect(run.notices[0].text).toMatch(/ECONNREFUSED/);
  });

  it('warns when the fetch was bounded', async () => {
    const run = await runSampling(
      fakeBackend({ ...outcome, stats: { ...outcome.stats, bounded: true } }, async (service) => ({
        service,
        strategyType: 'PROBABILISTIC',
        samplingRate: 1,
        operations: [],
      })),
      window
    );
    expect(run.notices.some((n) => /search limit/.test(n.text))).toBe(true);
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
