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

describe('Tempo search responses: errors name the place in the body', () => {
  const withSpans = (spans: unknown) => ({ traces: [{ traceID: 'abc', spanSets: [{ matched: 1 }, { spans }] }] });

  it.each([
    [{ traces: [{ traceID: 'abc', spanSets: {} }] }, 'traces[0].spanSets is not a list'],
    [withSpans('x'), 'traces[0].spanSets[1].spans is not a list'],
    [withSpans([{ spanID: 'a' }, 7]), 'traces[0].spanSets[1].spans[1] is not an object'],
    [
      withSpans([{ spanID: 'a', attributes: [{ key: 'k' }, { key: 3 }] }]),
      'spanSets[1].spans[0].attributes[1].key is not a string',
    ],
    [withSpans([{ spanID: 'a', attributes: ['kv'] }]), 'traces[0].spanSets[1].spans[0].attributes[0] is not an object'],
    [{ traces: [{ traceID: 'abc', spanSet: { attributes: {} } }] }, 'traces[0].spanSet.attributes is not a list'],
  ])('%j: %s', (body, message) => {
    expect(() => parseSearchResponse(ep, body)).toThrow(
      expect.objectContaining({ kind: 'malformed', message: expect.stringContaining(message) })
    );
  });
});

describe('Tempo search responses: the deprecated spanSet', () => {
  it('is the spanset when it is all there is', () => {
    const r = parseSearchResponse(ep, {
      traces: [{ traceID: 'abc', spanSet: { spans: [{ spanID: 'a' }], matched: 4 } }],
    });
    expect(r.traces[0].spanSets).toEqual([
      { spans: [expect.objectContaining({ spanID: '000000000000000a' })], matched: 4, attributes: [] },
    ]);
    expect(r.traces[0].spanSet).toBe(r.traces[0].spanSets[0]);
  });

  it('is not read when spanSets are there (Tempo sends it as a copy of the first)', () => {
    const r = parseSearchResponse(ep, {
      traces: [
        { traceID: 'abc', spanSet: { spans: 'not read' }, spanSets: [{ spans: [{ spanID: 'b' }], matched: 1 }] },
      ],
    });
    expect(r.traces[0].spanSet).toBe(r.traces[0].spanSets[0]);
    expect(r.traces[0].spanSets[0].spans[0].spanID).toBe('000000000000000b');
  });
});

describe('Tempo search responses: attributes', () => {
  it('keeps pairs as sent, and a pair without a value object is an empty string', () => {
    const attributes = [{ key: 'a', value: { intValue: '1' } }, { key: 'b', value: 'not an AnyValue' }, { key: 'c' }];
    const r = parseSearchResponse(ep, {
      traces: [{ traceID: 'abc', spanSets: [{ spans: [{ spanID: 'a', attributes }] }] }],
    });
    expect(r.traces[0].spanSets[0].spans[0].attributes).toEqual([
      { key: 'a', value: { intValue: '1' } },
      { key: 'b', value: { stringValue: '' } },
      { key: 'c', value: { stringValue: '' } },
    ]);
  });
});

describe('Tempo search responses: service stats', () => {
  it('are counts per service, zero where jsonpb left one out, whatever the service is called', () => {
    const body = JSON.parse(
      '{"traces":[{"traceID":"abc","serviceStats":{"api":{"spanCount":3},"db":{"spanCount":2,"errorCount":1},' +
        '"odd":"x","text":{"spanCount":"4","errorCount":"2"},"__proto__":{"spanCount":5},"toString":{}}}]}'
    ) as unknown;
    const stats = parseSearchResponse(ep, body).traces[0].serviceStats;
    expect(Object.keys(stats)).toEqual(['api', 'db', 'odd', 'text', '__proto__', 'toString']);
    expect({ ...stats }).toEqual({
      api: { spanCount: 3, errorCount: 0 },
      db: { spanCount: 2, errorCount: 1 },
      odd: { spanCount: 0, errorCount: 0 },
      text: { spanCount: 4, errorCount: 2 },
      ['__proto__']: { spanCount: 5, errorCount: 0 },
      toString: { spanCount: 0, errorCount: 0 },
    });
    expect(Object.getPrototypeOf(stats)).toBe(Object.prototype);
    expect(
      parseSearchResponse(ep, { traces: [{ traceID: 'abc', serviceStats: 'no' }] }).traces[0].serviceStats
    ).toEqual({});
  });
});
