import { decodeTraces } from '../model';
import { parse } from './testing/parse';
import { searchTraces } from './search/searchTraces';
import type { SearchResponse } from './search/searchResponse';

/*
 * An attribute sent as a double keeps its type when its value is whole. Tempo does arithmetic by
 * type (a double 2.0 divided by 4 is 0.5, an int 2 divided by 4 is 0), sums doubles to a double and
 * prints them as doubleValue; the model used to read a whole double as an int, so all three
 * differed. Comparisons stay by value (docs/tempo-compatibility.md, "Differences from Tempo").
 *
 * Two traces of two spans each, as OTLP JSON: in trace d the attribute x is the double 1.0 and 2.0,
 * in trace i the int 1 and 2.
 */
const D = 'd'.repeat(32);
const I = '1'.repeat(32);

function span(traceId: string, n: number, x: Record<string, unknown>) {
  return {
    traceId,
    spanId: `${traceId.slice(0, 15)}${n}`,
    parentSpanId: n === 1 ? '' : `${traceId.slice(0, 15)}1`,
    name: `op${n}`,
    startTimeUnixNano: `${1_700_000_000_000_000_000n + BigInt(n)}`,
    endTimeUnixNano: `${1_700_000_000_000_000_000n + 1000n}`,
    attributes: [{ key: 'x', value: x }],
  };
}

const traces = decodeTraces({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
      scopeSpans: [
        {
          spans: [
            span(D, 1, { doubleValue: 1 }),
            span(D, 2, { doubleValue: 2 }),
            span(I, 1, { intValue: '1' }),
            span(I, 2, { intValue: '2' }),
          ],
        },
      ],
    },
  ],
});

function search(q: string): SearchResponse {
  const r = searchTraces(parse(q), traces);
  if (!r.ok) {
    throw r.error;
  }
  return r.response;
}

/** For each matching trace (d or i), the attributes of its first spanset's spans. */
function spanAttributes(q: string): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const t of search(q).traces) {
    out[t.traceID === D ? 'd' : 'i'] = t.spanSets[0].spans.map((s) => s.attributes);
  }
  return out;
}

describe('whole doubles stay doubles', () => {
  it('divides a double 2.0 as a double and an int 2 as an int', () => {
    expect(Object.keys(spanAttributes('{ span.x / 4 = 0.5 }'))).toEqual(['d']);
    expect(Object.keys(spanAttributes('{ span.x / 4 = 0 }'))).toEqual(['i']);
  });

  it('still compares by value, on the fast path and the general one', () => {
    expect(Object.keys(spanAttributes('{ span.x = 2 }')).sort()).toEqual(['d', 'i']);
    expect(Object.keys(spanAttributes('{ span.x >= 2.0 }')).sort()).toEqual(['d', 'i']);
    expect(Object.keys(spanAttributes('{ span.x + 0 = 2 }')).sort()).toEqual(['d', 'i']);
  });

  it('prints a whole double as doubleValue and an int as intValue', () => {
    expect(spanAttributes('{ span.x = 2 }')).toEqual({
      d: [[{ key: 'x', value: { doubleValue: 2 } }]],
      i: [[{ key: 'x', value: { intValue: '2' } }]],
    });
  });

  it('sums doubles to a double and ints to an int', () => {
    const sums = search('{ } | sum(span.x) = 3').traces.map((t) => [
      t.traceID === D ? 'd' : 'i',
      t.spanSets[0].attributes.find((a) => a.key === 'sum(span.x)')?.value,
    ]);
    expect(sums.sort()).toEqual([
      ['d', { doubleValue: 3 }],
      ['i', { intValue: '3' }],
    ]);
  });
});
