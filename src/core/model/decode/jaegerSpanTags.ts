import { EMPTY_ATTRIBUTES, newAttributeMap, type MutableAttributeMap } from '../attributes';
import type { AttributeMap, AttributeValue, InstrumentationScope, SpanKind, StatusCode } from '../types';
import { within } from './decodeError';
import { jaegerKey, jaegerValue } from './jaegerKeyValue';

/**
 * Jaeger v1 has no fields for kind, status, scope or tracestate: Jaeger's OTLP translation stores
 * them as span tags. Reading them back the same way makes a span fetched over v1 look exactly like
 * the same span fetched over api_v3 or from Tempo, so TraceQL answers do not depend on the API.
 * These tags become model fields and are not also exposed as span attributes.
 */
export interface MappedSpanTags {
  readonly attributes: AttributeMap;
  readonly kind: SpanKind;
  readonly statusCode: StatusCode;
  readonly statusMessage: string;
  readonly scopeName: string;
  readonly scopeVersion: string;
  readonly traceState: string;
}

const KINDS: Readonly<Record<string, SpanKind>> = {
  client: 'client',
  server: 'server',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
};

export function mapJaegerSpanTags(tags: readonly unknown[]): MappedSpanTags {
  let attributes: MutableAttributeMap | null = null;
  let kind: SpanKind = 'unspecified';
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
        kind = typeof value === 'string' ? (KINDS[value.toLowerCase()] ?? 'unspecified') : 'unspecified';
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
        if (attributes === null) {
          attributes = newAttributeMap();
        }
        attributes[key] = value;
    }
  }
  // As in Jaeger's translator, `error=true` is the final word; otherwise otel.status_code decides.
  let statusCode: StatusCode = 'unset';
  if (errorTag) {
    statusCode = 'error';
  } else if (otelStatus === 'ERROR') {
    statusCode = 'error';
  } else if (otelStatus === 'OK') {
    statusCode = 'ok';
  }
  return {
    attributes: attributes ?? EMPTY_ATTRIBUTES,
    kind,
    statusCode,
    statusMessage: statusCode === 'unset' ? '' : statusMessage,
    scopeName: scopeName || libraryName,
    scopeVersion: scopeName ? scopeVersion : libraryVersion || scopeVersion,
    traceState,
  };
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
