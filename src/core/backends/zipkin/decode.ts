import { EMPTY_ATTRIBUTES, newAttributeMap, type MutableAttributeMap } from '../../model/attributes';
import { TraceCollector } from '../../model/decode/collectTraces';
import { describe, fail, isRecord, toMalformed, within } from '../../model/decode/decodeError';
import { ScopeCache } from '../../model/decode/jaegerSpanTags';
import { normalizeSpanId, normalizeTraceId } from '../../model/ids';
import type { Resource, Span, SpanEvent, SpanKind, StatusCode, Trace } from '../../model/types';
import { typedTagValue } from './tagValue';

/**
 * Zipkin v2 JSON into the one trace model, following OpenTelemetry's Zipkin mapping read backwards:
 *
 *   - `traceId` (16 or 32 hex digits, padded to 32), `id`, `parentId` (absent for a root);
 *   - `kind` CLIENT/SERVER/PRODUCER/CONSUMER; absent means a span inside one process, `internal`;
 *   - `timestamp` and `duration` are microseconds; an absent one is 0;
 *   - `localEndpoint.serviceName` is the resource's `service.name` (spans of one service share one
 *     resource); `remoteEndpoint.serviceName` becomes `peer.service`, its address and port
 *     `network.peer.address` and `network.peer.port`, unless tags already carry those keys;
 *   - tags become span attributes, typed where the value is a canonical literal (tagValue.ts); the
 *     status tags are read, not kept: `otel.status_code` ERROR or OK decides the status, otherwise an
 *     `error` tag means an error; the `error` tag's value (or `otel.status_description`) is the
 *     message; `otel.scope.*` / `otel.library.*` name the instrumentation scope;
 *   - annotations become events named by their value, without attributes.
 *
 * Resource attributes that an exporter flattened into tags (OpenTelemetry's exporters do, for all but
 * `service.name`) stay span attributes: Zipkin no longer says which tags were resource attributes, so
 * they are found by unscoped lookups (`.deployment.environment`), not by `resource.` ones.
 *
 * Accepted bodies: a list of spans (`/api/v2/trace/{id}`, a POST body, a trace file) or a list of
 * traces (`/api/v2/traces`); spans are grouped by trace id either way.
 */
export function decodeZipkin(body: unknown): Trace[] {
  const collector = new TraceCollector();
  try {
    decodeInto(body, collector);
  } catch (e) {
    toMalformed(e, 'Zipkin v2 JSON');
  }
  return collector.finish();
}

/** True when a parsed body looks like Zipkin v2 JSON (for format detection of trace files). */
export function looksLikeZipkin(body: unknown): boolean {
  if (!Array.isArray(body) || body.length === 0) {
    return false;
  }
  const first = Array.isArray(body[0]) ? body[0][0] : body[0];
  return isRecord(first) && typeof first.traceId === 'string' && typeof first.id === 'string';
}

function decodeInto(body: unknown, collector: TraceCollector): void {
  if (!Array.isArray(body)) {
    fail('', `expected a list of spans or of traces, got ${describe(body)}`);
  }
  const ctx: DecodeContext = { resources: new Map(), scopes: new ScopeCache() };
  for (let i = 0; i < body.length; i++) {
    const item: unknown = body[i];
    try {
      if (Array.isArray(item)) {
        for (let j = 0; j < item.length; j++) {
          try {
            collector.add(decodeSpan(item[j], ctx));
          } catch (e) {
            within(e, `[${j}]`);
          }
        }
      } else {
        collector.add(decodeSpan(item, ctx));
      }
    } catch (e) {
      within(e, `[${i}]`);
    }
  }
}

interface DecodeContext {
  readonly resources: Map<string, Resource>;
  readonly scopes: ScopeCache;
}

const KINDS: Readonly<Record<string, SpanKind>> = {
  CLIENT: 'client',
  SERVER: 'server',
  PRODUCER: 'producer',
  CONSUMER: 'consumer',
};

const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);
const NS_PER_US = 1000n;

function decodeSpan(raw: unknown, ctx: DecodeContext): Span {
  if (!isRecord(raw)) {
    return fail('', `expected a span object, got ${describe(raw)}`);
  }
  const traceId = hexId(raw.traceId, 'traceId', normalizeTraceId);
  const spanId = hexId(raw.id, 'id', normalizeSpanId);
  const parentSpanId =
    raw.parentId === undefined || raw.parentId === null ? '' : hexId(raw.parentId, 'parentId', normalizeSpanId);
  const kindText = raw.kind;
  let kind: SpanKind = 'internal';
  if (kindText !== undefined && kindText !== null) {
    if (typeof kindText !== 'string' || KINDS[kindText] === undefined) {
      fail('kind', `expected CLIENT, SERVER, PRODUCER or CONSUMER, got ${describe(kindText)}`);
    }
    kind = KINDS[kindText];
  }
  const tags = readTags(raw.tags);
  addRemoteEndpoint(raw.remoteEndpoint, tags.attributes);
  return {
    traceId,
    spanId,
    parentSpanId,
    name: optionalString(raw.name, 'name'),
    kind,
    statusCode: tags.statusCode,
    statusMessage: tags.statusMessage,
    startTimeUnixNano: BigInt(micros(raw.timestamp, 'timestamp')) * NS_PER_US,
    durationNanos: micros(raw.duration, 'duration') * 1000,
    attributes: Object.keys(tags.attributes).length > 0 ? tags.attributes : EMPTY_ATTRIBUTES,
    resource: resourceFor(serviceOf(raw.localEndpoint, 'localEndpoint'), ctx.resources),
    scope: ctx.scopes.get(tags.scopeName, tags.scopeVersion),
    events: decodeAnnotations(raw.annotations),
    links: [],
    traceState: '',
  };
}

