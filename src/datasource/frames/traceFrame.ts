import {
  createDataFrame,
  FieldType,
  type DataFrame,
  type Field,
  type TraceKeyValuePair,
  type TraceLog,
  type TraceSpanReference,
} from '@grafana/data';

import { spanTableOf, type AttributePair, type EventRow } from '../../core/model/table';
import { toEpochMs } from '../../core/model/table/unixTime';
import { SPAN_KINDS, type Resource, type SpanLink, type Trace } from '../../core/model/types';
import { keyValuePairs, displayPairs, type DisplayPair } from './values';

/** A span reference as the trace view reads it, with Jaeger's reference type. */
type Reference = TraceSpanReference & { refType: 'CHILD_OF' | 'FOLLOWS_FROM' };

/**
 * Links read the way Jaeger reads them: CHILD_OF when `opentracing.ref_type` says so (a Jaeger span
 * with a second CHILD_OF reference), FOLLOWS_FROM otherwise. Grafana's trace view takes a
 * reference without `refType` as FOLLOWS_FROM, so before this a second CHILD_OF was shown as a
 * follows-from link. The attribute becomes `refType` rather than also being listed among the tags.
 */
function referenceOf(link: SpanLink): Reference {
  const refType = link.attributes['opentracing.ref_type'] === 'child_of' ? 'CHILD_OF' : 'FOLLOWS_FROM';
  const tags = keyValuePairs(link.attributes).filter((t) => t.key !== 'opentracing.ref_type');
  return { traceID: link.traceId, spanID: link.spanId, tags, refType };
}

function logsOf(events: readonly EventRow[]): TraceLog[] {
  const out = new Array<TraceLog>(events.length);
  for (let j = 0; j < events.length; j++) {
    const e = events[j];
    out[j] = { timestamp: toEpochMs(e.seconds, e.nanos), name: e.name, fields: displayPairs(e.attributes) };
  }
  return out;
}

function field(name: string, type: FieldType, values: unknown[], displayName?: string): Field {
  return { name, type, config: displayName ? { displayNameFromDS: displayName } : {}, values };
}

/** '' (the model's "none") as undefined, which the trace view treats as absent. */
function orUndefined(values: readonly string[]): Array<string | undefined> {
  const out = new Array<string | undefined>(values.length);
  for (let i = 0; i < values.length; i++) {
    out[i] = values[i] === '' ? undefined : values[i];
  }
  return out;
}

/**
 * The frame Grafana's trace view reads (TraceSpanRow fields), built straight from the trace's
 * columns (core/model/table), so Jaeger and Tempo traces look the same and no Span objects are
 * made. Columns that already hold what the view wants (span ids, names, OTLP status numbers,
 * attribute pair lists of plain values) become field values without a copy; times are
 * milliseconds, as the trace view expects.
 */
export function buildTraceFrame(trace: Trace, refId?: string): DataFrame {
  const t = spanTableOf(trace);
  const n = t.length;
  const traceIds = new Array<string>(n).fill(t.traceId);
  const serviceName = new Array<string>(n);
  const serviceTags = new Array<TraceKeyValuePair[]>(n);
  const kind = new Array<string | undefined>(n);
  const scopeName = new Array<string | undefined>(n);
  const scopeVersion = new Array<string | undefined>(n);
  const startTime = new Array<number>(n);
  const duration = new Array<number>(n);
  const logs = new Array<TraceLog[]>(n);
  const references = new Array<Reference[]>(n);
  const tags = new Array<readonly AttributePair[] | TraceKeyValuePair[]>(n);
  const warnings = new Array<string[] | null>(n);
  // Resources are shared by many spans: their tags are built once and shared, as Jaeger's
  // processes are.
  const resourceTags = new Map<Resource, TraceKeyValuePair[]>();
  for (let i = 0; i < n; i++) {
    const resource = t.resource[i];
    serviceName[i] = resource.serviceName;
    let rt = resourceTags.get(resource);
    if (rt === undefined) {
      rt = keyValuePairs(resource.attributes);
      resourceTags.set(resource, rt);
    }
    serviceTags[i] = rt;
    kind[i] = t.kind[i] === 0 ? undefined : SPAN_KINDS[t.kind[i]];
    const scope = t.scope[i];
    scopeName[i] = scope.name || undefined;
    scopeVersion[i] = scope.version || undefined;
    startTime[i] = toEpochMs(t.startSeconds[i], t.startNanos[i]);
    duration[i] = t.durationNanos[i] / 1e6;
    const events = t.events[i];
    logs[i] = events.length === 0 ? [] : logsOf(events);
    const links = t.links[i];
    references[i] = links.length === 0 ? [] : links.map(referenceOf);
    const attributes = t.attributes[i];
    tags[i] = t.plainAttributes[i] === 1 ? (attributes as DisplayPair[]) : displayPairs(attributes);
    // Decoder warnings are per trace; show them once, on the root span, where users look first.
    warnings[i] = t.parentSpanId[i] === '' && trace.warnings.length > 0 ? [...trace.warnings] : null;
  }
  const fields: Field[] = [
    field('traceID', FieldType.string, traceIds, 'Trace ID'),
    field('spanID', FieldType.string, t.spanId as string[], 'Span ID'),
    field('parentSpanID', FieldType.string, orUndefined(t.parentSpanId), 'Parent span ID'),
    field('operationName', FieldType.string, t.name as string[], 'Operation'),
    field('serviceName', FieldType.string, serviceName, 'Service'),
    field('kind', FieldType.string, kind, 'Kind'),
    // The table's status index is OTLP's status number, which the trace view compares (2 = error).
    field('statusCode', FieldType.number, t.status as number[], 'Status'),
    field('statusMessage', FieldType.string, orUndefined(t.statusMessage), 'Status message'),
    field('instrumentationLibraryName', FieldType.string, scopeName, 'Library'),
    field('instrumentationLibraryVersion', FieldType.string, scopeVersion, 'Library version'),
    field('traceState', FieldType.string, orUndefined(t.traceState), 'Trace state'),
    field('serviceTags', FieldType.other, serviceTags, 'Resource attributes'),
    field('startTime', FieldType.number, startTime, 'Start time'),
    field('duration', FieldType.number, duration, 'Duration'),
    field('logs', FieldType.other, logs, 'Events'),
    field('references', FieldType.other, references, 'Links'),
    field('tags', FieldType.other, tags, 'Attributes'),
    field('warnings', FieldType.other, warnings),
  ];
  const notices = trace.partial
    ? [{ severity: 'warning' as const, text: 'The backend returned a partial trace: some spans may be missing.' }]
    : [];
  return createDataFrame({
    name: 'Trace',
    refId,
    fields,
    meta: { preferredVisualisationType: 'trace', custom: { traceFormat: 'otlp' }, notices },
  });
}
