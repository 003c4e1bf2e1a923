import { ROOT_CONTEXT, SpanKind } from '@opentelemetry/api';
import { JaegerRemoteSampler } from '@opentelemetry/sampler-jaeger-remote';
import { PerOperationSampler } from '@opentelemetry/sampler-jaeger-remote/build/src/PerOperationSampler';
import {
  AlwaysOffSampler,
  ParentBasedSampler,
  SamplingDecision,
  TraceIdRatioBasedSampler,
  type Sampler,
} from '@opentelemetry/sdk-trace-base';

import { RecordSamplerTags, remoteSamplerProbability } from '../../../demo/sampling/recordSamplerTags';
import { evidenceOfRoot } from '../../../src/core/analysis/sampling';
import type { Span } from '../../../src/core/model/types';

/** The real remote sampler, holding `initial` as if Jaeger had served it; its poller never runs. */
function remote(initial: Sampler): JaegerRemoteSampler {
  return new JaegerRemoteSampler({
    endpoint: 'http://127.0.0.1:9',
    serviceName: 'frontend',
    poolingInterval: 3_600_000,
    initialSampler: initial,
  });
}

const traceId = (n: number) => n.toString(16).padStart(32, '0');

describe('RecordSamplerTags (#19: each demo service says its own rate)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => {
    jest.clearAllTimers();
    jest.useRealTimers();
  });

  it('reads the probability from the real sampler classes, as the remote sampler builds them', () => {
    const probabilistic = remote(new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(0.25) }));
    expect(remoteSamplerProbability(probabilistic.toString(), 'GET /api/users')).toBe(0.25);
    expect(remoteSamplerProbability(remote(new AlwaysOffSampler()).toString(), 'GET')).toBeUndefined();
  });

  it('reads a per-operation strategy for the span name, else its default', () => {
    // What the remote sampler builds from a strategy with operationSampling (not exported from the package index).
    const perOperation = new PerOperationSampler({
      defaultSampler: new TraceIdRatioBasedSampler(0.1),
      perOperationStrategies: [
        { operation: 'GET /slow', probabilisticSampling: { samplingRate: 0.5 } },
        { operation: 'b', probabilisticSampling: { samplingRate: 0.3 } },
      ],
    });
    const description = remote(new ParentBasedSampler({ root: perOperation })).toString();
    expect(remoteSamplerProbability(description, 'GET /slow')).toBe(0.5);
    expect(remoteSamplerProbability(description, 'b')).toBe(0.3);
    // A name that only ends another operation's ("GET /slow" ends in "slow") is not that operation.
    expect(remoteSamplerProbability(description, 'slow')).toBe(0.1);
    expect(remoteSamplerProbability(description, 'GET /other')).toBe(0.1);
  });

  it('tags kept roots with sampler.type and sampler.param; dropped ones get nothing', () => {
    const sampler = new RecordSamplerTags(remote(new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(0.5) })));
    let kept = 0;
    for (let i = 0; i < 200; i++) {
      // Spread ids over the ratio sampler's range (it compares the low 32 bits of the id).
      const result = sampler.shouldSample(ROOT_CONTEXT, traceId(i * 21_474_836), 'GET /', SpanKind.SERVER, {}, []);
      if (result.decision === SamplingDecision.RECORD_AND_SAMPLED) {
        kept++;
        expect(result.attributes).toEqual({ 'sampler.type': 'probabilistic', 'sampler.param': 0.5 });
      } else {
        expect(result.attributes).toBeUndefined();
      }
    }
    expect(kept).toBeGreaterThan(50);
    expect(kept).toBeLessThan(150);
  });

  it('records nothing while the remote sampler still runs its initial always-off sampler', () => {
    const sampler = new RecordSamplerTags(remote(new AlwaysOffSampler()));
    const result = sampler.shouldSample(ROOT_CONTEXT, traceId(1), 'GET /', SpanKind.SERVER, {}, []);
    expect(result.decision).toBe(SamplingDecision.NOT_RECORD);
    expect(result.attributes).toBeUndefined();
  });

  it('writes what the sampling analysis reads as the root its own probability', () => {
    const sampler = new RecordSamplerTags(remote(new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(1) })));
    const { attributes } = sampler.shouldSample(ROOT_CONTEXT, traceId(7), 'GET /', SpanKind.SERVER, {}, []);
    const root = { attributes: attributes ?? {}, resource: { attributes: {} }, traceState: '' } as unknown as Span;
    expect(evidenceOfRoot(root)).toEqual({
      kind: 'said',
      info: { kind: 'jaeger-tags', probability: 1, detail: 'sampler.type=probabilistic sampler.param=1' },
    });
  });
});
