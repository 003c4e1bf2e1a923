import { seededRandom } from '../../seededRandom';
import { buildTrace } from '../../engine/testing/traceBuilder';
import type { AttributeValue, Trace } from '../../model/types';
import { WholeDouble } from '../../model/wholeDouble';
import { estimateSampling } from './estimate';
import { SamplingFold, rootOf } from './samplingFold';
import { samplerOfRoot, strategyProbability } from './sampler';

function trace(
  seq: number,
  service: string,
  opts: {
    traceState?: string;
    attributes?: Record<string, AttributeValue>;
    error?: boolean;
    rootError?: boolean;
    name?: string;
    namespace?: string;
  } = {}
): Trace {
  return buildTrace({
    seq,
    root: {
      service,
      name: opts.name ?? 'GET /',
      kind: 'server',
      status: opts.rootError ? 'error' : 'unset',
      resourceAttributes: opts.namespace ? { 'service.namespace': opts.namespace } : undefined,
      traceState: opts.traceState,
      attributes: opts.attributes,
      children: [{ service: 'db', name: 'query', status: opts.error ? 'error' : 'unset' }],
    },
  });
}

describe('samplerOfRoot', () => {
  const root = (t: Trace) => rootOf(t)!;

  it('prefers the exact tracestate threshold', () => {
    const s = samplerOfRoot(
      root(trace(1, 'a', { traceState: 'ot=th:c', attributes: { 'sampler.type': 'const', 'sampler.param': 1 } }))
    );
    expect(s).toMatchObject({ kind: 'tracestate', probability: 0.25 });
  });

  it('reads Jaeger client tags in both spellings, with string params', () => {
    expect(
      samplerOfRoot(root(trace(1, 'a', { attributes: { 'sampler.type': 'probabilistic', 'sampler.param': 0.1 } })))
    ).toMatchObject({
      kind: 'jaeger-tags',
      probability: 0.1,
    });
    expect(
      samplerOfRoot(
        root(trace(1, 'a', { attributes: { 'jaeger.sampler.type': 'probabilistic', 'jaeger.sampler.param': '0.5' } }))
      )
    ).toMatchObject({
      probability: 0.5,
    });
    // Jaeger writes sampler.param as float64, so a probability of 1 arrives as a whole double.
    expect(
      samplerOfRoot(
        root(trace(1, 'a', { attributes: { 'sampler.type': 'probabilistic', 'sampler.param': new WholeDouble(1) } }))
      )
    ).toMatchObject({ kind: 'jaeger-tags', probability: 1 });
    expect(
      samplerOfRoot(root(trace(1, 'a', { attributes: { 'sampler.type': 'ratelimiting', 'sampler.param': 2 } })))
    ).toMatchObject({
      kind: 'rate-limited',
      probability: null,
    });
  });

  it('uses the Jaeger strategy for the service, per operation where one is set', () => {
    const strategy = {
      strategyType: 'PROBABILISTIC',
      probabilisticSampling: { samplingRate: 0.2 },
      operationSampling: {
        defaultSamplingProbability: 0.2,
        perOperationStrategies: [{ operation: 'GET /slow', probabilisticSampling: { samplingRate: 1 } }],
      },
    };
    expect(samplerOfRoot(root(trace(1, 'a')), strategy)).toMatchObject({ kind: 'strategy', probability: 0.2 });
    expect(samplerOfRoot(root(trace(1, 'a', { name: 'GET /slow' })), strategy)).toMatchObject({
      kind: 'strategy',
      probability: 1,
    });
    expect(
      strategyProbability({ strategyType: 'RATE_LIMITING', rateLimitingSampling: { maxTracesPerSecond: 5 } }, 'x').kind
    ).toBe('rate-limited');
  });

  it('says unknown, with the reason, rather than assuming 1', () => {
    expect(samplerOfRoot(root(trace(1, 'a')))).toMatchObject({ kind: 'unknown', probability: null });
    expect(samplerOfRoot(root(trace(1, 'a', { traceState: 'ot=th:xyz' }))).detail).toContain(
      'invalid sampling threshold'
    );
  });
});

