import type { SpanKind, StatusCode } from '../types';
import { describe, fail } from './decodeError';

/** Jaeger api_v3 writes enums as integers, Tempo's jsonpb as names; both use the OTLP numbering. */
const KIND_BY_NUMBER: readonly SpanKind[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const STATUS_BY_NUMBER: readonly StatusCode[] = ['unset', 'ok', 'error'];

/*
 * Switches rather than lookup tables: JSON.parse gives fresh (non-internalized) strings, and using
 * one as a property key costs a string-table lookup per span, where a switch compares directly.
 */
function kindByName(name: string): SpanKind {
  switch (name) {
    case 'SPAN_KIND_SERVER':
      return 'server';
    case 'SPAN_KIND_CLIENT':
      return 'client';
    case 'SPAN_KIND_INTERNAL':
      return 'internal';
    case 'SPAN_KIND_PRODUCER':
      return 'producer';
    case 'SPAN_KIND_CONSUMER':
      return 'consumer';
    default:
      return 'unspecified';
  }
}

function statusByName(name: string): StatusCode {
  switch (name) {
    case 'STATUS_CODE_ERROR':
      return 'error';
    case 'STATUS_CODE_OK':
      return 'ok';
    default:
      return 'unset';
  }
}

/** Values from a newer protocol version decode as unspecified rather than failing the whole trace. */
export function decodeKind(v: unknown): SpanKind {
  if (v === undefined || v === null) {
    return 'unspecified';
  }
  if (typeof v === 'number') {
    return KIND_BY_NUMBER[v] ?? 'unspecified';
  }
  if (typeof v === 'string') {
    return kindByName(v);
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
    return statusByName(v);
  }
  return fail('status.code', `expected a status code name or number, got ${describe(v)}`);
}

/** decodeKind as an index into SPAN_KINDS (the table's form); same rules, no string kept. */
export function kindIndex(v: unknown): number {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v < KIND_BY_NUMBER.length ? v : 0;
  }
  return KIND_BY_NUMBER.indexOf(decodeKind(v));
}

/** decodeStatusCode as an index into STATUS_CODES. */
export function statusIndex(v: unknown): number {
  if (typeof v === 'number') {
    return Number.isInteger(v) && v >= 0 && v < STATUS_BY_NUMBER.length ? v : 0;
  }
  return STATUS_BY_NUMBER.indexOf(decodeStatusCode(v));
}
