import { decodeTraces } from './decodeTraces';

const span = (
  id: string,
  parent: string,
  service: string,
  start: number,
  end: number,
  kind = 'SPAN_KIND_INTERNAL'
) => ({
  resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
  scopeSpans: [
    {
      spans: [
        {
          traceId: '0000000000000000000000000000000f',
          spanId: id,
          parentSpanId: parent,
          name: `op-${id}`,
          kind,
          startTimeUnixNano: String(start),
          endTimeUnixNano: String(end),
        },
      ],
    },
  ],
});

describe('decode warnings', () => {
  it('warns about a parent that is not in the trace, without failing', () => {
    const [trace] = decodeTraces({ resourceSpans: [span('0000000000000002', '0000000000000001', 'a', 10, 20)] });
    expect(trace.spans).toHaveLength(1);
    expect(trace.warnings).toEqual([
      'span 0000000000000002 (a "op-0000000000000002") has parent 0000000000000001, which is not in the trace',
    ]);
  });

  it('warns about clock skew between services but not within one', () => {
    const [trace] = decodeTraces({
      resourceSpans: [
        span('0000000000000001', '', 'front', 10_000, 50_000, 'SPAN_KIND_CLIENT'),
        span('0000000000000002', '0000000000000001', 'back', 5_000, 20_000, 'SPAN_KIND_SERVER'),
        span('0000000000000003', '0000000000000001', 'front', 1_000, 90_000),
      ],
    });
    expect(trace.warnings).toEqual([
      'clock skew: span 0000000000000002 (back "op-0000000000000002") starts 5 µs before its parent 0000000000000001 (front "op-0000000000000001")',
    ]);
  });

  it('does not warn when a server span outlives its client, as real responses do while flushing', () => {
    const [trace] = decodeTraces({
      resourceSpans: [
        span('0000000000000001', '', 'front', 10_000, 50_000, 'SPAN_KIND_CLIENT'),
        span('0000000000000002', '0000000000000001', 'back', 20_000, 52_000, 'SPAN_KIND_SERVER'),
      ],
    });
    expect(trace.warnings).toEqual([]);
  });

  it('warns about duplicate span ids and caps the number of warnings', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      span(`00000000000001${String(i).padStart(2, '0')}`, '00000000000000ff', 's', 1, 2)
    );
    const [trace] = decodeTraces({ resourceSpans: [...many, span('0000000000000100', '', 's', 1, 2)] });
    expect(trace.warnings).toHaveLength(21);
    expect(trace.warnings[0]).toBe('duplicate span id 0000000000000100: only the first is used as a parent');
    expect(trace.warnings[20]).toBe('11 more warnings not shown');
  });
});
