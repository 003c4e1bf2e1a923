/**
 * One normalized trace model for every wire format (Jaeger v1 JSON, Jaeger api_v3 OTLP JSON,
 * Tempo OTLP JSON, plain OTLP JSON). The engine, the planner's residual and every analysis read
 * only this shape, so they never care which backend a trace came from.
 *
 * Times: absolute instants are nanoseconds since the epoch as `bigint`, because 1.7e18 does not fit
 * a double exactly. Durations are nanoseconds as `number`: exact up to 2^53 ns (about 104 days).
 */

import type { WholeDouble } from './wholeDouble';

/**
 * 64-bit integers beyond Number.MAX_SAFE_INTEGER stay exact as bigint. A number is an int when it
 * is whole and a double otherwise; a double that is whole is a WholeDouble, so the two stay apart.
 */
export type AttributeValue = string | number | boolean | bigint | WholeDouble | AttributeValue[] | AttributeMap;

export interface AttributeMap {
  readonly [key: string]: AttributeValue;
}

export type SpanKind = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';
export type StatusCode = 'unset' | 'ok' | 'error';

/** A resource is shared by all spans that came in the same resourceSpans block (or Jaeger process). */
export interface Resource {
  /** `service.name`, copied out because almost every query and analysis reads it. */
  readonly serviceName: string;
  readonly attributes: AttributeMap;
}

export interface InstrumentationScope {
  readonly name: string;
  readonly version: string;
  readonly attributes: AttributeMap;
}

export interface SpanEvent {
  readonly name: string;
  readonly timeUnixNano: bigint;
  readonly attributes: AttributeMap;
}

export interface SpanLink {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits. */
  readonly spanId: string;
  readonly attributes: AttributeMap;
}

export interface Span {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  /** 16 lowercase hex digits. */
  readonly spanId: string;
  /** 16 lowercase hex digits, or '' for a root span. */
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly statusCode: StatusCode;
  readonly statusMessage: string;
  readonly startTimeUnixNano: bigint;
  readonly durationNanos: number;
  readonly attributes: AttributeMap;
  readonly resource: Resource;
  readonly scope: InstrumentationScope;
  readonly events: readonly SpanEvent[];
  readonly links: readonly SpanLink[];
  /** W3C tracestate as received ('' when absent); carries `ot=th:` sampling thresholds. */
  readonly traceState: string;
}

export interface Trace {
  /** 32 lowercase hex digits. */
  readonly traceId: string;
  readonly spans: readonly Span[];
  /** Problems found while decoding (clock skew, missing parents, dropped fields). */
  readonly warnings: readonly string[];
  /** True when the backend said the trace may be incomplete (Tempo PARTIAL status). */
  readonly partial?: boolean;
}

export const SPAN_KINDS: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
export const STATUS_CODES: readonly StatusCode[] = ['unset', 'ok', 'error'];
