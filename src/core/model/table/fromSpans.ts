import { SPAN_KINDS, STATUS_CODES, type AttributeMap, type Span } from '../types';
import type { AttributePair, EventRow, SpanTable } from './spanTable';
import { SpanTableBuilder } from './tableBuilder';
import { splitBigNanos, type SplitTime } from './unixTime';

const NO_PAIRS: readonly AttributePair[] = Object.freeze([]);
const NO_EVENTS: readonly EventRow[] = Object.freeze([]);

export function pairsFromMap(map: AttributeMap): readonly AttributePair[] {
  const keys = Object.keys(map);
  return keys.length === 0 ? NO_PAIRS : keys.map((key) => ({ key, value: map[key] }));
}

const KIND_INDEX = new Map(SPAN_KINDS.map((k, i) => [k, i]));
const STATUS_INDEX = new Map(STATUS_CODES.map((s, i) => [s, i]));

/**
 * The table of spans that were built as objects (tests, hand-made traces, decoders of other
 * formats), in the order given: sorting is the decoders' job, and a trace made by hand keeps the
 * order its author chose.
 */
export function tableFromSpans(traceId: string, spans: readonly Span[]): SpanTable {
  const b = new SpanTableBuilder(traceId);
  const start: SplitTime = { seconds: 0, nanos: 0 };
  for (const s of spans) {
    addSpanObject(b, s, start);
  }
  return b.finish(false);
}

/** Appends a Span object as a row (used by TraceCollector.add for decoders that build objects). */
export function addSpanObject(b: SpanTableBuilder, s: Span, scratch: SplitTime): void {
  splitBigNanos(s.startTimeUnixNano, scratch);
  b.add(
    s.spanId,
    s.parentSpanId,
    s.name,
    KIND_INDEX.get(s.kind) ?? 0,
    STATUS_INDEX.get(s.statusCode) ?? 0,
    s.statusMessage,
    scratch.seconds,
    scratch.nanos,
    s.durationNanos,
    s.resource,
    s.scope,
    pairsFromMap(s.attributes),
    s.events.length === 0
      ? NO_EVENTS
      : s.events.map((e) => {
          splitBigNanos(e.timeUnixNano, scratch);
          return {
            name: e.name,
            seconds: scratch.seconds,
            nanos: scratch.nanos,
            attributes: pairsFromMap(e.attributes),
          };
        }),
    s.links,
    s.traceState
  );
}
