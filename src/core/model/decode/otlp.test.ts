import { TraceLensError } from '../../errors';
import { decodeOtlp, decodeTraces } from './decodeTraces';

const TEMPO_V2 = {
  trace: {
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'api-gateway' } }] },
        scopeSpans: [
          {
            scope: { name: 'my.library', version: '1.0.0' },
            spans: [
              {
                traceId: 'W47/95gDgQPSabYzgT/HAA==',
                spanId: '7uGbfsPBsQA=',
                name: 'GET /users',
                kind: 'SPAN_KIND_SERVER',
                startTimeUnixNano: '1689969302000000001',
                endTimeUnixNano: '1689969302250000003',
                traceState: 'ot=th:c',
                attributes: [
                  { key: 'http.status_code', value: { intValue: '500' } },
                  { key: 'big', value: { intValue: '9223372036854775807' } },
                  { key: 'ratio', value: { doubleValue: 0.25 } },
                  { key: 'cached', value: { boolValue: false } },
                  { key: 'raw', value: { bytesValue: 'AQI=' } },
                  { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 2 }] } } },
                  { key: 'nested', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
                  { key: 'empty', value: {} },
                ],
                events: [
                  {
                    timeUnixNano: '1689969302100000000',
                    name: 'exception',
                    attributes: [{ key: 'exception.message', value: { stringValue: 'boom' } }],
                  },
                ],
                links: [{ traceId: 'AAAAAAAAAAAAAAAAAAAAAQ==', spanId: 'AAAAAAAAAAI=', attributes: [] }],
                status: { code: 'STATUS_CODE_ERROR', message: 'db down' },
              },
              {
                traceId: 'W47/95gDgQPSabYzgT/HAA==',
                spanId: 'AAAAAAAAAAE=',
                parentSpanId: '7uGbfsPBsQA=',
                name: 'SELECT',
                kind: 'SPAN_KIND_CLIENT',
                startTimeUnixNano: '1689969302000000100',
                endTimeUnixNano: '1689969302000000200',
                status: {},
              },
            ],
          },
        ],
      },
    ],
  },
  status: 'PARTIAL',
};

