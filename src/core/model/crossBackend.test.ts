import { searchTraces } from '../engine';
import { parseTraceQL } from '../traceql';
import { decodeTraces, encodeJaegerApiV3, encodeJaegerV1, encodeTempoV1, encodeTempoV2, type Trace } from '.';
import { guideTraces } from './testing/guideTraces';
import { generateTraces } from './testing/syntheticTraces';

/**
 * The promise of one trace model: the same traces served by Jaeger (v1 JSON, api_v3) and by Tempo
 * (v1 batches, v2) decode to identical models, so every TraceQL query gets identical answers
 * whichever backend holds the data.
 */

function viaWire(body: unknown): unknown {
  return JSON.parse(JSON.stringify(body));
}

const truth = guideTraces();
const BACKENDS: ReadonlyArray<[string, Trace[]]> = [
  ['Jaeger v1', decodeTraces(viaWire(encodeJaegerV1(truth)))],
  ['Jaeger api_v3', decodeTraces(viaWire(encodeJaegerApiV3(truth)))],
  // Tempo serves one trace per request: decode each body on its own, as the backend client does.
  ['Tempo v1', truth.flatMap((t) => decodeTraces(viaWire(encodeTempoV1([t]))))],
  ['Tempo v2', truth.flatMap((t) => decodeTraces(viaWire(encodeTempoV2([t]))))],
];

/** Query → ids (first 6 hex digits) of the traces it must find, in order. */
const QUERIES: ReadonlyArray<[string, string[]]> = [
  // filters
  ['{ resource.service.name = "database" && status = error }', ['e3b0c4']],
  ['{ span.http.response.status_code >= 500 }', ['e3b0c4']],
  ['{ .db.system = "sqlite" }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ span.request.bytes = 9007199254740993 }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ span.auth.score > 0.8 && span.cache.hit = false }', []],
  ['{ span.cache.hit = false }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ status = ok }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ event:name = "exception" }', ['e3b0c4', '0af765']],
  ['{ event.exception.type = "SqliteError" }', ['e3b0c4']],
  ['{ instrumentation:name = "@opentelemetry/instrumentation-http" && kind = consumer }', []],
  ['{ link:traceID = "000000000000000000000000000000ff" }', ['e3b0c4']],
  ['{ span:id = "d000000000000001" }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ span:parentID = "c000000000000002" }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ rootServiceName = "frontend" && rootName = "GET /users" && traceDuration > 1s }', ['e3b0c4']],
  // regex and negation
  ['{ name =~ "GET.*" && kind = server }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ resource.service.name !~ "auth.*" && duration > 50ms }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ statusMessage =~ ".*locked.*" }', ['e3b0c4']],
  ['{ !(status = error) && kind = client }', ['000000', 'e3b0c4', '4bf92f']],
  // ranges and nil
  ['{ duration >= 10ms && duration < 100ms }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ span.user.id != nil }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ span.user.id = nil && resource.service.name = "auth-service" }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  // structural, union, negated
  [
    '{ resource.service.name = "api-gateway" } >> { resource.service.name = "database" }',
    ['000000', 'e3b0c4', '4bf92f'],
  ],
  ['{ kind = server } > { kind = client }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ resource.service.name = "database" } << { resource.service.name = "frontend" }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ resource.service.name = "auth-service" } ~ { resource.service.name = "user-service" }', []],
  ['{ kind = client } ~ { kind = client }', ['000000', 'e3b0c4', '4bf92f']],
  ['{ resource.service.name = "frontend" } &>> { status = error }', ['e3b0c4', '0af765']],
  ['{ resource.service.name = "auth-service" } !>> { kind = server }', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ span.http.response.status_code = 401 } || { span.db.busy_retries > 0 }', ['e3b0c4', '0af765']],
  ['{ .user.id = "u-17" } && { status = error }', ['e3b0c4']],
  // aggregates, by, select
  ['{ status = error } | count() > 2', ['e3b0c4', '0af765']],
  ['{ } | avg(duration) > 100ms', ['e3b0c4']],
  ['{ resource.service.name = "user-service" } | max(duration) > 1s', ['e3b0c4']],
  ['{ } | min(duration) < 11ms', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ trace:rootService = "frontend" } | sum(duration) > 2s', ['e3b0c4']],
  ['{ kind = server } | by(resource.service.name) | count() > 0', ['000000', 'e3b0c4', '0af765', '4bf92f']],
  ['{ status = error } | select(span.http.response.status_code, resource.host.name, event:name)', ['e3b0c4', '0af765']],
];

describe('the same traces from Jaeger and from Tempo', () => {
  it.each(BACKENDS)('decode from %s to exactly the hand-made model', (_name, traces) => {
    expect(traces).toEqual(truth);
  });

  it.each(QUERIES)('%s gives identical answers over every backend', (query, expectedTraces) => {
    const parsed = parseTraceQL(query);
    if (!parsed.ok) {
      throw new Error(`test query does not parse: ${parsed.error.message}`);
    }
    const reference = searchTraces(parsed.value, truth, { limit: 100, spss: 100 });
    if (!reference.ok) {
      throw reference.error;
    }
    expect(reference.response.traces.map((t) => t.traceID.slice(0, 6))).toEqual(expectedTraces);
    for (const [, traces] of BACKENDS) {
      expect(searchTraces(parsed.value, traces, { limit: 100, spss: 100 })).toEqual(reference);
    }
  });
});

describe('the same synthetic traces at scale from Jaeger and from Tempo', () => {
  const synthetic = generateTraces({ seed: 11, traces: 40, spansPerTrace: 50, errorRate: 0.1 });
  const decoded: ReadonlyArray<[string, Trace[]]> = [
    ['Jaeger v1', decodeTraces(viaWire(encodeJaegerV1(synthetic)))],
    ['Jaeger api_v3', decodeTraces(viaWire(encodeJaegerApiV3(synthetic)))],
    ['Tempo v1', decodeTraces(viaWire(encodeTempoV1(synthetic)))],
  ];

  it.each(decoded)('decode from %s to the generated model', (_name, traces) => {
    expect(traces).toEqual(synthetic);
  });

  it.each([
    '{ status = error && span.http.response.status_code >= 500 }',
    '{ resource.service.name =~ "service-[2-4]" } >> { status = error }',
    '{ kind = server } !< { kind = client }',
    '{ span.attr.0 = "alpha" } | count() > 1',
    '{ } | by(resource.service.name) | avg(duration) > 100ms',
  ])('%s gives identical answers over every backend', (query) => {
    const parsed = parseTraceQL(query);
    if (!parsed.ok) {
      throw new Error(`test query does not parse: ${parsed.error.message}`);
    }
    const reference = searchTraces(parsed.value, synthetic, { limit: 100 });
    if (!reference.ok) {
      throw reference.error;
    }
    expect(reference.response.traces.length).toBeGreaterThan(0);
    for (const [, traces] of decoded) {
      expect(searchTraces(parsed.value, traces, { limit: 100 })).toEqual(reference);
    }
  });
});
