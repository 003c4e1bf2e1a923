import { spansOfOneTrace } from './otlp';

const span = (traceId: unknown) => ({ traceId, spanId: '01' });

describe('spansOfOneTrace (the size a trace-by-id table is allocated at)', () => {
  it('counts the spans of every block and scope when they share one trace id', () => {
    const list = [
      { scopeSpans: [{ spans: [span('a'), span('a')] }, { spans: [span('a')] }] },
      { instrumentationLibrarySpans: [{ spans: [span('a')] }] },
    ];
    expect(spansOfOneTrace(list)).toBe(4);
  });

  it('gives 0 when the spans belong to several traces, so no trace gets the whole count', () => {
    expect(spansOfOneTrace([{ scopeSpans: [{ spans: [span('a'), span('b')] }] }])).toBe(0);
  });

  it('gives 0 for shapes the decoder will reject, without throwing', () => {
    expect(spansOfOneTrace([{ scopeSpans: [{ spans: [span('a')] }] }, null])).toBe(0);
    expect(spansOfOneTrace([{ scopeSpans: [{ spans: 'x' }] }])).toBe(0);
    expect(spansOfOneTrace([{ scopeSpans: {} }])).toBe(0);
  });
});
