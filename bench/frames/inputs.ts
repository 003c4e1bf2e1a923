/**
 * The responses the bytes → frames bench feeds the data source, generated from a seed in the shape
 * of issue 18: 20 services, 8–15 attributes per span (plus the tags Jaeger adds for kind, status
 * and scope), events on about a third of the spans, links on some, errors with exception events.
 * Each input is the exact body a backend sends, in its own wire format.
 */
import type { AnsweringApi } from '../../src/core/backends/testing/answeringTransport';
import { searchTraces } from '../../src/core/engine';
import { encodeJaegerApiV3, encodeJaegerV1, encodeTempoV1, type Trace } from '../../src/core/model';
import { generateTraces, type GeneratorOptions } from '../../src/core/model/testing/syntheticTraces';
import { parseTraceQL } from '../../src/core/traceql';

/** Which API answered: Jaeger's v1 JSON, Jaeger's api_v3, or Tempo. */
export type InputApi = AnsweringApi;

export interface FrameInput {
  /** The bench row's name. */
  readonly label: string;
  /** The query type the data source runs: a trace by id, or a TraceQL search. */
  readonly queryType: 'traceId' | 'traceql';
  readonly api: InputApi;
  /** The trace id, or the TraceQL text. */
  readonly query: string;
  /** Search limit (the data source's default is 20). */
  readonly limit?: number;
  readonly body: string;
  readonly spans: number;
}

/** The shape; seeds and sizes fixed so every run measures the same bytes. */
const SHAPE: Partial<GeneratorOptions> = {
  services: 20,
  attributesPerSpan: 5,
  attributesPerSpanMax: 12,
  eventRate: 0.3,
  linkRate: 0.05,
  maxDepth: 10,
  maxFanOut: 8,
};

const ENCODERS: Readonly<Record<InputApi, (traces: readonly Trace[]) => unknown>> = {
  'jaeger-v1': encodeJaegerV1,
  'jaeger-api-v3': encodeJaegerApiV3,
  tempo: encodeTempoV1,
};

const API_NAMES: Readonly<Record<InputApi, string>> = {
  'jaeger-v1': 'Jaeger v1 /api/traces/{id}',
  'jaeger-api-v3': 'Jaeger api_v3 /api/v3/traces/{id}',
  tempo: 'Tempo /api/traces/{id} (OTLP batches)',
};

/** One trace of `spans` spans, as `api` answers a trace-by-id request. */
export function traceByIdInput(api: InputApi, spans: number): FrameInput {
  const [trace] = generateTraces({ ...SHAPE, seed: 18, traces: 1, spansPerTrace: spans });
  const body = JSON.stringify(ENCODERS[api]([trace]));
  return {
    label: `${API_NAMES[api]}, ${spans.toLocaleString('en-US')} spans`,
    queryType: 'traceId',
    api,
    query: trace.traceId,
    body,
    spans,
  };
}

/**
 * A Jaeger search answer of 200 traces × 60 spans. The query pushes the service down to Jaeger and
 * leaves a regex and a duration range (which Jaeger cannot do) for the engine, as real queries do.
 */
export const JAEGER_SEARCH_QUERY =
  '{ resource.service.name = "frontend" && span.http.route =~ "/(users|orders).*" && duration > 2ms }';

export function jaegerSearchInput(api: 'jaeger-v1' | 'jaeger-api-v3'): FrameInput {
  const traces = generateTraces({ ...SHAPE, seed: 19, traces: 200, spansPerTrace: 60 });
  return {
    label: `Jaeger search (${api === 'jaeger-v1' ? 'v1' : 'api_v3'}), 200 traces x 60 spans`,
    queryType: 'traceql',
    api,
    query: JAEGER_SEARCH_QUERY,
    body: JSON.stringify(ENCODERS[api](traces)),
    spans: 200 * 60,
  };
}

/**
 * Tempo's `/api/search` answer for 500 traces: made by the engine (which answers in Tempo's shape)
 * from generated traces, so spansets carry the attributes the query read, as Tempo's do.
 */
export const TEMPO_SEARCH_QUERY =
  '{ span.http.response.status_code >= 200 && resource.service.name != "frontend" } | select(span.http.route)';

export function tempoSearchInput(): FrameInput {
  const traces = generateTraces({ ...SHAPE, seed: 20, traces: 500, spansPerTrace: 40 });
  const parsed = parseTraceQL(TEMPO_SEARCH_QUERY);
  if (!parsed.ok) {
    throw new Error(`the Tempo search query does not parse: ${parsed.error.message}`);
  }
  const r = searchTraces(parsed.value, traces, { limit: 500, spss: 3 });
  if (!r.ok) {
    throw r.error;
  }
  return {
    label: `Tempo search, ${r.response.traces.length} traces with spansets`,
    queryType: 'traceql',
    api: 'tempo',
    query: TEMPO_SEARCH_QUERY,
    limit: 500,
    body: JSON.stringify(r.response),
    spans: r.response.traces.length,
  };
}
