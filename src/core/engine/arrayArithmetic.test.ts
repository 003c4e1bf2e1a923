import { evaluateMetrics } from './metrics';
import { searchTraces } from './search/searchTraces';
import { parse } from './testing/parse';
import { buildTrace } from './testing/traceBuilder';

// Tempo answers arithmetic on an array attribute with an error; an empty answer would read as
// "nothing matched", which is a different claim.
const trace = buildTrace({ root: { name: 'r', attributes: { sizes: [1, 2, 3], n: 2 } } });
const t = trace.spans[0].startTimeUnixNano;

describe('arithmetic on an array attribute', () => {
  it.each(['{ span.sizes + 1 > 2 }', '{ -span.sizes < 0 }', '{ span.n + 1 > 2 && span.sizes * 2 > 0 }'])(
    '%s is an error naming the array',
    (q) => {
      const r = searchTraces(parse(q), [trace]);
      expect(r.ok ? 'answered' : r.error.message).toMatch(/arithmetic cannot take an array: span\.sizes/);
    }
  );

  it('is an error in a metrics query too', () => {
    const r = evaluateMetrics(parse('{ span.sizes * 2 > 0 } | rate()'), [trace], {
      start: t - 1_000_000_000n,
      end: t + 1_000_000_000n,
      step: 1e9,
    });
    expect(r.ok ? 'answered' : r.error.message).toMatch(/array/);
  });

  it('leaves comparisons with arrays (any element matches) and arithmetic on numbers alone', () => {
    const ok = (q: string) => {
      const r = searchTraces(parse(q), [trace]);
      return r.ok ? r.response.traces.length : r.error.message;
    };
    expect(ok('{ span.sizes = 2 }')).toBe(1);
    expect(ok('{ span.n + 1 > 2 }')).toBe(1);
  });
});