describe('estimateSampling', () => {
  it('extrapolates real traffic as Σ 1/p, with spans per trace and error share', () => {
    const traces = [1, 2, 3, 4].map((i) => trace(i, 'frontend', { traceState: 'ot=th:c', rootError: i === 1 }));
    const [row] = estimateSampling({ traces, windowSeconds: 10, bytesFetched: 8000 });
    expect(row).toMatchObject({
      service: 'frontend',
      sampler: 'tracestate',
      storedTraces: 4,
      storedSpans: 8,
      spansPerTrace: 2,
      estimatedRequests: 16,
      estimatedRequestsPerSecond: 1.6,
      effectiveRate: 0.25,
      probability: 0.25,
      errorTraces: 1,
      errorRate: 0.25,
      bytesPerSpan: 1000,
    });
    const [lo, hi] = row.estimatedRequestsInterval!;
    expect(lo).toBeGreaterThanOrEqual(4);
    expect(hi).toBeGreaterThan(16);
  });

  it('refuses to estimate rate-limited or unknown samplers, and says why', () => {
    const traces = [
      trace(1, 'api', { attributes: { 'sampler.type': 'ratelimiting', 'sampler.param': 1 } }),
      trace(2, 'web'),
    ];
    const rows = estimateSampling({ traces, windowSeconds: 60 });
    expect(rows.map((r) => [r.service, r.sampler, r.estimatedRequests])).toEqual([
      ['api', 'rate-limited', null],
      ['web', 'unknown', null],
    ]);
    expect(rows[0].notes[0]).toMatch(/Rate-limited/);
    expect(rows[1].notes[0]).toMatch(/no sampling probability/);
  });

  it('counts a request as failed when its root span failed, not when an inner span did (the graph definition)', () => {
    const traces = [
      trace(1, 'api', { traceState: 'ot=th:0', error: true }),
      trace(2, 'api', { traceState: 'ot=th:0', rootError: true }),
      trace(3, 'api', { traceState: 'ot=th:0' }),
      trace(4, 'api', { traceState: 'ot=th:0' }),
    ];
    expect(estimateSampling({ traces, windowSeconds: 1 })[0]).toMatchObject({ errorTraces: 1, errorRate: 0.25 });
  });

  it('weights the error share by 1/p, so it is the share among real requests', () => {
    // One failed request kept at p = 1/4 stands for 4; three fine ones kept at p = 1 stand for 3.
    const traces = [
      trace(1, 'api', { traceState: 'ot=th:c', rootError: true }),
      trace(2, 'api', { traceState: 'ot=th:0' }),
      trace(3, 'api', { traceState: 'ot=th:0' }),
      trace(4, 'api', { traceState: 'ot=th:0' }),
    ];
    const [row] = estimateSampling({ traces, windowSeconds: 1 });
    expect(row.estimatedRequests).toBe(7);
    expect(row.errorRate).toBeCloseTo(4 / 7, 12);
  });

  it("uses a Jaeger strategy for the only deployment of that name, never for another's (regression #17)", () => {
    const strategies = new Map([
      ['frontend', { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.5 } }],
    ]);
    const demo = [1, 2].map((i) => trace(i, 'frontend', { namespace: 'tracelens-demo' }));
    const hotrod = [3, 4, 5].map((i) => trace(i, 'frontend'));
    const alone = estimateSampling({ traces: demo, windowSeconds: 1, strategies });
    expect(alone[0]).toMatchObject({ service: 'tracelens-demo/frontend', sampler: 'strategy', estimatedRequests: 4 });
    const both = estimateSampling({ traces: [...demo, ...hotrod], windowSeconds: 1, strategies });
    expect(both.map((r) => [r.service, r.serviceName, r.sampler, r.estimatedRequests])).toEqual([
      ['frontend', 'frontend', 'unknown', null],
      ['tracelens-demo/frontend', 'frontend', 'unknown', null],
    ]);
    expect(both[0].notes[0]).toMatch(/2 deployments report that name \(frontend, tracelens-demo\/frontend\)/);
    // A deployment whose spans say their sampler keeps its own probability beside a silent namesake.
    const tagged = [6, 7].map((i) =>
      trace(i, 'frontend', {
        namespace: 'tracelens-demo',
        attributes: { 'sampler.type': 'probabilistic', 'sampler.param': 0.5 },
      })
    );
    const mixed = estimateSampling({ traces: [...tagged, ...hotrod], windowSeconds: 1, strategies });
    expect(mixed.map((r) => [r.service, r.sampler, r.estimatedRequests])).toEqual([
      ['frontend', 'unknown', null],
      ['tracelens-demo/frontend', 'jaeger-tags', 4],
    ]);
  });

  it('folds one trace at a time; reading rows midway changes nothing', () => {
    const strategies = new Map([
      ['web', { strategyType: 'PROBABILISTIC', probabilisticSampling: { samplingRate: 0.5 } }],
    ]);
    const traces = [1, 2, 3].map((i) => trace(i, 'web', { rootError: i === 2 }));
    const fold = new SamplingFold();
    fold.add(traces[0]);
    expect(fold.rows({ windowSeconds: 1, strategies })[0].estimatedRequests).toBe(2);
    fold.add(traces[1]);
    fold.add(traces[2]);
    const first = fold.rows({ windowSeconds: 1, strategies });
    expect(fold.rows({ windowSeconds: 1, strategies })).toEqual(first);
    expect(first).toEqual(estimateSampling({ traces, windowSeconds: 1, strategies }));
    expect(first[0]).toMatchObject({ estimatedRequests: 6, errorTraces: 1 });
    expect(fold.silentServiceNames()).toEqual(['web']);
  });

  it('splits by operation when asked', () => {
    const traces = [
      trace(1, 'a', { name: 'x', traceState: 'ot=th:0' }),
      trace(2, 'a', { name: 'y', traceState: 'ot=th:0' }),
    ];
    expect(estimateSampling({ traces, windowSeconds: 1, byOperation: true }).map((r) => r.operation)).toEqual([
      'x',
      'y',
    ]);
  });

  it('recovers a known request count within its 95% interval in most simulated runs', () => {
    const rand = seededRandom(42);
    const REQUESTS = 2000;
    const P = 0.1;
    // Written by hand, not by thresholdForProbability, so a scale error shared by the threshold
    // writer and reader cannot cancel out: th:e666 rejects randomness below 0xe666 / 0x10000 of
    // the range, keeping (65536 − 58982) / 65536 = 6554 / 65536 = 0.1000061 of traces.
    const th = 'ot=th:e666';
    let covered = 0;
    const RUNS = 40;
    for (let run = 0; run < RUNS; run++) {
      const kept: Trace[] = [];
      for (let i = 0; i < REQUESTS; i++) {
        if (rand() < P) {
          kept.push(trace(run * REQUESTS + i + 1, 'frontend', { traceState: th }));
        }
      }
      const [row] = estimateSampling({ traces: kept, windowSeconds: 60 });
      const [lo, hi] = row.estimatedRequestsInterval!;
      if (REQUESTS >= lo && REQUESTS <= hi) {
        covered++;
      }
    }
    // A 95% interval should cover the truth in about 38 of 40 runs; allow sampling noise.
    expect(covered).toBeGreaterThanOrEqual(34);
  });
});
