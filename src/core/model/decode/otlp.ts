import { EMPTY_ATTRIBUTES } from '../attributes';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import type { InstrumentationScope, Resource, Span, SpanEvent, SpanLink } from '../types';
import { decodeKeyValues } from './anyValue';
import { TraceCollector } from './collectTraces';
import { arrayField, describe, fail, isRecord, stringField, within } from './decodeError';
import { fastDurationNanos, unixNanos } from './numbers';
import { decodeKind, decodeStatusCode } from './otlpEnums';

const EMPTY_SCOPE: InstrumentationScope = Object.freeze({ name: '', version: '', attributes: EMPTY_ATTRIBUTES });
const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);
const NO_LINKS: readonly SpanLink[] = Object.freeze([]);
const ZERO_SPAN_ID = '0000000000000000';

/**
 * Decodes a list of OTLP ResourceSpans (Tempo's `batches`, Jaeger's `result.resourceSpans`, plain
 * `resourceSpans`) into the collector. Ids may be hex or base64 per id, so one decoder serves every
 * flavour. One Resource and one scope object are shared by all spans of their block.
 */
export function decodeResourceSpansList(list: readonly unknown[], collector: TraceCollector, listName: string): void {
  for (let r = 0; r < list.length; r++) {
    try {
      decodeResourceSpans(list[r], collector);
    } catch (e) {
      within(e, `${listName}[${r}]`);
    }
  }
}

function decodeResourceSpans(block: unknown, collector: TraceCollector): void {
  if (!isRecord(block)) {
    fail('', `expected a resourceSpans object, got ${describe(block)}`);
  }
  const resource = decodeResource(block.resource);
  // `instrumentationLibrarySpans` is the pre-1.0 OTLP name that older Tempo blocks still return.
  const scopeKey = block.scopeSpans !== undefined ? 'scopeSpans' : 'instrumentationLibrarySpans';
  const scopeList = arrayField(block, scopeKey);
  for (let s = 0; s < scopeList.length; s++) {
    const scopeBlock = scopeList[s];
    try {
      if (!isRecord(scopeBlock)) {
        fail('', `expected a scopeSpans object, got ${describe(scopeBlock)}`);
      }
      const scope = decodeScope(scopeBlock.scope !== undefined ? scopeBlock.scope : scopeBlock.instrumentationLibrary);
      const spans = arrayField(scopeBlock, 'spans');
      for (let i = 0; i < spans.length; i++) {
        try {
          collector.add(decodeSpan(spans[i], resource, scope));
        } catch (e) {
          within(e, `spans[${i}]`);
        }
      }
    } catch (e) {
      within(e, `${scopeKey}[${s}]`);
    }
  }
}

function decodeResource(v: unknown): Resource {
  if (v === undefined || v === null) {
    return { serviceName: '', attributes: EMPTY_ATTRIBUTES };
  }
  if (!isRecord(v)) {
    return fail('resource', `expected an object, got ${describe(v)}`);
  }
  try {
    const attributes = decodeKeyValues(v.attributes);
    const service = attributes['service.name'];
    return { serviceName: typeof service === 'string' ? service : '', attributes };
  } catch (e) {
    return within(e, 'resource.attributes');
  }
}

function decodeScope(v: unknown): InstrumentationScope {
  if (v === undefined || v === null) {
    return EMPTY_SCOPE;
  }
  if (!isRecord(v)) {
    return fail('scope', `expected an object, got ${describe(v)}`);
  }
  const name = stringField(v, 'name');
  const version = stringField(v, 'version');
  let attributes;
  try {
    attributes = decodeKeyValues(v.attributes);
  } catch (e) {
    return within(e, 'scope.attributes');
  }
  if (name === '' && version === '' && attributes === EMPTY_ATTRIBUTES) {
    return EMPTY_SCOPE;
  }
  return { name, version, attributes };
}

/** Spans of one block nearly always share a trace id: remember the last conversion. */
let lastRawTraceId = '';
let lastTraceId = '';

function traceIdField(obj: Record<string, unknown>, key: string): string {
  const raw = obj[key];
  if (raw === lastRawTraceId && lastTraceId !== '') {
    return lastTraceId;
  }
  const id = typeof raw === 'string' ? normalizeTraceId(raw) : null;
  if (id !== null) {
    lastRawTraceId = raw as string;
    lastTraceId = id;
  }
  if (id === null) {
    return fail(key, `expected a trace id (32 hex digits or base64 of 16 bytes), got ${describe(raw)}`);
  }
  return id;
}

