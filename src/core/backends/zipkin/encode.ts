import type { Span, SpanKind, Trace } from '../../model/types';
import { tagText } from './tagValue';
import type { ZipkinEndpoint, ZipkinKind, ZipkinSpan } from './types';

/**
 * The one trace model as Zipkin v2 JSON, the way OpenTelemetry's Zipkin exporters write it: for tests,
 * fixtures, benchmarks and trace files. The inverse of decode.ts where Zipkin can hold the data:
 *
 *   - times are truncated to whole microseconds; INTERNAL and UNSPECIFIED kinds are both absent, so
 *     UNSPECIFIED reads back as INTERNAL;
 *   - status goes to `otel.status_code` (ERROR/OK) and, for an error, the message to `error` (an
 *     empty message still writes `error`, so the tag alone marks the failure for Zipkin's
 *     `annotationQuery=error`);
 *   - `peer.service` becomes remoteEndpoint.serviceName (and is read back from there);
 *   - resource attributes other than `service.name` are flattened into tags, as the exporters do,
 *     and read back as span attributes;
 *   - attribute values become their canonical text, so numbers and booleans read back typed, while a
 *     string that happens to be canonical number text ("500") reads back as a number;
 *   - links, tracestate, event attributes and scope attributes have no place in Zipkin and are dropped;
 *   - names are written as given; a real server lower-cases span and service names on the way in.
 */
export function encodeZipkinTrace(trace: Trace): ZipkinSpan[] {
  return trace.spans.map(encodeSpan);
}

/** A list of traces, as `GET /api/v2/traces` answers. */
export function encodeZipkinTraces(traces: readonly Trace[]): ZipkinSpan[][] {
  return traces.map(encodeZipkinTrace);
}

const KINDS: Readonly<Record<SpanKind, ZipkinKind | undefined>> = {
  client: 'CLIENT',
  server: 'SERVER',
  producer: 'PRODUCER',
  consumer: 'CONSUMER',
  internal: undefined,
  unspecified: undefined,
};

const NS_PER_US = 1000n;

function encodeSpan(span: Span): ZipkinSpan {
  const tags: Record<string, string> = {};
  let peer: string | undefined;
  for (const key of Object.keys(span.resource.attributes)) {
    if (key !== 'service.name') {
      tags[key] = tagText(span.resource.attributes[key]);
    }
  }
  for (const key of Object.keys(span.attributes)) {
    if (key === 'peer.service' && typeof span.attributes[key] === 'string') {
      peer = span.attributes[key];
      continue;
    }
    tags[key] = tagText(span.attributes[key]);
  }
  if (span.scope.name) {
    tags['otel.scope.name'] = span.scope.name;
    if (span.scope.version) {
      tags['otel.scope.version'] = span.scope.version;
    }
  }
  if (span.statusCode === 'error') {
    tags['otel.status_code'] = 'ERROR';
    tags.error = span.statusMessage;
  } else if (span.statusCode === 'ok') {
    tags['otel.status_code'] = 'OK';
  }
  const out: ZipkinSpan = { traceId: span.traceId, id: span.spanId };
  if (span.parentSpanId) {
    out.parentId = span.parentSpanId;
  }
  out.name = span.name;
  const kind = KINDS[span.kind];
  if (kind) {
    out.kind = kind;
  }
  out.timestamp = Number(span.startTimeUnixNano / NS_PER_US);
  out.duration = Math.floor(span.durationNanos / 1000);
  out.localEndpoint = { serviceName: span.resource.serviceName };
  if (peer !== undefined) {
    const remote: ZipkinEndpoint = { serviceName: peer };
    out.remoteEndpoint = remote;
  }
  if (span.events.length > 0) {
    out.annotations = span.events.map((e) => ({ timestamp: Number(e.timeUnixNano / NS_PER_US), value: e.name }));
  }
  if (Object.keys(tags).length > 0) {
    out.tags = tags;
  }
  return out;
}
