import { EMPTY_ATTRIBUTES } from '../attributes';
import type { AttributePair } from '../table/spanTable';
import type { AttributeValue, InstrumentationScope } from '../types';
import { NO_PAIRS, withoutDuplicates } from './attributePairs';
import { within } from './decodeError';
import { jaegerKey, jaegerValue } from './jaegerKeyValue';

/**
 * Jaeger v1 has no fields for kind, status, scope or tracestate: Jaeger's OTLP translation stores
 * them as span tags. Reading them back the same way makes a span fetched over v1 look exactly like
 * the same span fetched over api_v3 or from Tempo, so TraceQL answers do not depend on the API.
 * These tags become model fields and are not also exposed as span attributes.
 */
export interface MappedSpanTags {
  /** The other tags, as typed pairs (deduplicated). */
  readonly attributes: readonly AttributePair[];
  /** Index into SPAN_KINDS. */
  readonly kind: number;
  /** Index into STATUS_CODES. */
  readonly statusCode: number;
  readonly statusMessage: string;
  readonly scopeName: string;
  readonly scopeVersion: string;
  readonly traceState: string;
}

/** Index into SPAN_KINDS of a `span.kind` tag's value. */
function kindIndexOf(value: string): number {
  switch (value.toLowerCase()) {
    case 'internal':
      return 1;
    case 'server':
      return 2;
    case 'client':
      return 3;
    case 'producer':
      return 4;
    case 'consumer':
      return 5;
    default:
      return 0;
  }
}

/**
 * One result object reused for every span (decoding is single-threaded and each result is read
 * before the next call), so mapping a span's tags allocates only its attribute pairs.
 */
const RESULT = {
  attributes: NO_PAIRS,
  kind: 0,
  statusCode: 0,
  statusMessage: '',
  scopeName: '',
  scopeVersion: '',
  traceState: '',
};

export function mapJaegerSpanTags(tags: readonly unknown[]): MappedSpanTags {
  let attributes: AttributePair[] | null = null;
  let kind = 0;
  let errorTag = false;
  let otelStatus: string | null = null;
  let statusMessage = '';
  let scopeName = '';
  let scopeVersion = '';
  let libraryName = '';
  let libraryVersion = '';
  let traceState = '';
  for (let i = 0; i < tags.length; i++) {
    let key: string;
    let value: AttributeValue;
    try {
      const kv = tags[i];
      key = jaegerKey(kv);
      value = jaegerValue(kv as Record<string, unknown>);
    } catch (e) {
      return within(e, `tags[${i}]`);
    }
    switch (key) {
      case 'span.kind':
        kind = typeof value === 'string' ? kindIndexOf(value) : 0;
        break;
      case 'error':
        errorTag = value === true || value === 'true';
        break;
      case 'otel.status_code':
        otelStatus = String(value).toUpperCase();
        break;
      case 'otel.status_description':
        statusMessage = String(value);
        break;
      case 'otel.scope.name':
        scopeName = String(value);
        break;
      case 'otel.scope.version':
        scopeVersion = String(value);
        break;
      case 'otel.library.name':
        libraryName = String(value);
        break;
      case 'otel.library.version':
        libraryVersion = String(value);
        break;
      case 'w3c.tracestate':
        traceState = String(value);
        break;
      default:
        (attributes ??= []).push({ key, value });
    }
  }
  // As in Jaeger's translator, `error=true` is the final word; otherwise otel.status_code decides.
  let statusCode = 0;
  if (errorTag || otelStatus === 'ERROR') {
    statusCode = 2;
  } else if (otelStatus === 'OK') {
    statusCode = 1;
  }
  const r = RESULT;
  r.attributes = attributes === null ? NO_PAIRS : withoutDuplicates(attributes);
  r.kind = kind;
  r.statusCode = statusCode;
  r.statusMessage = statusCode === 0 ? '' : statusMessage;
  r.scopeName = scopeName || libraryName;
  r.scopeVersion = scopeName ? scopeVersion : libraryVersion || scopeVersion;
  r.traceState = traceState;
  return r;
}

/** Scopes are shared between spans with the same name and version, like OTLP's scopeSpans blocks. */
export class ScopeCache {
  private readonly scopes = new Map<string, InstrumentationScope>();
  private last: InstrumentationScope | null = null;

  get(name: string, version: string): InstrumentationScope {
    // Consecutive spans nearly always share a scope; skip building the key for them.
    if (this.last !== null && this.last.name === name && this.last.version === version) {
      return this.last;
    }
    const key = `${name}\u0000${version}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      scope = { name, version, attributes: EMPTY_ATTRIBUTES };
      this.scopes.set(key, scope);
    }
    this.last = scope;
    return scope;
  }
}