function spanIdField(obj: Record<string, unknown>, key: string): string {
  const raw = obj[key];
  const id = typeof raw === 'string' ? normalizeSpanId(raw) : null;
  if (id === null) {
    return fail(key, `expected a span id (16 hex digits or base64 of 8 bytes), got ${describe(raw)}`);
  }
  return id;
}

function decodeSpan(v: unknown, resource: Resource, scope: InstrumentationScope): Span {
  if (!isRecord(v)) {
    return fail('', `expected a span object, got ${describe(v)}`);
  }
  const traceId = traceIdField(v, 'traceId');
  const spanId = spanIdField(v, 'spanId');
  const rawParent = v.parentSpanId;
  let parentSpanId = '';
  if (rawParent !== undefined && rawParent !== null && rawParent !== '') {
    parentSpanId = spanIdField(v, 'parentSpanId');
    if (parentSpanId === ZERO_SPAN_ID) {
      parentSpanId = '';
    }
  }
  const rawStart = v.startTimeUnixNano;
  const rawEnd = v.endTimeUnixNano;
  let start: bigint;
  let durationNanos =
    typeof rawStart === 'string' && typeof rawEnd === 'string' ? fastDurationNanos(rawStart, rawEnd) : -1;
  if (durationNanos >= 0) {
    // fastDurationNanos has checked that every character of the start is a digit.
    start = BigInt(rawStart as string);
  } else {
    start = unixNanos(rawStart, 'startTimeUnixNano');
    const end = unixNanos(rawEnd, 'endTimeUnixNano');
    // A span that ends before it starts is clamped to zero length rather than given a negative one.
    durationNanos = end > start ? Number(end - start) : 0;
  }
  let attributes;
  try {
    attributes = decodeKeyValues(v.attributes);
  } catch (e) {
    return within(e, 'attributes');
  }
  const status = v.status;
  let statusCode: Span['statusCode'] = 'unset';
  let statusMessage = '';
  if (status !== undefined && status !== null) {
    if (!isRecord(status)) {
      fail('status', `expected an object, got ${describe(status)}`);
    }
    statusCode = decodeStatusCode(status.code);
    statusMessage = stringField(status, 'message');
  }
  return {
    traceId,
    spanId,
    parentSpanId,
    name: stringField(v, 'name'),
    kind: decodeKind(v.kind),
    statusCode,
    statusMessage,
    startTimeUnixNano: start,
    durationNanos,
    attributes,
    resource,
    scope,
    events: v.events === undefined ? NO_EVENTS : decodeEvents(arrayField(v, 'events')),
    links: v.links === undefined ? NO_LINKS : decodeLinks(arrayField(v, 'links')),
    traceState: stringField(v, 'traceState'),
  };
}

function decodeEvents(list: readonly unknown[]): readonly SpanEvent[] {
  if (list.length === 0) {
    return NO_EVENTS;
  }
  const out: SpanEvent[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    try {
      if (!isRecord(e)) {
        fail('', `expected an event object, got ${describe(e)}`);
      }
      let attributes;
      try {
        attributes = decodeKeyValues(e.attributes);
      } catch (err) {
        within(err, 'attributes');
      }
      out.push({ name: stringField(e, 'name'), timeUnixNano: unixNanos(e.timeUnixNano, 'timeUnixNano'), attributes });
    } catch (err) {
      within(err, `events[${i}]`);
    }
  }
  return out;
}

function decodeLinks(list: readonly unknown[]): readonly SpanLink[] {
  if (list.length === 0) {
    return NO_LINKS;
  }
  const out: SpanLink[] = [];
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    try {
      if (!isRecord(l)) {
        fail('', `expected a link object, got ${describe(l)}`);
      }
      let attributes;
      try {
        attributes = decodeKeyValues(l.attributes);
      } catch (err) {
        within(err, 'attributes');
      }
      out.push({ traceId: traceIdField(l, 'traceId'), spanId: spanIdField(l, 'spanId'), attributes });
    } catch (err) {
      within(err, `links[${i}]`);
    }
  }
  return out;
}
