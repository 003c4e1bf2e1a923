import { parseSearchResponse } from './responses';

const ep = { backend: 'Tempo', name: '/api/search' } as const;

const search = (traceID: string, spanID = '00f067aa0ba902b7') => ({
  traces: [{ traceID, rootServiceName: 'api', spanSets: [{ spans: [{ spanID }], matched: 1 }] }],
});

describe('Tempo search responses: ids are checked where they arrive', () => {
  it('accepts hex ids and pads them', () => {
    const r = parseSearchResponse(ep, search('ABC123', 'f00'));
    expect(r.traces[0].traceID).toBe('00000000000000000000000000abc123');
    expect(r.traces[0].spanSets[0].spans[0].spanID).toBe('0000000000000f00');
  });

  it.each(['../../api/admin', '4bf92f3577b34da6a3ce929d0e0e4736x', 'a'.repeat(33), '"><img>'])(
    'refuses the trace id %j, which would reach links and request paths',
    (id) => {
      expect(() => parseSearchResponse(ep, search(id))).toThrow(
        expect.objectContaining({
          kind: 'malformed',
          message: expect.stringContaining('traces[0].traceID is not a hex trace id'),
        })
      );
    }
  );

  it('refuses a span id that is not hex', () => {
    expect(() => parseSearchResponse(ep, search('abc', 'x/y'))).toThrow(/spans\[0\]\.spanID is not a hex span id/);
  });
});
