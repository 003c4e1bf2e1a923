import { EMPTY_ATTRIBUTES } from '../attributes';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import type { AttributePair, EventRow } from '../table/spanTable';
import { durationBetween, readUnixNanos, type SplitTime } from '../table/unixTime';
import type { InstrumentationScope, Resource, SpanLink } from '../types';
import { decodeKeyValues } from './anyValue';
import { otlpAttributePairs } from './attributePairs';
import { TraceCollector } from './collectTraces';
import { arrayField, describe, fail, isRecord, stringField, within } from './decodeError';
import { kindIndex, statusIndex } from './otlpEnums';
import { mapFromPairs } from '../table/materialize';

const EMPTY_SCOPE: InstrumentationScope = Object.freeze({ name: '', version: '', attributes: EMPTY_ATTRIBUTES });
const NO_EVENTS: readonly EventRow[] = Object.freeze([]);
const NO_LINKS: readonly SpanLink[] = Object.freeze([]);
const ZERO_SPAN_ID = '0000000000000000';

/** Per-call state: whether the body may be reused, and scratch space for split instants. */
interface OtlpContext {
  readonly collector: TraceCollector;
  readonly owned: boolean;
  readonly start: SplitTime;
  readonly end: SplitTime;
}

/**
 * Decodes a list of OTLP ResourceSpans (Tempo's `batches`, Jaeger's `result.resourceSpans`, plain
 * `resourceSpans`) into the collector. Ids may be hex or base64 per id, so one decoder serves every
 * flavour. One Resource and one scope object are shared by all spans of their block. With `owned`,
 * attribute lists of the body are reused as the table's pairs (see otlpAttributePairs).
 */
export function decodeResourceSpansList(
  list: readonly unknown[],
  collector: TraceCollector,
  listName: string,
  owned = false
): void {
  const ctx: OtlpContext = { collector, owned, start: { seconds: 0, nanos: 0 }, end: { seconds: 0, nanos: 0 } };
  collector.expectSpans(spansOfOneTrace(list));
  for (let r = 0; r < list.length; r++) {
    try {
      decodeResourceSpans(list[r], ctx);
    } catch (e) {
      within(e, `${listName}[${r}]`);
    }
  }
}

/**
 * How many spans the list holds when they all share one trace id (a trace by id), so the trace's
 * columns are allocated once; 0 when they do not or the shape is unexpected (the decoder proper
 * reports what is wrong). Reads only array lengths and the raw id strings.
 */
export function spansOfOneTrace(list: readonly unknown[]): number {
  let count = 0;
  let traceId: unknown;
  for (const block of list) {
    const scopes = isRecord(block) ? (block.scopeSpans ?? block.instrumentationLibrarySpans) : undefined;
    if (!Array.isArray(scopes)) {
      return 0;
    }
    for (const scope of scopes) {
      const spans = isRecord(scope) ? scope.spans : undefined;
      if (!Array.isArray(spans)) {
        return 0;
      }
      for (const span of spans) {
        const id = isRecord(span) ? span.traceId : undefined;
        if (count === 0) {
          traceId = id;
        } else if (id !== traceId) {
          return 0;
        }
        count++;
      }
    }
  }
  return count;
}

function decodeResourceSpans(block: unknown, ctx: OtlpContext): void {
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
          decodeSpan(spans[i], resource, scope, ctx);
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
    // Never reused: resources are few, and their lists must stay readable for the map below.
    const attributes = mapFromPairs(otlpAttributePairs(v.attributes, false));
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
  if (id === null) {
    return fail(key, `expected a trace id (32 hex digits or base64 of 16 bytes), got ${describe(raw)}`);
  }
  lastRawTraceId = raw as string;
  lastTraceId = id;
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

function attributesField(v: Record<string, unknown>, owned: boolean): readonly AttributePair[] {
  try {
    return otlpAttributePairs(v.attributes, owned);
  } catch (e) {
    return within(e, 'attributes');
  }
}

function decodeSpan(v: unknown, resource: Resource, scope: InstrumentationScope, ctx: OtlpContext): void {
  if (!isRecord(v)) {
    fail('', `expected a span object, got ${describe(v)}`);
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
  const { start, end } = ctx;
  readUnixNanos(v.startTimeUnixNano, 'startTimeUnixNano', start);
  readUnixNanos(v.endTimeUnixNano, 'endTimeUnixNano', end);
  const attributes = jaegerWarningsToNotes(attributesField(v, ctx.owned), traceId, spanId, ctx.collector);
  let status = 0;
  let statusMessage = '';
  const rawStatus = v.status;
  if (rawStatus !== undefined && rawStatus !== null) {
    if (!isRecord(rawStatus)) {
      fail('status', `expected an object, got ${describe(rawStatus)}`);
    }
    status = statusIndex(rawStatus.code);
    statusMessage = stringField(rawStatus, 'message');
  }
  ctx.collector
    .rows(traceId)
    .add(
      spanId,
      parentSpanId,
      stringField(v, 'name'),
      kindIndex(v.kind),
      status,
      statusMessage,
      start.seconds,
      start.nanos,
      durationBetween(start.seconds, start.nanos, end.seconds, end.nanos),
      resource,
      scope,
      attributes,
      v.events === undefined ? NO_EVENTS : decodeEvents(arrayField(v, 'events'), ctx),
      v.links === undefined ? NO_LINKS : decodeLinks(arrayField(v, 'links')),
      stringField(v, 'traceState')
    );
}

/**
 * Jaeger's api_v3 carries its own span warnings (a lost parent, a skipped clock-skew adjustment) as
 * a span attribute, `@jaeger@warnings`, an array that repeats a message once per adjuster pass. They
 * are Jaeger's remarks, not the application's attributes: they become trace warnings worded as the
 * v1 decoder words Jaeger's `warnings` field, each message once per span, and leave the attributes.
 * The key starts with `@`, which no OTel attribute does, so most spans cost one character compare
 * per attribute.
 */
function jaegerWarningsToNotes(
  pairs: readonly AttributePair[],
  traceId: string,
  spanId: string,
  collector: TraceCollector
): readonly AttributePair[] {
  const n = pairs.length;
  for (let i = 0; i < n; i++) {
    const key = pairs[i].key;
    if (key.charCodeAt(0) !== AT_SIGN || key !== JAEGER_WARNINGS) {
      continue;
    }
    const value = pairs[i].value;
    for (const message of Array.isArray(value) ? value : [value]) {
      collector.note(traceId, `Jaeger: span ${spanId}: ${typeof message === 'string' ? message : describe(message)}`);
    }
    return pairs.filter((pair) => pair.key !== JAEGER_WARNINGS);
  }
  return pairs;
}

const AT_SIGN = 64;
const JAEGER_WARNINGS = '@jaeger@warnings';

function decodeEvents(list: readonly unknown[], ctx: OtlpContext): readonly EventRow[] {
  if (list.length === 0) {
    return NO_EVENTS;
  }
  const out: EventRow[] = [];
  const time = ctx.start;
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    try {
      if (!isRecord(e)) {
        fail('', `expected an event object, got ${describe(e)}`);
      }
      const attributes = attributesField(e, ctx.owned);
      const name = stringField(e, 'name');
      readUnixNanos(e.timeUnixNano, 'timeUnixNano', time);
      out.push({ name, seconds: time.seconds, nanos: time.nanos, attributes });
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
        attributes = mapFromPairs(otlpAttributePairs(l.attributes, false));
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
