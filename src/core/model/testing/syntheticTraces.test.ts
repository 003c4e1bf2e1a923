import { decodeTraces } from '../decode/decodeTraces';
import { encodeJaegerV1, encodeTempoV1 } from '../encode/encodeTraces';
import type { Span, Trace } from '../types';
import { generateTraces } from './syntheticTraces';

const OPTIONS = { seed: 3, traces: 20, spansPerTrace: 40, services: 6, maxDepth: 4, maxFanOut: 3, errorRate: 0.2 };

function depthOf(span: Span, byId: Map<string, Span>): number {
  let depth = 0;
  for (let s = span; s.parentSpanId !== ''; s = byId.get(s.parentSpanId) as Span) {
    depth++;
  }
  return depth;
}

function serialize(traces: Trace[]): string {
  return JSON.stringify(traces, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

describe('generateTraces', () => {
  const traces = generateTraces(OPTIONS);

  it('is deterministic for a seed and differs between seeds', () => {
    expect(serialize(generateTraces(OPTIONS))).toBe(serialize(traces));
    expect(serialize(generateTraces({ ...OPTIONS, seed: 4 }))).not.toBe(serialize(traces));
  });

  it('makes the requested number of well-formed trees within the depth bound', () => {
    expect(traces).toHaveLength(20);
    for (const trace of traces) {
      expect(trace.spans).toHaveLength(40);
      const byId = new Map(trace.spans.map((s) => [s.spanId, s]));
      expect(byId.size).toBe(40);
      expect(trace.spans.filter((s) => s.parentSpanId === '')).toHaveLength(1);
      for (const span of trace.spans) {
        expect(span.traceId).toBe(trace.traceId);
        expect(span.spanId).toMatch(/^[0-9a-f]{16}$/);
        expect(depthOf(span, byId)).toBeLessThanOrEqual(4);
        const parent = byId.get(span.parentSpanId);
        if (parent) {
          // Children lie within their parents, so decoders find no clock skew.
          expect(span.startTimeUnixNano >= parent.startTimeUnixNano).toBe(true);
        }
      }
    }
  });

  it('uses the services, errors and events it was asked for', () => {
    const spans = traces.flatMap((t) => t.spans);
    expect(new Set(spans.map((s) => s.resource.serviceName)).size).toBe(6);
    const errors = spans.filter((s) => s.statusCode === 'error').length / spans.length;
    expect(errors).toBeGreaterThan(0.1);
    expect(errors).toBeLessThan(0.3);
    expect(
      spans.filter((s) => s.statusCode === 'error').every((s) => s.events.some((e) => e.name === 'exception'))
    ).toBe(true);
  });

  it('survives every wire format unchanged, Jaeger v1 included', () => {
    const linked = generateTraces({ ...OPTIONS, linkRate: 0.2 });
    for (const encode of [encodeJaegerV1, encodeTempoV1]) {
      expect(decodeTraces(JSON.parse(JSON.stringify(encode(traces))))).toEqual(traces);
      expect(decodeTraces(JSON.parse(JSON.stringify(encode(linked))))).toEqual(linked);
    }
  });

  it('varies attribute counts within attributesPerSpan..attributesPerSpanMax and links to earlier spans', () => {
    const wide = generateTraces({ ...OPTIONS, attributesPerSpan: 5, attributesPerSpanMax: 12, linkRate: 0.2 });
    const spans = wide.flatMap((t) => t.spans);
    const extra = spans.map((s) => Object.keys(s.attributes).filter((k) => k.startsWith('attr.')).length);
    expect(Math.min(...extra)).toBe(5);
    expect(Math.max(...extra)).toBe(12);
    const linked = spans.filter((s) => s.links.length > 0);
    expect(linked.length / spans.length).toBeGreaterThan(0.1);
    expect(linked.length / spans.length).toBeLessThan(0.3);
    for (const trace of wide) {
      const ids = new Set(trace.spans.map((s) => s.spanId));
      for (const link of trace.spans.flatMap((s) => s.links)) {
        expect(link.traceId).toBe(trace.traceId);
        expect(ids.has(link.spanId)).toBe(true);
        expect(link.attributes).toEqual({});
      }
    }
  });
});
