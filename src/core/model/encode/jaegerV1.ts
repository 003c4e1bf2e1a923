import { getAttribute } from '../attributes';
import type { AttributeMap, AttributeValue, Resource, Span, Trace } from '../types';
import { WholeDouble } from '../wholeDouble';

export interface JaegerKeyValueJson {
  key: string;
  type: 'string' | 'bool' | 'int64' | 'float64' | 'binary';
  value: string | number | boolean;
}

export interface JaegerSpanJson {
  traceID: string;
  spanID: string;
  operationName: string;
  references: Array<{ refType: 'CHILD_OF' | 'FOLLOWS_FROM'; traceID: string; spanID: string }>;
  startTime: number;
  duration: number;
  tags: JaegerKeyValueJson[];
  logs: Array<{ timestamp: number; fields: JaegerKeyValueJson[] }>;
  processID: string;
  warnings: null;
}

export interface JaegerTraceJson {
  traceID: string;
  spans: JaegerSpanJson[];
  processes: Record<string, { serviceName: string; tags: JaegerKeyValueJson[] }>;
  warnings: string[] | null;
}

/**
 * Jaeger writes ids of traces with a zero high half as 16 digits, like the 64-bit ids of its own
 * clients; the decoder pads them back.
 */
function jaegerTraceId(hex: string): string {
  return hex.startsWith('0000000000000000') ? hex.slice(16) : hex;
}

/**
 * The way Jaeger's OTLP translation writes values: whole numbers as int64 (as a string past 2^53,
 * so JavaScript clients keep them exact), arrays and maps as JSON text in a string tag.
 */
export function encodeJaegerValue(key: string, v: AttributeValue): JaegerKeyValueJson {
  switch (typeof v) {
    case 'string':
      return { key, type: 'string', value: v };
    case 'boolean':
      return { key, type: 'bool', value: v };
    case 'bigint':
      return { key, type: 'int64', value: Number.isSafeInteger(Number(v)) ? Number(v) : v.toString() };
    case 'number':
      // Past 2^53 the model uses bigint for integers, so a number there is a double.
      if (Number.isSafeInteger(v)) {
        return { key, type: 'int64', value: v };
      }
      // JSON has no NaN or Infinity literal; the decoder reads them back from text.
      return { key, type: 'float64', value: Number.isFinite(v) ? v : String(v) };
    default:
      if (v instanceof WholeDouble) {
        return { key, type: 'float64', value: v.value };
      }
      return {
        key,
        type: 'string',
        value: JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x)),
      };
  }
}

function encodeTags(map: AttributeMap, skip?: string): JaegerKeyValueJson[] {
  const out: JaegerKeyValueJson[] = [];
  for (const key of Object.keys(map)) {
    if (key !== skip) {
      out.push(encodeJaegerValue(key, map[key]));
    }
  }
  return out;
}

/** Model fields Jaeger v1 has no place for travel as the tags its translator uses. */
function spanTags(span: Span): JaegerKeyValueJson[] {
  const tags = encodeTags(span.attributes);
  if (span.kind !== 'unspecified') {
    tags.push({ key: 'span.kind', type: 'string', value: span.kind });
  }
  if (span.statusCode === 'error') {
    tags.push({ key: 'error', type: 'bool', value: true });
  }
  if (span.statusCode !== 'unset') {
    tags.push({ key: 'otel.status_code', type: 'string', value: span.statusCode.toUpperCase() });
    if (span.statusMessage) {
      tags.push({ key: 'otel.status_description', type: 'string', value: span.statusMessage });
    }
  }
  if (span.scope.name) {
    tags.push({ key: 'otel.scope.name', type: 'string', value: span.scope.name });
    if (span.scope.version) {
      tags.push({ key: 'otel.scope.version', type: 'string', value: span.scope.version });
    }
  }
  if (span.traceState) {
    tags.push({ key: 'w3c.tracestate', type: 'string', value: span.traceState });
  }
  return tags;
}

const NS_PER_US = 1000n;

/** A log's `event` field carries the event name, as Jaeger's translator writes it. */
function eventFields(name: string, attributes: AttributeMap): JaegerKeyValueJson[] {
  const fields: JaegerKeyValueJson[] = name ? [{ key: 'event', type: 'string', value: name }] : [];
  return fields.concat(encodeTags(attributes));
}

/**
 * One trace as Jaeger v1 JSON. Lossy where Jaeger v1 is: times are truncated to microseconds, link
 * and scope attributes are dropped, arrays and maps become JSON strings.
 */
export function encodeJaegerTrace(trace: Trace): JaegerTraceJson {
  const processIds = new Map<Resource, string>();
  const processes: JaegerTraceJson['processes'] = {};
  const spans: JaegerSpanJson[] = [];
  for (const span of trace.spans) {
    let processID = processIds.get(span.resource);
    if (processID === undefined) {
      processID = `p${processIds.size + 1}`;
      processIds.set(span.resource, processID);
      processes[processID] = {
        serviceName: span.resource.serviceName,
        tags: encodeTags(span.resource.attributes, 'service.name'),
      };
    }
    const references: JaegerSpanJson['references'] = [];
    if (span.parentSpanId) {
      references.push({ refType: 'CHILD_OF', traceID: jaegerTraceId(span.traceId), spanID: span.parentSpanId });
    }
    for (const link of span.links) {
      // Jaeger's reading of a link: CHILD_OF when it says so (opentracing.ref_type), else FOLLOWS_FROM.
      const refType =
        getAttribute(link.attributes, 'opentracing.ref_type') === 'child_of' ? 'CHILD_OF' : 'FOLLOWS_FROM';
      references.push({ refType, traceID: jaegerTraceId(link.traceId), spanID: link.spanId });
    }
    spans.push({
      traceID: jaegerTraceId(span.traceId),
      spanID: span.spanId,
      operationName: span.name,
      references,
      startTime: Number(span.startTimeUnixNano / NS_PER_US),
      duration: Math.floor(span.durationNanos / 1000),
      tags: spanTags(span),
      logs: span.events.map((e) => ({
        timestamp: Number(e.timeUnixNano / NS_PER_US),
        fields: eventFields(e.name, e.attributes),
      })),
      processID,
      warnings: null,
    });
  }
  return {
    traceID: jaegerTraceId(trace.traceId),
    spans,
    processes,
    warnings: trace.warnings.length > 0 ? [...trace.warnings] : null,
  };
}
