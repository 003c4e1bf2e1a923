import { decodeOtlp } from '../decode/decodeTraces';
import { guideTraces } from '../testing/guideTraces';
import { encodeTempoV1 } from '../encode/encodeTraces';
import { spanTableOf, traceFromTable, withPartial } from './tableTraces';

describe('traces over span tables', () => {
  const body = () => JSON.parse(JSON.stringify(encodeTempoV1(guideTraces()))) as unknown;

  it('decodes to the same model with and without reusing the body, Span objects made on demand', () => {
    const shared = decodeOtlp(body());
    const owned = decodeOtlp(body(), { owned: true });
    expect(owned).toEqual(guideTraces());
    expect(shared).toEqual(owned);
    // Reading spans twice gives the same objects: they are made once.
    expect(owned[0].spans).toBe(owned[0].spans);
    expect(
      JSON.parse(JSON.stringify(owned[0], (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
    ).toHaveProperty('spans');
  });

  it('gives a decoded trace its own table and builds one once for hand-made traces', () => {
    const [decoded] = decodeOtlp(body());
    const table = spanTableOf(decoded);
    expect(table.length).toBe(decoded.spans.length);
    expect(spanTableOf(decoded)).toBe(table);
    const [made] = guideTraces();
    const derived = spanTableOf(made);
    expect(derived.spanId).toEqual(made.spans.map((s) => s.spanId));
    expect(spanTableOf(made)).toBe(derived);
  });

  it('marks a trace partial without losing its table or its other warnings', () => {
    const [trace] = decodeOtlp(body());
    const t = traceFromTable(spanTableOf(trace), ['earlier'], false);
    const p = withPartial(t, 'Tempo returned a partial trace');
    expect(p.partial).toBe(true);
    expect(p.warnings).toEqual(['earlier', 'Tempo returned a partial trace']);
    expect(spanTableOf(p)).toBe(spanTableOf(trace));
  });
});
