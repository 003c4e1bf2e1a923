import fc from 'fast-check';
import { decodeTraces } from '../decode/decodeTraces';
import { attributeMapFrom, EMPTY_ATTRIBUTES } from '../attributes';
import { guideTraces } from '../testing/guideTraces';
import { buildTrace, ResourceTable } from '../testing/buildTrace';
import type { AttributeValue, SpanKind, StatusCode, Trace } from '../types';
import { doubleAttribute } from '../wholeDouble';
import { encodeJaegerApiV3, encodeJaegerV1, encodeOtlp, encodeTempoV1, encodeTempoV2 } from './encodeTraces';

/** Through real JSON text, as a body would travel. */
function viaWire(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body));
}

const ENCODERS = {
  'Jaeger v1': encodeJaegerV1,
  'Jaeger api_v3': encodeJaegerApiV3,
  'Tempo v1': encodeTempoV1,
  'Tempo v2': encodeTempoV2,
  OTLP: encodeOtlp,
};
const OTLP_ENCODERS = {
  'Jaeger api_v3': encodeJaegerApiV3,
  'Tempo v1': encodeTempoV1,
  'Tempo v2': encodeTempoV2,
  OTLP: encodeOtlp,
};

/** What no OTLP flavour loses: nanoseconds, arrays, maps, link and scope attributes. */
function richTrace(): Trace {
  const resources = new ResourceTable({ worker: { 'k8s.pod.uid': 'abc', 'process.pid': 4242 } });
  const scope = { name: 'custom', version: '', attributes: attributeMapFrom({ 'scope.flag': true }) };
  return buildTrace(
    {
      traceId: 'ffffffffffffffffffffffffffffffff',
      startNs: 1764070000123456789n,
      spans: [
        {
          id: '0123456789abcdef',
          service: 'worker',
          name: 'consume',
          kind: 'consumer',
          atUs: 0,
          durUs: 5,
          extraNs: 7,
          attrs: {
            list: ['a', 1, true, 2.5, 12345678901234567890n],
            map: { inner: { deep: 'x' }, n: -3 },
            nan: NaN,
            inf: -Infinity,
            'empty.string': '',
          },
          links: [
            {
              traceId: '00000000000000000000000000000001',
              spanId: '0000000000000001',
              attrs: { 'link.kind': 'batch' },
            },
          ],
          events: [{ name: '', atUs: 1 }],
          status: 'ok',
          message: 'fine',
        },
      ],
    },
    resources,
    scope
  );
}

describe('decode(encode(t)) equals t', () => {
  it.each(Object.entries(ENCODERS))('for the guide traces via %s', (_name, encode) => {
    const traces = guideTraces();
    expect(decodeTraces(viaWire(encode(traces)))).toEqual(traces);
  });

  it.each(Object.entries(OTLP_ENCODERS))(
    'for nanoseconds, arrays, maps and link attributes via %s',
    (_name, encode) => {
      const traces = [richTrace()];
      expect(decodeTraces(viaWire(encode(traces)))).toEqual(traces);
    }
  );

  it('keeps the Tempo v2 PARTIAL status', () => {
    const partial = { ...guideTraces()[0], partial: true };
    expect(encodeTempoV2([partial]).status).toBe('PARTIAL');
    expect(decodeTraces(viaWire(encodeTempoV2([partial])))).toEqual([
      { ...partial, warnings: ['Tempo returned a partial trace: the trace may be incomplete'] },
    ]);
  });

  it('writes ids, enums and int64 the way each backend does', () => {
    const traces = guideTraces();
    const tempo = viaWire(encodeTempoV1(traces)) as {
      batches: Array<{ scopeSpans: Array<{ spans: Array<Record<string, unknown>> }> }>;
    };
    const span = tempo.batches[0].scopeSpans[0].spans[0];
    expect(span).toMatchObject({
      traceId: 'S/kvNXezTaajzpKdDg5HNg==',
      kind: 'SPAN_KIND_SERVER',
      startTimeUnixNano: '1764070000000000000',
    });
    const jaeger = encodeJaegerApiV3(traces).result.resourceSpans[0].scopeSpans[0].spans[0];
    expect(jaeger).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', kind: 2 });
    const v1 = encodeJaegerV1(traces);
    expect(v1.data[3].traceID).toBe('00f067aa0ba902b7');
    expect(v1.data[0].spans[0].tags).toContainEqual({ key: 'request.bytes', type: 'int64', value: '9007199254740993' });
  });

  const kinds: SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
  const statuses: StatusCode[] = ['unset', 'ok', 'error'];
  const hex = (n: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${n}}$`));
  const scalar: fc.Arbitrary<AttributeValue> = fc.oneof(
    fc.string(),
    fc.boolean(),
    fc.integer(),
    // A double as the decoders keep it: whole ones wrapped, so they stay doubles through every format.
    fc
      .double({ noNaN: true, noDefaultInfinity: true })
      .filter((d) => !Object.is(d, -0))
      .map(doubleAttribute),
    fc
      .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
      .filter((b) => b > BigInt(Number.MAX_SAFE_INTEGER) || b < -BigInt(Number.MAX_SAFE_INTEGER))
  );
  const attrs = fc.dictionary(fc.string({ minLength: 1 }), scalar, { maxKeys: 4 });
  const spanArb = fc.record({
    id: hex(16).filter((s) => s !== '0000000000000000'),
    name: fc.string(),
    kind: fc.constantFrom(...kinds),
    status: fc.constantFrom(...statuses),
    message: fc.string(),
    atUs: fc.nat({ max: 10_000_000 }),
    durUs: fc.nat({ max: 10_000_000 }),
    attrs,
    traceState: fc.constantFrom('', 'ot=th:8', 'vendor=x'),
  });

  it('holds for random span sets in every format (scalars only, so Jaeger v1 is lossless)', () => {
    fc.assert(
      fc.property(
        hex(32),
        fc.uniqueArray(spanArb, { minLength: 1, maxLength: 6, selector: (s) => s.id }),
        (traceId, specs) => {
          fc.pre(traceId !== '0'.repeat(32));
          const resources = new ResourceTable();
          const scope = { name: 'lib', version: '1', attributes: EMPTY_ATTRIBUTES };
          const trace = buildTrace(
            {
              traceId,
              startNs: 1700000000000000000n,
              spans: specs.map((s, i) => ({
                ...s,
                // Jaeger keeps a status message only alongside a status.
                message: s.status === 'unset' ? '' : s.message,
                service: `svc-${i % 2}`,
                // A chain keeps clock-skew warnings out of the comparison: children start after parents.
                parent: i === 0 ? undefined : specs[i - 1].id,
                atUs: i * 10_000_000 + s.atUs,
                durUs: 0,
              })),
            },
            resources,
            scope
          );
          for (const encode of Object.values(ENCODERS)) {
            const [decoded, ...rest] = decodeTraces(viaWire(encode([trace])));
            expect(rest).toEqual([]);
            expect(decoded.spans).toEqual(trace.spans);
          }
        }
      ),
      { numRuns: 150 }
    );
  });
});
