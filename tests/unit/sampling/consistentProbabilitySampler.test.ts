import {
  context,
  createTraceState,
  ROOT_CONTEXT,
  type SpanContext,
  SpanKind,
  trace,
  TraceFlags,
  type TraceState,
} from '@opentelemetry/api';
import { type Sampler, SamplingDecision } from '@opentelemetry/sdk-trace-base';
import fc from 'fast-check';

import {
  ConsistentProbabilitySampler,
  randomnessOf,
  withThreshold,
} from '../../../demo/sampling/consistentProbabilitySampler';
import { seededRandom } from '../../../src/core/seededRandom';
import { otEntry, parseThreshold } from '../../../src/core/analysis/sampling/tracestate';

function randomTraceId(rnd: () => number): string {
  let hex = '';
  for (let i = 0; i < 4; i++) {
    hex += Math.floor(rnd() * 2 ** 32)
      .toString(16)
      .padStart(8, '0');
  }
  return hex;
}

/** Through the SDK's Sampler interface, with the arguments the tracer passes. */
function sample(sampler: Sampler, traceId: string, parent = ROOT_CONTEXT) {
  return sampler.shouldSample(parent, traceId, 'GET /api/users', SpanKind.SERVER, {}, []);
}

function childOf(spanContext: SpanContext) {
  return trace.setSpanContext(context.active(), spanContext);
}

describe('ConsistentProbabilitySampler', () => {
  it('writes the thresholds the spec lists for powers of two', () => {
    expect(new ConsistentProbabilitySampler(1).thresholdHex).toBe('0');
    expect(new ConsistentProbabilitySampler(0.5).thresholdHex).toBe('8');
    expect(new ConsistentProbabilitySampler(0.25).thresholdHex).toBe('c');
    expect(new ConsistentProbabilitySampler(1 / 16).thresholdHex).toBe('f');
  });

  it('keeps a root exactly when the low 56 bits of the trace id reach the threshold', () => {
    const s = new ConsistentProbabilitySampler(0.25); // T = 0xc0000000000000
    expect(sample(s, '0123456789abcdef' + 'c0000000000000'.padStart(16, '0')).decision).toBe(
      SamplingDecision.RECORD_AND_SAMPLED
    );
    expect(sample(s, '0123456789abcdef' + 'bfffffffffffff'.padStart(16, '0')).decision).toBe(
      SamplingDecision.NOT_RECORD
    );
    // The top 72 bits of the id take no part: only R decides, so every service agrees on any trace.
    expect(sample(s, 'ffffffffffffffffffbfffffffffffff').decision).toBe(SamplingDecision.NOT_RECORD);
  });

  it.each([1, 0.5, 0.25, 0.1, 0.01])('keeps close to p=%p of random trace ids (seeded)', (p) => {
    const rnd = seededRandom(Math.round(p * 1000) + 7);
    const n = 20_000;
    const s = new ConsistentProbabilitySampler(p);
    let kept = 0;
    for (let i = 0; i < n; i++) {
      if (sample(s, randomTraceId(rnd)).decision === SamplingDecision.RECORD_AND_SAMPLED) {
        kept++;
      }
    }
    // Five binomial standard deviations: a correct sampler fails this with probability below 1e-6.
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(kept - n * p)).toBeLessThanOrEqual(5 * sd + 1e-9);
  });

  it('writes a threshold that parses back to p, on kept roots only', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.stringMatching(/^[0-9a-f]{32}$/), (p, traceId) => {
        const s = new ConsistentProbabilitySampler(p);
        const r = sample(s, traceId);
        const th = r.traceState ? otEntry(r.traceState.serialize())?.get('th') : undefined;
        if (r.decision !== SamplingDecision.RECORD_AND_SAMPLED) {
          expect(th).toBeUndefined();
          return;
        }
        const parsed = parseThreshold(th ?? '');
        expect(parsed.ok).toBe(true);
        // 56 bits of threshold: the written probability is p to within 2^-56 (plus float rounding).
        expect(parsed.ok && Math.abs(parsed.probability - p)).toBeLessThan(1e-12);
      }),
      { numRuns: 300, seed: 42 }
    );
  });

  it('decides on an explicit rv when the inbound tracestate carries one, and keeps it', () => {
    const s = new ConsistentProbabilitySampler(0.5);
    const lowId = '0000000000000000' + '0000000000000001'; // would be dropped on trace-id randomness
    const keep = s.decideRoot(lowId, createTraceState('ot=rv:f0000000000000'));
    expect(keep.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(keep.traceState?.get('ot')).toBe('th:8;rv:f0000000000000');

    const highId = '00000000000000000fffffffffffffff';
    expect(s.decideRoot(highId, createTraceState('ot=rv:10000000000000')).decision).toBe(SamplingDecision.NOT_RECORD);
    // A malformed rv is ignored, not trusted: the trace id decides.
    expect(randomnessOf(highId, createTraceState('ot=rv:xyz'))).toBe((1n << 56n) - 1n);
  });

  it("keeps other vendors' entries and other ot sub-keys, and replaces an old th", () => {
    const s = new ConsistentProbabilitySampler(0.25);
    const inbound = createTraceState('congo=t61rcWkgMzE,ot=th:8;rv:ffffffffffffff;xy:1,rojo=00f067aa0ba902b7');
    const r = s.decideRoot('00000000000000000000000000000000', inbound);
    expect(r.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED); // rv beats the all-zero trace id
    const ts = r.traceState as TraceState;
    expect(ts.get('ot')).toBe('th:c;rv:ffffffffffffff;xy:1');
    expect(ts.get('congo')).toBe('t61rcWkgMzE');
    expect(ts.get('rojo')).toBe('00f067aa0ba902b7');
    expect(ts.serialize().startsWith('ot=')).toBe(true);
  });

  it('removes th (only th) from a dropped root', () => {
    const dropped = withThreshold(createTraceState('ot=th:0;rv:00000000000000,vendor=x'), undefined);
    expect(dropped.get('ot')).toBe('rv:00000000000000');
    expect(dropped.get('vendor')).toBe('x');
    expect(withThreshold(createTraceState('ot=th:0,vendor=x'), undefined).serialize()).toBe('vendor=x');
  });

  it("follows a valid parent's decision and propagates its tracestate unchanged", () => {
    const s = new ConsistentProbabilitySampler(0.01);
    const parentState = createTraceState('ot=th:c,vendor=x');
    const parent = (flags: number): SpanContext => ({
      traceId: '0000000000000000000000000000000a', // would be dropped as a root at p=0.01
      spanId: '00f067aa0ba902b7',
      traceFlags: flags,
      traceState: parentState,
      isRemote: true,
    });
    const kept = sample(s, parent(TraceFlags.SAMPLED).traceId, childOf(parent(TraceFlags.SAMPLED)));
    expect(kept.decision).toBe(SamplingDecision.RECORD_AND_SAMPLED);
    expect(kept.traceState?.serialize()).toBe('ot=th:c,vendor=x');
    const dropped = sample(s, parent(TraceFlags.NONE).traceId, childOf(parent(TraceFlags.NONE)));
    expect(dropped.decision).toBe(SamplingDecision.NOT_RECORD);
    expect(dropped.traceState).toBe(parentState);
  });

  it('refuses probabilities outside (0, 1]', () => {
    for (const p of [0, -0.1, 1.5, Number.NaN]) {
      expect(() => new ConsistentProbabilitySampler(p)).toThrow(RangeError);
    }
  });
});
