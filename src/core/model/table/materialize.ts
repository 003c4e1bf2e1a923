import { EMPTY_ATTRIBUTES, newAttributeMap } from '../attributes';
import { SPAN_KINDS, STATUS_CODES, type AttributeMap, type Span, type SpanEvent } from '../types';
import type { AttributePair, EventRow, SpanTable } from './spanTable';
import { toUnixNanos } from './unixTime';

const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);

/** A pair list as the model's attribute map. */
export function mapFromPairs(pairs: readonly AttributePair[]): AttributeMap {
  if (pairs.length === 0) {
    return EMPTY_ATTRIBUTES;
  }
  const out = newAttributeMap();
  for (let i = 0; i < pairs.length; i++) {
    out[pairs[i].key] = pairs[i].value;
  }
  return out;
}

export function spanEventOf(e: EventRow): SpanEvent {
  return { name: e.name, timeUnixNano: toUnixNanos(e.seconds, e.nanos), attributes: mapFromPairs(e.attributes) };
}

/** Row i as the model's Span object. */
export function spanOf(t: SpanTable, i: number): Span {
  const events = t.events[i];
  return {
    traceId: t.traceId,
    spanId: t.spanId[i],
    parentSpanId: t.parentSpanId[i],
    name: t.name[i],
    kind: SPAN_KINDS[t.kind[i]],
    statusCode: STATUS_CODES[t.status[i]],
    statusMessage: t.statusMessage[i],
    startTimeUnixNano: toUnixNanos(t.startSeconds[i], t.startNanos[i]),
    durationNanos: t.durationNanos[i],
    attributes: mapFromPairs(t.attributes[i]),
    resource: t.resource[i],
    scope: t.scope[i],
    events: events.length === 0 ? NO_EVENTS : events.map(spanEventOf),
    links: t.links[i],
    traceState: t.traceState[i],
  };
}

/** Every row as a Span: what `Trace.spans` holds once someone reads it. */
export function spansOf(t: SpanTable): Span[] {
  const out = new Array<Span>(t.length);
  for (let i = 0; i < t.length; i++) {
    out[i] = spanOf(t, i);
  }
  return out;
}
