import { WholeDouble } from '../wholeDouble';
import { decodeJaegerV1, decodeTraces } from './decodeTraces';

const kv = (key: string, type: string, value: unknown) => ({ key, type, value });

const TRACE = {
  traceID: '00000000000000aa',
  spans: [
    {
      traceID: '00000000000000aa',
      spanID: '0000000000000001',
      operationName: 'GET /login',
      references: [],
      startTime: 1700000000000001,
      duration: 2500,
      tags: [
        kv('span.kind', 'string', 'server'),
        kv('http.method', 'string', 'GET'),
        kv('otel.status_code', 'string', 'ERROR'),
        kv('otel.status_description', 'string', 'bad password'),
        kv('error', 'bool', true),
        kv('otel.scope.name', 'string', '@opentelemetry/instrumentation-http'),
        kv('otel.scope.version', 'string', '0.223.0'),
        kv('w3c.tracestate', 'string', 'ot=th:8'),
        kv('retries', 'int64', 3),
        kv('huge', 'int64', '9223372036854775222'),
        kv('load', 'float64', 0.5),
        kv('ratio', 'float64', 2),
        kv('blob', 'binary', 'AQI='),
      ],
      logs: [
        {
          timestamp: 1700000000000100,
          fields: [kv('event', 'string', 'exception'), kv('exception.type', 'string', 'AuthError')],
        },
      ],
      processID: 'p1',
      warnings: null,
    },
    {
      traceID: '00000000000000aa',
      spanID: '0000000000000002',
      operationName: 'SELECT users',
      references: [
        { refType: 'CHILD_OF', traceID: '00000000000000aa', spanID: '0000000000000001' },
        { refType: 'FOLLOWS_FROM', traceID: '00000000000000bb', spanID: '0000000000000009' },
      ],
      startTime: 1700000000000500,
      duration: 100,
      tags: [
        kv('span.kind', 'string', 'client'),
        kv('otel.library.name', 'string', 'sqlite'),
        kv('otel.library.version', 'string', '1'),
      ],
      logs: [],
      processID: 'p2',
    },
  ],
  processes: {
    p1: { serviceName: 'auth-service', tags: [kv('host.name', 'string', 'box-1')] },
    p2: { serviceName: 'database', tags: [] },
  },
  warnings: ['clock skew adjustment disabled'],
};

describe('Jaeger v1 decoding', () => {
  it('maps spans the way Jaeger translates them to OTLP', () => {
    const [trace] = decodeTraces({ data: [TRACE], total: 0, limit: 0, offset: 0, errors: null });
    expect(trace.traceId).toBe('000000000000000000000000000000aa');
    const [server, db] = trace.spans;
    expect(server).toMatchObject({
      spanId: '0000000000000001',
      parentSpanId: '',
      name: 'GET /login',
      kind: 'server',
      statusCode: 'error',
      statusMessage: 'bad password',
      startTimeUnixNano: 1700000000000001000n,
      durationNanos: 2500000,
      traceState: 'ot=th:8',
      scope: { name: '@opentelemetry/instrumentation-http', version: '0.223.0' },
    });
    expect({ ...server.attributes }).toEqual({
      'http.method': 'GET',
      retries: 3,
      huge: 9223372036854775222n,
      load: 0.5,
      ratio: new WholeDouble(2),
      blob: 'AQI=',
    });
    // A whole float64 stays a double, not the int 2 (toEqual alone does not tell them apart).
    expect(server.attributes.ratio).toBeInstanceOf(WholeDouble);
    expect(server.attributes.retries).toBe(3);
    expect(server.events).toEqual([
      { name: 'exception', timeUnixNano: 1700000000000100000n, attributes: { 'exception.type': 'AuthError' } },
    ]);
    expect(server.resource).toEqual({
      serviceName: 'auth-service',
      attributes: { 'service.name': 'auth-service', 'host.name': 'box-1' },
    });
    expect(db).toMatchObject({
      parentSpanId: '0000000000000001',
      kind: 'client',
      statusCode: 'unset',
      scope: { name: 'sqlite', version: '1' },
    });
    expect(db.links).toEqual([
      { traceId: '000000000000000000000000000000bb', spanId: '0000000000000009', attributes: {} },
    ]);
  });

  it('keeps Jaeger warnings on the trace', () => {
    const [trace] = decodeJaegerV1(TRACE);
    expect(trace.warnings).toEqual(['Jaeger: clock skew adjustment disabled']);
  });

  it('keeps span-level Jaeger warnings once each, naming the span', () => {
    const warning = 'invalid parent span IDs=0000000000000009';
    const span = { ...TRACE.spans[1], references: [], warnings: [warning, warning, warning] };
    const [trace] = decodeJaegerV1({ ...TRACE, spans: [span], warnings: null });
    expect(trace.warnings).toEqual(['Jaeger: span 0000000000000002: invalid parent span IDs=0000000000000009']);
  });

  it('takes the error tag as the status even without otel.status_code', () => {
    const span = { ...TRACE.spans[1], references: [], tags: [kv('error', 'bool', true)] };
    const [trace] = decodeJaegerV1({ ...TRACE, spans: [span] });
    expect(trace.spans[0].statusCode).toBe('error');
    expect(trace.spans[0].attributes).toEqual({});
  });

  it('reads OK status and hides the status tags from attributes', () => {
    const span = { ...TRACE.spans[1], references: [], tags: [kv('otel.status_code', 'string', 'OK')] };
    const [trace] = decodeJaegerV1([{ ...TRACE, spans: [span] }]);
    expect(trace.spans[0]).toMatchObject({ statusCode: 'ok', attributes: {} });
  });

  it('uses an inline process and the deprecated parentSpanID when there are no references', () => {
    const span = {
      traceID: '1',
      spanID: '3',
      parentSpanID: '2',
      operationName: 'x',
      startTime: 1,
      duration: 1,
      process: { serviceName: 'solo', tags: [] },
    };
    const [trace] = decodeJaegerV1({ traceID: '1', spans: [span] });
    expect(trace.spans[0]).toMatchObject({ parentSpanId: '0000000000000002', resource: { serviceName: 'solo' } });
  });

  it('reports Jaeger error envelopes and malformed fields with their path', () => {
    expect(() => decodeTraces({ data: null, errors: [{ code: 400, msg: 'service is required' }] })).toThrow(
      'Jaeger v1 JSON at errors: Jaeger reported: service is required'
    );
    const badTag = { ...TRACE.spans[0], tags: [kv('n', 'int64', 'twelve')] };
    expect(() => decodeTraces({ data: [{ ...TRACE, spans: [badTag] }] })).toThrow(
      'Jaeger v1 JSON at data[0].spans[0].tags[0].value'
    );
    const badTime = { ...TRACE.spans[0], startTime: '17' };
    expect(() => decodeTraces({ data: [{ ...TRACE, spans: [badTime] }] })).toThrow(
      /data\[0\]\.spans\[0\]\.startTime: expected whole microseconds/
    );
  });

  it('returns nothing for an empty data array', () => {
    expect(decodeTraces({ data: [] })).toEqual([]);
    expect(decodeTraces({ data: null })).toEqual([]);
  });
});
