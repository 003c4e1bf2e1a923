import type { Trace } from '../types';
import { encodeJaegerTrace, type JaegerTraceJson } from './jaegerV1';
import { encodeResourceSpans, JAEGER_V3_FLAVOUR, TEMPO_FLAVOUR, type OtlpResourceSpans } from './otlp';

/**
 * Trace[] back into each wire format, as the real servers would answer. Used by tests, fixtures,
 * benchmarks and the sandbox's fake backends.
 */

/** `GET /api/traces/{id}` or v1 search on Jaeger. */
export function encodeJaegerV1(traces: readonly Trace[]): {
  data: JaegerTraceJson[];
  total: number;
  limit: number;
  offset: number;
  errors: null;
} {
  return { data: traces.map(encodeJaegerTrace), total: 0, limit: 0, offset: 0, errors: null };
}

/** Jaeger `GET /api/v3/traces` or `/api/v3/traces/{id}`: hex ids, integer enums. */
export function encodeJaegerApiV3(traces: readonly Trace[]): { result: { resourceSpans: OtlpResourceSpans[] } } {
  return { result: { resourceSpans: encodeResourceSpans(traces, JAEGER_V3_FLAVOUR) } };
}

/** Tempo `GET /api/traces/{id}`: OTLP with `resourceSpans` renamed to `batches`, base64 ids, enum names. */
export function encodeTempoV1(traces: readonly Trace[]): { batches: OtlpResourceSpans[] } {
  return { batches: encodeResourceSpans(traces, TEMPO_FLAVOUR) };
}

/** Tempo `GET /api/v2/traces/{id}`; PARTIAL when any trace is marked partial. */
export function encodeTempoV2(traces: readonly Trace[]): {
  trace: { resourceSpans: OtlpResourceSpans[] };
  status?: 'PARTIAL';
} {
  const body: { trace: { resourceSpans: OtlpResourceSpans[] }; status?: 'PARTIAL' } = {
    trace: { resourceSpans: encodeResourceSpans(traces, TEMPO_FLAVOUR) },
  };
  if (traces.some((t) => t.partial)) {
    body.status = 'PARTIAL';
  }
  return body;
}

/** Plain OTLP JSON as the spec writes it (hex ids, integer enums), e.g. an OTLP/HTTP export body. */
export function encodeOtlp(traces: readonly Trace[]): { resourceSpans: OtlpResourceSpans[] } {
  return { resourceSpans: encodeResourceSpans(traces, JAEGER_V3_FLAVOUR) };
}
