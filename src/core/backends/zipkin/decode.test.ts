import { fixture } from '../testing/fixtures';
import { getAttribute } from '../../model';
import { decodeZipkin, looksLikeZipkin } from './decode';

const trace = () => decodeZipkin(JSON.parse(fixture('zipkin', 'trace.json')));

describe('Zipkin v2 JSON decodes into the trace model (OpenTelemetry mapping read backwards)', () => {
  it('maps ids, kinds, microsecond times and services', () => {
    const [t] = trace();
    expect(t.traceId).toBe('463ac35c9f6413ad48485a3953bb6124');
    const [server, client, internal] = t.spans;
    expect(server).toMatchObject({
      spanId: 'a2fb4a1d1a96d312',
      parentSpanId: '',
      name: 'get /api/users',
      kind: 'server',
      startTimeUnixNano: 1700000000000100000n,
      durationNanos: 25_000_000,
    });
    expect(server.resource.serviceName).toBe('frontend');
    expect(getAttribute(server.resource.attributes, 'service.name')).toBe('frontend');
    expect(client.resource).toBe(server.resource); // one resource per service
    expect(client).toMatchObject({ parentSpanId: 'a2fb4a1d1a96d312', kind: 'client' });
    expect(internal).toMatchObject({ kind: 'internal', parentSpanId: 'b2fb4a1d1a96d313' });
    expect(internal.resource.serviceName).toBe('auth-service');
  });

  it('reads status from otel.status_code and error, and keeps neither as an attribute', () => {
    const [server, client, internal] = trace()[0].spans;
    expect([server.statusCode, server.statusMessage]).toEqual(['error', 'upstream failed']);
    expect([client.statusCode, client.statusMessage]).toEqual(['ok', '']);
    // An `error` tag alone (Brave, older exporters) is an error; its empty value is an empty message.
    expect([internal.statusCode, internal.statusMessage]).toEqual(['error', '']);
    for (const key of ['error', 'otel.status_code', 'otel.scope.name']) {
      expect(getAttribute(server.attributes, key)).toBeUndefined();
    }
    expect(server.scope).toMatchObject({ name: '@opentelemetry/instrumentation-http', version: '0.223.0' });
  });

  it('types canonical literals, keeps other tags as strings, keys as sent', () => {
    const server = trace()[0].spans[0];
    expect(getAttribute(server.attributes, 'http.status_code')).toBe(500);
    expect(getAttribute(server.attributes, 'ratio')).toBe(0.25);
    expect(getAttribute(server.attributes, 'retry')).toBe(false);
    expect(getAttribute(server.attributes, 'padded')).toBe(' 42 ');
    expect(getAttribute(server.attributes, 'http.method')).toBe('GET');
    expect(getAttribute(server.attributes, 'Mixed.Key')).toBe('Val');
    // Flattened resource attributes stay on the span, where unscoped lookups find them.
    expect(getAttribute(server.attributes, 'deployment.environment')).toBe('demo');
  });

  it('turns annotations into events and the remote endpoint into peer attributes', () => {
    const [server, client] = trace()[0].spans;
    expect(server.events).toEqual([{ name: 'exception', timeUnixNano: 1700000000000200000n, attributes: {} }]);
    expect(getAttribute(client.attributes, 'peer.service')).toBe('database');
    expect(getAttribute(client.attributes, 'network.peer.address')).toBe('10.0.0.9');
    expect(getAttribute(client.attributes, 'network.peer.port')).toBe(5432);
  });

  it('reads a search answer (a list of traces), padding 64-bit trace ids and keeping int64 exact', () => {
    const traces = decodeZipkin(JSON.parse(fixture('zipkin', 'traces.json')));
    expect(traces.map((t) => t.traceId)).toEqual([
      '000000000000000048485a3953bb6124',
      '463ac35c9f6413ad48485a3953bb6124',
    ]);
    const [producer, consumer] = traces[0].spans;
    expect([producer.kind, consumer.kind]).toEqual(['producer', 'consumer']);
    expect(getAttribute(producer.attributes, 'big')).toBe(9223372036854775807n);
    expect(getAttribute(producer.attributes, 'huge')).toBe('9223372036854775808');
  });

  it('names the place and the cause of malformed input, never crashing', () => {
    expect(() => decodeZipkin({ spans: [] })).toThrow(/Zipkin v2 JSON: expected a list of spans or of traces/);
    expect(() => decodeZipkin([[{ traceId: 'xyz', id: '0000000000000001' }]])).toThrow(
      /Zipkin v2 JSON at \[0\]\[0\]\.traceId: expected 16 or 32 hex digits/
    );
    expect(() => decodeZipkin([{ traceId: 'aa', id: '01', kind: 'INTERNAL' }])).toThrow(/\[0\]\.kind/);
    expect(() => decodeZipkin([{ traceId: '0000000000000001', id: '0000000000000001', tags: { n: 5 } }])).toThrow(
      /\[0\]\.tags\.n: expected a string/
    );
    expect(() => decodeZipkin([{ traceId: '0000000000000001', id: '0000000000000001', timestamp: 1.5 }])).toThrow(
      /\[0\]\.timestamp: expected whole microseconds/
    );
    expect(decodeZipkin([])).toEqual([]);
  });

  it('recognises Zipkin bodies and nothing else', () => {
    expect(looksLikeZipkin(JSON.parse(fixture('zipkin', 'trace.json')))).toBe(true);
    expect(looksLikeZipkin(JSON.parse(fixture('zipkin', 'traces.json')))).toBe(true);
    expect(looksLikeZipkin(JSON.parse(fixture('jaeger', 'v1-search.json')))).toBe(false);
    expect(looksLikeZipkin([])).toBe(false);
  });
});
