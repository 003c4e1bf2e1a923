import {
  createDataFrame,
  FieldType,
  type DataFrame,
  type Field,
  type TraceKeyValuePair,
  type TraceLog,
} from '@grafana/data';

import type { Span, StatusCode, Trace } from '../../core/model/types';
import { keyValuePairs } from './values';

/** OTLP status code numbers, which Grafana's trace view compares against (2 = error). */
const STATUS_NUMBER: Record<StatusCode, number> = { unset: 0, ok: 1, error: 2 };

/** Epoch ns (bigint) to ms with µs precision; the integer µs part is exact in a double. */
function nsToMs(ns: bigint): number {
  return Number(ns / 1000n) / 1000;
}

function logsOf(span: Span): TraceLog[] {
  return span.events.map((e) => ({
    timestamp: nsToMs(e.timeUnixNano),
    name: e.name,
    fields: keyValuePairs(e.attributes),
  }));
}

function referencesOf(span: Span) {
  return span.links.map((l) => ({ traceID: l.traceId, spanID: l.spanId, tags: keyValuePairs(l.attributes) }));
}

function serviceTagsOf(span: Span): TraceKeyValuePair[] {
  return keyValuePairs(span.resource.attributes);
}

function spanWarnings(span: Span, trace: Trace): string[] | null {
  // Decoder warnings are per trace; show them once, on the root span, where users look first.
  return span.parentSpanId === '' && trace.warnings.length > 0 ? [...trace.warnings] : null;
}

/**
 * The frame Grafana's trace view reads (TraceSpanRow fields), from the core's normalized trace, so
 * Jaeger and Tempo traces look the same. Times are milliseconds as the trace view expects.
 */
export function buildTraceFrame(trace: Trace, refId?: string): DataFrame {
  const spans = trace.spans;
  const col = <T>(name: string, type: FieldType, values: T[], displayName?: string): Field => ({
    name,
    type,
    config: displayName ? { displayNameFromDS: displayName } : {},
    values,
  });
  const fields: Field[] = [
    col(
      'traceID',
      FieldType.string,
      spans.map((s) => s.traceId),
      'Trace ID'
    ),
    col(
      'spanID',
      FieldType.string,
      spans.map((s) => s.spanId),
      'Span ID'
    ),
    col(
      'parentSpanID',
      FieldType.string,
      spans.map((s) => (s.parentSpanId === '' ? undefined : s.parentSpanId)),
      'Parent span ID'
    ),
    col(
      'operationName',
      FieldType.string,
      spans.map((s) => s.name),
      'Operation'
    ),
    col(
      'serviceName',
      FieldType.string,
      spans.map((s) => s.resource.serviceName),
      'Service'
    ),
    col(
      'kind',
      FieldType.string,
      spans.map((s) => (s.kind === 'unspecified' ? undefined : s.kind)),
      'Kind'
    ),
    col(
      'statusCode',
      FieldType.number,
      spans.map((s) => STATUS_NUMBER[s.statusCode]),
      'Status'
    ),
    col(
      'statusMessage',
      FieldType.string,
      spans.map((s) => s.statusMessage || undefined),
      'Status message'
    ),
    col(
      'instrumentationLibraryName',
      FieldType.string,
      spans.map((s) => s.scope.name || undefined),
      'Library'
    ),
    col(
      'instrumentationLibraryVersion',
      FieldType.string,
      spans.map((s) => s.scope.version || undefined),
      'Library version'
    ),
    col(
      'traceState',
      FieldType.string,
      spans.map((s) => s.traceState || undefined),
      'Trace state'
    ),
    col('serviceTags', FieldType.other, spans.map(serviceTagsOf), 'Resource attributes'),
    col(
      'startTime',
      FieldType.number,
      spans.map((s) => nsToMs(s.startTimeUnixNano)),
      'Start time'
    ),
    col(
      'duration',
      FieldType.number,
      spans.map((s) => s.durationNanos / 1e6),
      'Duration'
    ),
    col('logs', FieldType.other, spans.map(logsOf), 'Events'),
    col('references', FieldType.other, spans.map(referencesOf), 'Links'),
    col(
      'tags',
      FieldType.other,
      spans.map((s) => keyValuePairs(s.attributes)),
      'Attributes'
    ),
    col(
      'warnings',
      FieldType.other,
      spans.map((s) => spanWarnings(s, trace))
    ),
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
