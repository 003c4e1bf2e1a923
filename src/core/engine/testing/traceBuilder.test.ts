import { indexTrace } from '../traceIndex';
import { buildTrace, DEFAULT_TRACE_START, spanNamed } from './traceBuilder';

describe('buildTrace', () => {
  const spec = {
    root: {
      service: 'frontend',
      name: 'root',
      kind: 'server' as const,
      children: [
        {
          name: 'child',
          startOffsetNanos: 5,
          events: [{ name: 'e', offsetNanos: 2 }],
          children: [{ service: 'db', name: 'leaf' }],
        },
      ],
    },
  };

  it('builds parent links, inherited services and offsets from the nested description', () => {
    const t = buildTrace(spec);
    expect(t.spans.map((s) => s.name)).toEqual(['root', 'child', 'leaf']);
    expect(spanNamed(t, 'child').parentSpanId).toBe(spanNamed(t, 'root').spanId);
    expect(spanNamed(t, 'child').resource.serviceName).toBe('frontend');
    expect(spanNamed(t, 'leaf').resource.attributes['service.name']).toBe('db');
    expect(spanNamed(t, 'child').startTimeUnixNano).toBe(DEFAULT_TRACE_START + 5n);
    expect(spanNamed(t, 'leaf').startTimeUnixNano).toBe(DEFAULT_TRACE_START + 5n);
    expect(spanNamed(t, 'child').events[0].timeUnixNano).toBe(DEFAULT_TRACE_START + 7n);
    expect(t.spans.every((s) => /^[0-9a-f]{16}$/.test(s.spanId) && s.traceId === t.traceId)).toBe(true);
    expect(t.traceId).toMatch(/^[0-9a-f]{32}$/);
  });

  it('is deterministic, and seq gives distinct ids', () => {
    expect(buildTrace(spec)).toEqual(buildTrace(spec));
    expect(buildTrace({ ...spec, seq: 2 }).traceId).not.toBe(buildTrace(spec).traceId);
  });

  it('gives extra roots a parent outside the trace', () => {
    const t = buildTrace({ root: [{ name: 'a' }, { name: 'b' }] });
    const ix = indexTrace(t);
    expect(ix.root).toBe(0);
    expect(Array.from(ix.parent)).toEqual([-1, -1]);
    expect(t.spans[1].parentSpanId).not.toBe('');
  });
});
