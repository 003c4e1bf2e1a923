import type { SpanKind, StatusCode } from '../types';
import { describe, fail } from './decodeError';

/** Jaeger api_v3 writes enums as integers, Tempo's jsonpb as names; both use the OTLP numbering. */
const KIND_BY_NUMBER: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_BY_NUMBER: readonly StatusCode[] = ['unset', 'ok', 'error'];

const KIND_BY_NAME: Readonly<Record<string, SpanKind>> = {
  SPAN_KIND_UNSPECIFIED: 'unspecified',
  SPAN_KIND_INTERNAL: 'internal',
  SPAN_KIND_SERVER: 'server',
  SPAN_KIND_CLIENT: 'client',
  SPAN_KIND_PRODUCER: 'producer',
  SPAN_KIND_CONSUMER: 'consumer',
};

const STATUS_BY_NAME: Readonly<Record<string, StatusCode>> = {
  STATUS_CODE_UNSET: 'unset',
  STATUS_CODE_OK: 'ok',
  STATUS_CODE_ERROR: 'error',
};

/** Values from a newer protocol version decode as unspecified rather than failing the whole trace. */
export function decodeKind(v: unknown): SpanKind {
  if (v === undefined || v === null) {
    return 'unspecified';
  }
  if (typeof v === 'number') {
    return KIND_BY_NUMBER[v] ?? 'unspecified';
  }
  if (typeof v === 'string') {
    return Object.prototype.hasOwnProperty.call(KIND_BY_NAME, v) ? KIND_BY_NAME[v] : 'unspecified';
  }
  return fail('kind', `expected a span kind name or number, got ${describe(v)}`);
}

export function decodeStatusCode(v: unknown): StatusCode {
  if (v === undefined || v === null) {
    return 'unset';
  }
  if (typeof v === 'number') {
    return STATUS_BY_NUMBER[v] ?? 'unset';
  }
  if (typeof v === 'string') {
    return Object.prototype.hasOwnProperty.call(STATUS_BY_NAME, v) ? STATUS_BY_NAME[v] : 'unset';
  }
  return fail('status.code', `expected a status code name or number, got ${describe(v)}`);
}
