import { attributeMapFrom, EMPTY_ATTRIBUTES, newAttributeMap } from '../attributes';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import type { AttributePair, EventRow } from '../table/spanTable';
import { splitMicros, type SplitTime } from '../table/unixTime';
import type { AttributeMap, Resource, SpanLink } from '../types';
import { NO_PAIRS, withoutDuplicates } from './attributePairs';
import { TraceCollector } from './collectTraces';
import { arrayField, describe, fail, isRecord, stringField, within } from './decodeError';
import { decodeJaegerKeyValue } from './jaegerKeyValue';
import { mapJaegerSpanTags, ScopeCache } from './jaegerSpanTags';

const NO_EVENTS: readonly EventRow[] = Object.freeze([]);
const NO_LINKS: readonly SpanLink[] = Object.freeze([]);

/**
 * A reference that is not the parent becomes a link. Jaeger reads a link without an
 * `opentracing.ref_type` attribute as FOLLOWS_FROM (its OTLP → v1 translation), so a FOLLOWS_FROM
 * reference becomes a plain link, exactly what api_v3 returns for the same span ingested over
 * OTLP; a CHILD_OF reference that is not the parent keeps its type as `opentracing.ref_type:
 * child_of`, as Jaeger's v1 → OTLP translation writes it. The trace frame turns both back into
 * the reference's `refType`.
 */
const CHILD_OF_LINK: AttributeMap = Object.freeze(attributeMapFrom({ 'opentracing.ref_type': 'child_of' }));
const SCRATCH: SplitTime = { seconds: 0, nanos: 0 };

/**
 * Jaeger v1 JSON (`/api/traces/{id}`, v1 search): `{data:[trace...]}`, a bare array of traces or a
 * single trace. Times are microseconds and become nanoseconds; processes become shared resources.
 */
export function decodeJaegerV1Into(body: unknown, collector: TraceCollector): void {
  if (Array.isArray(body)) {
    decodeTraceList(body, collector, '');
    return;
  }
  if (!isRecord(body)) {
    fail('', `expected a Jaeger response object, got ${describe(body)}`);
  }
  if ('data' in body) {
    if (body.data === null || body.data === undefined) {
      reportErrors(body);
      return;
    }
    if (!Array.isArray(body.data)) {
      fail('data', `expected an array of traces, got ${describe(body.data)}`);
    }
    decodeTraceList(body.data, collector, 'data');
    return;
  }
  decodeTrace(body, collector);
}

/** `{data:null, errors:[...]}` is how Jaeger answers a failed request inside a 2xx or error body. */
function reportErrors(body: Record<string, unknown>): void {
  const errors = arrayField(body, 'errors');
  if (errors.length > 0) {
    const messages = errors.map((e) => (isRecord(e) && typeof e.msg === 'string' ? e.msg : describe(e)));
    fail('errors', `Jaeger reported: ${messages.join('; ')}`);
  }
}

function decodeTraceList(list: readonly unknown[], collector: TraceCollector, name: string): void {
  for (let t = 0; t < list.length; t++) {
    try {
      decodeTrace(list[t], collector);
    } catch (e) {
      within(e, `${name}[${t}]`);
    }
  }
}

function decodeTrace(trace: unknown, collector: TraceCollector): void {
  if (!isRecord(trace)) {
    fail('', `expected a trace object, got ${describe(trace)}`);
  }
  const processes = decodeProcesses(trace.processes);
  const scopes = new ScopeCache();
  const spans = arrayField(trace, 'spans');
  // Jaeger groups spans by trace, so this trace's table can be allocated at its full size.
  collector.expectSpans(spans.length);
  let traceId = '';
  for (let i = 0; i < spans.length; i++) {
    try {
      const raw = spans[i];
      traceId = decodeSpan(raw, processes, scopes, collector);
      const spanWarnings = arrayField(raw as Record<string, unknown>, 'warnings');
      for (const w of spanWarnings) {
        const spanId = idField(raw as Record<string, unknown>, 'spanID', 'span');
        collector.note(traceId, `Jaeger: span ${spanId}: ${typeof w === 'string' ? w : describe(w)}`);
      }
    } catch (e) {
      within(e, `spans[${i}]`);
    }
  }
  collector.expectSpans(0);
  const warnings = arrayField(trace, 'warnings');
  if (warnings.length > 0) {
    const id = traceId || (typeof trace.traceID === 'string' ? normalizeTraceId(trace.traceID) : null);
    if (id) {
      for (const w of warnings) {
        collector.note(id, `Jaeger: ${typeof w === 'string' ? w : describe(w)}`);
      }
    }
  }
}

function decodeProcesses(v: unknown): Map<string, Resource> {
  const out = new Map<string, Resource>();
  if (v === undefined || v === null) {
    return out;
  }
  if (!isRecord(v)) {
    return fail('processes', `expected an object of processes, got ${describe(v)}`);
  }
  for (const id of Object.keys(v)) {
    try {
      out.set(id, decodeProcess(v[id]));
    } catch (e) {
      within(e, `processes.${id}`);
    }
  }
  return out;
}

/** A process is the resource: its serviceName is `service.name`, its tags the other attributes. */
function decodeProcess(p: unknown): Resource {
  if (!isRecord(p)) {
    return fail('', `expected a process object, got ${describe(p)}`);
  }
  const serviceName = stringField(p, 'serviceName');
  const attributes = newAttributeMap();
  attributes['service.name'] = serviceName;
  const tags = arrayField(p, 'tags');
  for (let i = 0; i < tags.length; i++) {
    try {
      const { key, value } = decodeJaegerKeyValue(tags[i]);
      if (key !== 'service.name') {
        attributes[key] = value;
      }
    } catch (e) {
      within(e, `tags[${i}]`);
    }
  }
  return { serviceName, attributes };
}