function hexId(v: unknown, field: string, normalize: (s: string) => string | null): string {
  if (typeof v !== 'string') {
    return fail(field, `expected hex digits, got ${describe(v)}`);
  }
  // Zipkin ids are hex only; the shared normalizers also take base64, which Zipkin never sends.
  const id = /^[0-9a-fA-F]+$/.test(v) ? normalize(v) : null;
  if (id === null) {
    return fail(field, `expected ${field === 'traceId' ? '16 or 32' : '16'} hex digits, got ${describe(v)}`);
  }
  return id;
}

function optionalString(v: unknown, field: string): string {
  if (v === undefined || v === null) {
    return '';
  }
  if (typeof v !== 'string') {
    return fail(field, `expected a string, got ${describe(v)}`);
  }
  return v;
}

/** Microseconds as a whole number; absent is 0. */
function micros(v: unknown, field: string): number {
  if (v === undefined || v === null) {
    return 0;
  }
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    return fail(field, `expected whole microseconds, got ${describe(v)}`);
  }
  return v;
}

function serviceOf(endpoint: unknown, field: string): string {
  if (endpoint === undefined || endpoint === null) {
    return '';
  }
  if (!isRecord(endpoint)) {
    return fail(field, `expected an endpoint object, got ${describe(endpoint)}`);
  }
  try {
    return optionalString(endpoint.serviceName, 'serviceName');
  } catch (e) {
    return within(e, field);
  }
}

function resourceFor(serviceName: string, cache: Map<string, Resource>): Resource {
  let r = cache.get(serviceName);
  if (r === undefined) {
    const attributes = newAttributeMap();
    if (serviceName !== '') {
      attributes['service.name'] = serviceName;
    }
    r = { serviceName, attributes: serviceName === '' ? EMPTY_ATTRIBUTES : attributes };
    cache.set(serviceName, r);
  }
  return r;
}

function addRemoteEndpoint(endpoint: unknown, attributes: MutableAttributeMap): void {
  if (endpoint === undefined || endpoint === null) {
    return;
  }
  const service = serviceOf(endpoint, 'remoteEndpoint');
  const e = endpoint as Record<string, unknown>;
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '' && !Object.prototype.hasOwnProperty.call(attributes, key)) {
      attributes[key] = value;
    }
  };
  set('peer.service', service);
  const address = typeof e.ipv4 === 'string' ? e.ipv4 : typeof e.ipv6 === 'string' ? e.ipv6 : undefined;
  set('network.peer.address', address);
  set('network.peer.port', typeof e.port === 'number' && Number.isSafeInteger(e.port) ? e.port : undefined);
}

interface ReadTags {
  readonly attributes: MutableAttributeMap;
  readonly statusCode: StatusCode;
  readonly statusMessage: string;
  readonly scopeName: string;
  readonly scopeVersion: string;
}

function readTags(raw: unknown): ReadTags {
  const attributes = newAttributeMap();
  let otelStatus = '';
  let errorTag: string | null = null;
  let description = '';
  let scopeName = '';
  let scopeVersion = '';
  let libraryName = '';
  let libraryVersion = '';
  if (raw !== undefined && raw !== null) {
    if (!isRecord(raw)) {
      fail('tags', `expected an object of string values, got ${describe(raw)}`);
    }
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      if (typeof value !== 'string') {
        fail(`tags.${key}`, `expected a string, got ${describe(value)}`);
      }
      switch (key) {
        case 'otel.status_code':
          // Exactly ERROR or OK, as the exporters write them: pushdown.ts relies on that.
          otelStatus = value;
          break;
        case 'error':
          errorTag = value;
          break;
        case 'otel.status_description':
          description = value;
          break;
        case 'otel.scope.name':
          scopeName = value;
          break;
        case 'otel.scope.version':
          scopeVersion = value;
          break;
        case 'otel.library.name':
          libraryName = value;
          break;
        case 'otel.library.version':
          libraryVersion = value;
          break;
        default:
          attributes[key] = typedTagValue(value);
      }
    }
  }
  let statusCode: StatusCode = 'unset';
  if (otelStatus === 'ERROR' || (otelStatus !== 'OK' && errorTag !== null)) {
    statusCode = 'error';
  } else if (otelStatus === 'OK') {
    statusCode = 'ok';
  }
  return {
    attributes,
    statusCode,
    statusMessage: statusCode === 'error' ? (errorTag ?? description) || description : '',
    scopeName: scopeName || libraryName,
    scopeVersion: scopeName ? scopeVersion : libraryVersion || scopeVersion,
  };
}

function decodeAnnotations(raw: unknown): readonly SpanEvent[] {
  if (raw === undefined || raw === null) {
    return NO_EVENTS;
  }
  if (!Array.isArray(raw)) {
    return fail('annotations', `expected a list, got ${describe(raw)}`);
  }
  const events: SpanEvent[] = [];
  for (let i = 0; i < raw.length; i++) {
    const a: unknown = raw[i];
    try {
      if (!isRecord(a)) {
        fail('', `expected an annotation object, got ${describe(a)}`);
      }
      events.push({
        name: optionalString(a.value, 'value'),
        timeUnixNano: BigInt(micros(a.timestamp, 'timestamp')) * NS_PER_US,
        attributes: EMPTY_ATTRIBUTES,
      });
    } catch (e) {
      within(e, `annotations[${i}]`);
    }
  }
  return events;
}
