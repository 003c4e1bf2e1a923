import { EMPTY_ATTRIBUTES, newAttributeMap } from '../attributes';
import { normalizeSpanId, normalizeTraceId } from '../ids';
import type { Resource, Span, SpanEvent, SpanLink } from '../types';
import { TraceCollector } from './collectTraces';
import { arrayField, describe, fail, isRecord, stringField, within } from './decodeError';
import { decodeJaegerKeyValue } from './jaegerKeyValue';
import { mapJaegerSpanTags, ScopeCache } from './jaegerSpanTags';

const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);
const NO_LINKS: readonly SpanLink[] = Object.freeze([]);

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
  let traceId = '';
  for (let i = 0; i < spans.length; i++) {
    try {
      const raw = spans[i];
      const span = decodeSpan(raw, processes, scopes);
      traceId = span.traceId;
      collector.add(span);
      const spanWarnings = arrayField(raw as Record<string, unknown>, 'warnings');
      for (const w of spanWarnings) {
        collector.note(traceId, `Jaeger: span ${span.spanId}: ${typeof w === 'string' ? w : describe(w)}`);
      }
    } catch (e) {
      within(e, `spans[${i}]`);
    }
  }
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

function decodeSpan(v: unknown, processes: Map<string, Resource>, scopes: ScopeCache): Span {
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
  const { parentSpanId, links } = decodeReferences(arrayField(v, 'references'), traceId);
  const tags = mapJaegerSpanTags(arrayField(v, 'tags'));
  return {
    traceId,
    spanId,
    parentSpanId: parentSpanId ?? deprecatedParent(v),
    name: stringField(v, 'operationName'),
    kind: tags.kind,
    statusCode: tags.statusCode,
    statusMessage: tags.statusMessage,
    startTimeUnixNano: BigInt(micros(v.startTime, 'startTime')) * 1000n,
    durationNanos: micros(v.duration ?? 0, 'duration') * 1000,
    attributes: tags.attributes,
    resource: resource as Resource,
    scope: scopes.get(tags.scopeName, tags.scopeVersion),
    events: decodeLogs(arrayField(v, 'logs')),
    links,
    traceState: tags.traceState,
  };
}

/** The first CHILD_OF reference within the trace is the parent; every other reference is a link. */
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
      if (parentSpanId === null && ref.refType === 'CHILD_OF' && refTraceId === traceId) {
        parentSpanId = refSpanId;
        continue;
      }
      (links ??= []).push({ traceId: refTraceId, spanId: refSpanId, attributes: EMPTY_ATTRIBUTES });
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
function decodeLogs(logs: readonly unknown[]): readonly SpanEvent[] {
  if (logs.length === 0) {
    return NO_EVENTS;
  }
  const out: SpanEvent[] = [];
  for (let i = 0; i < logs.length; i++) {
    const log = logs[i];
    try {
      if (!isRecord(log)) {
        fail('', `expected a log object, got ${describe(log)}`);
      }
      const fields = arrayField(log, 'fields');
      let name = '';
      const attributes = newAttributeMap();
      let any = false;
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
          attributes[kv.key] = kv.value;
          any = true;
        }
      }
      out.push({
        name,
        timeUnixNano: BigInt(micros(log.timestamp, 'timestamp')) * 1000n,
        attributes: any ? attributes : EMPTY_ATTRIBUTES,
      });
    } catch (e) {
      within(e, `logs[${i}]`);
    }
  }
  return out;
}