function micros(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    return fail(field, `expected whole microseconds, got ${describe(v)}`);
  }
  return v;
}

/** All spans and references of a Jaeger trace share its trace id: remember the last conversion. */
let lastRawTraceId = '';
let lastTraceId = '';

function idField(obj: Record<string, unknown>, key: string, kind: 'trace' | 'span'): string {
  const raw = obj[key];
  if (kind === 'trace' && raw === lastRawTraceId && lastTraceId !== '') {
    return lastTraceId;
  }
  const id = typeof raw === 'string' ? (kind === 'trace' ? normalizeTraceId(raw) : normalizeSpanId(raw)) : null;
  if (id === null) {
    return fail(key, `expected a ${kind} id in hex, got ${describe(raw)}`);
  }
  if (kind === 'trace') {
    lastRawTraceId = raw as string;
    lastTraceId = id;
  }
  return id;
}

/** Decodes one span into its trace's rows; returns its trace id. */
function decodeSpan(
  v: unknown,
  processes: Map<string, Resource>,
  scopes: ScopeCache,
  collector: TraceCollector
): string {
  if (!isRecord(v)) {
    return fail('', `expected a span object, got ${describe(v)}`);
  }
  const traceId = idField(v, 'traceID', 'trace');
  const spanId = idField(v, 'spanID', 'span');
  let resource: Resource | undefined;
  if (v.process !== undefined && v.process !== null) {
    try {
      resource = decodeProcess(v.process);
    } catch (e) {
      within(e, 'process');
    }
  } else {
    const processId = stringField(v, 'processID');
    resource = processes.get(processId);
    if (resource === undefined) {
      fail('processID', `process ${describe(processId)} is not in the trace's processes`);
    }
  }
  const refs = decodeReferences(arrayField(v, 'references'), traceId);
  const parentSpanId = refs.parentSpanId ?? deprecatedParent(v);
  const links = refs.links;
  const tags = mapJaegerSpanTags(arrayField(v, 'tags'));
  const name = stringField(v, 'operationName');
  splitMicros(micros(v.startTime, 'startTime'), SCRATCH);
  const durationNanos = micros(v.duration ?? 0, 'duration') * 1000;
  collector
    .rows(traceId)
    .add(
      spanId,
      parentSpanId,
      name,
      tags.kind,
      tags.statusCode,
      tags.statusMessage,
      SCRATCH.seconds,
      SCRATCH.nanos,
      durationNanos,
      resource as Resource,
      scopes.get(tags.scopeName, tags.scopeVersion),
      tags.attributes,
      decodeLogs(arrayField(v, 'logs')),
      links,
      tags.traceState
    );
  return traceId;
}

/**
 * The first CHILD_OF reference within the trace is the parent; every other reference is a link
 * that keeps its type (see CHILD_OF_LINK).
 */
function decodeReferences(
  refs: readonly unknown[],
  traceId: string
): { parentSpanId: string | null; links: readonly SpanLink[] } {
  let parentSpanId: string | null = null;
  let links: SpanLink[] | null = null;
  for (let i = 0; i < refs.length; i++) {
    const ref = refs[i];
    try {
      if (!isRecord(ref)) {
        fail('', `expected a reference object, got ${describe(ref)}`);
      }
      const refTraceId = idField(ref, 'traceID', 'trace');
      const refSpanId = idField(ref, 'spanID', 'span');
      const childOf = ref.refType === 'CHILD_OF';
      if (parentSpanId === null && childOf && refTraceId === traceId) {
        parentSpanId = refSpanId;
        continue;
      }
      (links ??= []).push({
        traceId: refTraceId,
        spanId: refSpanId,
        attributes: childOf ? CHILD_OF_LINK : EMPTY_ATTRIBUTES,
      });
    } catch (e) {
      within(e, `references[${i}]`);
    }
  }
  return { parentSpanId, links: links ?? NO_LINKS };
}

/** Old clients set only the deprecated `parentSpanID`; all zeros means none. */
function deprecatedParent(v: Record<string, unknown>): string {
  const raw = v.parentSpanID;
  if (typeof raw !== 'string' || raw === '') {
    return '';
  }
  const id = normalizeSpanId(raw);
  return id === null || id === '0000000000000000' ? '' : id;
}

/** A log is an event: its `event` field is the name, the other fields its attributes. */
function decodeLogs(logs: readonly unknown[]): readonly EventRow[] {
  if (logs.length === 0) {
    return NO_EVENTS;
  }
  const out: EventRow[] = [];
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i];
    try {
      if (!isRecord(log)) {
        fail('', `expected a log object, got ${describe(log)}`);
      }
      const fields = arrayField(log, 'fields');
      let name = '';
      let attributes: AttributePair[] | null = null;
      for (let f = 0; f < fields.length; f++) {
        let kv;
        try {
          kv = decodeJaegerKeyValue(fields[f]);
        } catch (e) {
          return within(e, `fields[${f}]`);
        }
        if (kv.key === 'event' && typeof kv.value === 'string') {
          name = kv.value;
        } else {
          (attributes ??= []).push(kv);
        }
      }
      splitMicros(micros(log.timestamp, 'timestamp'), SCRATCH);
      out.push({
        name,
        seconds: SCRATCH.seconds,
        nanos: SCRATCH.nanos,
        attributes: attributes === null ? NO_PAIRS : withoutDuplicates(attributes),
      });
    } catch (e) {
      within(e, `logs[${i}]`);
    }
  }
  return out;
}