describe('OTLP decoding', () => {
  it('decodes a Tempo v2 trace with base64 ids, enum names and string int64s', () => {
    const [trace, ...rest] = decodeTraces(TEMPO_V2);
    expect(rest).toHaveLength(0);
    expect(trace.traceId).toBe('5b8efff798038103d269b633813fc700');
    expect(trace.partial).toBe(true);
    expect(trace.warnings).toEqual(['Tempo returned a partial trace: the trace may be incomplete']);
    const [server, client] = trace.spans;
    expect(server).toMatchObject({
      spanId: 'eee19b7ec3c1b100',
      parentSpanId: '',
      kind: 'server',
      statusCode: 'error',
      statusMessage: 'db down',
      startTimeUnixNano: 1689969302000000001n,
      durationNanos: 250000002,
      traceState: 'ot=th:c',
    });
    expect({ ...server.attributes }).toEqual({
      'http.status_code': 500,
      big: 9223372036854775807n,
      ratio: 0.25,
      cached: false,
      raw: 'AQI=',
      tags: ['a', 2],
      nested: { k: 'v' },
    });
    expect(server.events).toEqual([
      { name: 'exception', timeUnixNano: 1689969302100000000n, attributes: { 'exception.message': 'boom' } },
    ]);
    expect(server.links).toEqual([
      { traceId: '00000000000000000000000000000001', spanId: '0000000000000002', attributes: {} },
    ]);
    expect(server.scope).toMatchObject({ name: 'my.library', version: '1.0.0' });
    expect(client).toMatchObject({
      parentSpanId: 'eee19b7ec3c1b100',
      kind: 'client',
      statusCode: 'unset',
      durationNanos: 100,
    });
  });

  it('shares one Resource and one scope object across spans of a block', () => {
    const [trace] = decodeTraces(TEMPO_V2);
    expect(trace.spans[0].resource).toBe(trace.spans[1].resource);
    expect(trace.spans[0].scope).toBe(trace.spans[1].scope);
    expect(trace.spans[0].resource.serviceName).toBe('api-gateway');
  });

  it('decodes Jaeger api_v3 hex ids and integer enums', () => {
    const traces = decodeTraces({
      result: {
        resourceSpans: [
          {
            resource: {},
            scopeSpans: [
              {
                scope: {},
                spans: [
                  {
                    kind: 2,
                    name: 'foobar',
                    spanId: '0000000000000002',
                    status: { code: 2 },
                    traceId: '00000000000000000000000000000001',
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    expect(traces).toHaveLength(1);
    expect(traces[0].spans[0]).toMatchObject({
      kind: 'server',
      statusCode: 'error',
      spanId: '0000000000000002',
      name: 'foobar',
    });
  });

  // Regression #19: Jaeger's api_v3 puts its own span warnings in an `@jaeger@warnings` attribute,
  // one copy per adjuster pass, so a span's details listed the same remark over and over.
  it("turns Jaeger's @jaeger@warnings attribute into trace warnings, once per span and message", () => {
    const lost = 'parent span ID=4e8d61d705b1ecf1 is not in the trace; skipping clock skew adjustment';
    const warnings = (messages: string[]) => ({
      key: '@jaeger@warnings',
      value: { arrayValue: { values: messages.map((m) => ({ stringValue: m })) } },
    });
    const span = (spanId: string, attributes: unknown[]) => ({
      traceId: '00000000000000000000000000000001',
      spanId,
      name: 'GET /dispatch',
      startTimeUnixNano: '1689969302000000000',
      endTimeUnixNano: '1689969302000001000',
      attributes,
    });
    // A fresh body each time: an owned body's attribute objects become the decoded pairs.
    const route = () => ({ key: 'http.route', value: { stringValue: '/dispatch' } });
    for (const owned of [false, true]) {
      const [trace] = decodeOtlp(
        {
          result: {
            resourceSpans: [
              {
                resource: {},
                scopeSpans: [
                  {
                    spans: [
                      span('0000000000000002', [route(), warnings(Array(90).fill(lost))]),
                      span('0000000000000003', [warnings([lost, 'clock skew adjusted by 2ms'])]),
                      span('0000000000000004', [route()]),
                    ],
                  },
                ],
              },
            ],
          },
        },
        { owned }
      );
      expect(trace.warnings).toEqual([
        `Jaeger: span 0000000000000002: ${lost}`,
        `Jaeger: span 0000000000000003: ${lost}`,
        'Jaeger: span 0000000000000003: clock skew adjusted by 2ms',
      ]);
      expect(trace.spans.map((s) => s.attributes)).toEqual([
        { 'http.route': '/dispatch' },
        {},
        { 'http.route': '/dispatch' },
      ]);
    }
  });

  it('reads the legacy instrumentationLibrarySpans key and Tempo v1 batches', () => {
    const traces = decodeTraces({
      batches: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'old' } }] },
          instrumentationLibrarySpans: [
            {
              instrumentationLibrary: { name: 'lib', version: '0.1' },
              spans: [
                { traceId: 'AAAAAAAAAAAAAAAAAAAAAQ==', spanId: 'AAAAAAAAAAE=', name: 'x', kind: 'SPAN_KIND_INTERNAL' },
              ],
            },
          ],
        },
      ],
    });
    expect(traces[0].spans[0]).toMatchObject({ kind: 'internal', scope: { name: 'lib', version: '0.1' } });
    expect(traces[0].spans[0].resource.serviceName).toBe('old');
    expect(traces[0].partial).toBeUndefined();
  });

  it('groups interleaved spans by trace id in first-seen order', () => {
    const span = (t: string, s: string) => ({ traceId: t, spanId: s, name: s });
    const a = '0000000000000000000000000000000a';
    const b = '0000000000000000000000000000000b';
    const traces = decodeOtlp({
      resourceSpans: [{ scopeSpans: [{ spans: [span(b, '01'), span(a, '02'), span(b, '03')] }] }],
    });
    expect(traces.map((t) => [t.traceId, t.spans.map((s) => s.name)])).toEqual([
      [b, ['01', '03']],
      [a, ['02']],
    ]);
  });

  it('treats a Jaeger 404 "No traces found" as an empty answer and other errors as http errors', () => {
    expect(decodeTraces({ error: { httpCode: 404, message: 'No traces found' } })).toEqual([]);
    expect(() => decodeTraces({ error: { httpCode: 500, message: 'storage down' } })).toThrow(
      expect.objectContaining({ kind: 'http', status: 500, message: 'Jaeger api_v3 error 500: storage down' })
    );
  });

  it("keeps Tempo's reason for a partial trace as a warning", () => {
    const [trace] = decodeTraces({ ...TEMPO_V2, message: 'trace exceeds max size' });
    expect(trace.warnings).toEqual(['Tempo returned a partial trace: trace exceeds max size']);
  });

  it('returns no traces for an empty Tempo v2 answer', () => {
    expect(decodeTraces({ trace: {} })).toEqual([]);
  });

  it.each([
    [
      { batches: [{ scopeSpans: [{ spans: [{ traceId: 'zz', spanId: 'AAAAAAAAAAE=' }] }] }] },
      'batches[0].scopeSpans[0].spans[0].traceId',
    ],
    [
      { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: '01', spanId: '01', startTimeUnixNano: 'soon' }] }] }] },
      'resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano',
    ],
    [
      {
        resourceSpans: [
          {
            scopeSpans: [
              { spans: [{ traceId: '01', spanId: '01', attributes: [{ key: 'a', value: { intValue: 'x' } }] }] },
            ],
          },
        ],
      },
      'spans[0].attributes[0].value.intValue',
    ],
    [
      {
        resourceSpans: [
          {
            scopeSpans: [
              {
                spans: [
                  {
                    traceId: '01',
                    spanId: '01',
                    events: [{ attributes: [{ key: 'k', value: { arrayValue: { values: [{ boolValue: 1 }] } } }] }],
                  },
                ],
              },
            ],
          },
        ],
      },
      'events[0].attributes[0].value.arrayValue.values[0].boolValue',
    ],
    [{ resourceSpans: [{ resource: { attributes: 'no' } }] }, 'resourceSpans[0].resource.attributes'],
    [{ resourceSpans: 3 }, 'resourceSpans'],
  ])('names where malformed input broke (%#)', (body, path) => {
    let caught: unknown;
    try {
      decodeTraces(body);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TraceLensError);
    expect((caught as TraceLensError).kind).toBe('malformed');
    expect((caught as TraceLensError).message).toContain(path);
  });

  it('rejects bodies that are not a trace format, naming what it got', () => {
    expect(() => decodeTraces({ hello: 1 })).toThrow(/not a trace format.*"hello"/);
    expect(() => decodeTraces(42)).toThrow(/not a trace format/);
  });

  it('keeps attribute keys that collide with Object.prototype as ordinary entries', () => {
    const [trace] = decodeTraces({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '01',
                  spanId: '01',
                  attributes: [
                    { key: '__proto__', value: { stringValue: 'p' } },
                    { key: 'constructor', value: { stringValue: 'c' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    const attrs = trace.spans[0].attributes;
    expect(Object.keys(attrs)).toEqual(['__proto__', 'constructor']);
    expect(attrs['toString']).toBeUndefined();
  });
});
