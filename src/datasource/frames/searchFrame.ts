import { createDataFrame, FieldType, type DataFrame, type Field } from '@grafana/data';

import type { SearchResponse, SearchSpanSet, TraceSearchMetadata } from '../client/types';
import type { LogsLinkContext } from '../links';
import { spanViewLink, traceViewLink, type SelfRef } from './links';
import { LOGS_URL_FIELD, rowLogsLinks, type LogsLinkSetup } from './logsLinks';
import { nanosToMs, otlpAttributes } from './values';

export interface SearchFrameContext {
  self: SelfRef;
  refId?: string;
  logs?: LogsLinkSetup;
}

const HIDDEN = { custom: { hidden: true } };

function spanSetsOf(trace: TraceSearchMetadata): readonly SearchSpanSet[] {
  if (trace.spanSets && trace.spanSets.length > 0) {
    return trace.spanSets;
  }
  return trace.spanSet ? [trace.spanSet] : [];
}

/** Numbers stay numbers (sortable, unit-able); anything mixed is shown as text. */
function attributeField(name: string, raw: Array<string | number | boolean | undefined>): Field {
  const numeric = raw.every((v) => v === undefined || typeof v === 'number');
  return {
    name,
    type: numeric ? FieldType.number : FieldType.string,
    config: {},
    values: raw.map((v) => (v === undefined ? null : numeric ? v : String(v))),
  };
}

/**
 * A trace's duration in milliseconds, with the fraction when the engine evaluated the search and
 * knows it to the nanosecond (Jaeger), else Tempo's whole milliseconds. Truncating 5,332,953 µs to
 * 5332 ms would show a span longer than its trace.
 */
function traceDurationMs(trace: TraceSearchMetadata): number | undefined {
  return trace.durationNanos === undefined ? trace.durationMs : trace.durationNanos / 1e6;
}

function traceRowContext(trace: TraceSearchMetadata): LogsLinkContext {
  const startMs = nanosToMs(trace.startTimeUnixNano) ?? 0;
  const durationMs = traceDurationMs(trace);
  return {
    traceId: trace.traceID,
    attributes: trace.rootServiceName ? { 'service.name': trace.rootServiceName } : {},
    startMs,
    endMs: startMs + (durationMs ?? 0),
    traceName: trace.rootTraceName,
    traceDurationMs: durationMs,
  };
}

/**
 * One sub-frame per spanset: the matched spans with their attributes as columns, each span id
 * linking to the span in the trace view.
 */
function spanSetFrame(trace: TraceSearchMetadata, set: SearchSpanSet, ctx: SearchFrameContext): DataFrame {
  const spans = set.spans ?? [];
  const setAttributes = otlpAttributes(set.attributes);
  const perSpan = spans.map((s) => ({ ...otlpAttributes(s.attributes), ...setAttributes }));
  const attributeKeys = [...new Set(perSpan.flatMap((a) => Object.keys(a)))].sort();
  const startMs = spans.map((s) => nanosToMs(s.startTimeUnixNano) ?? null);

  const fields: Field[] = [
    { name: 'traceIdHidden', type: FieldType.string, config: HIDDEN, values: spans.map(() => trace.traceID) },
    {
      name: 'spanID',
      type: FieldType.string,
      config: { displayNameFromDS: 'Span ID', links: [spanViewLink(ctx.self, 'traceIdHidden')] },
      values: spans.map((s) => s.spanID),
    },
    { name: 'spanStartTime', type: FieldType.time, config: { displayNameFromDS: 'Start time' }, values: startMs },
    {
      name: 'name',
      type: FieldType.string,
      config: { displayNameFromDS: 'Name' },
      values: spans.map((s) => s.name ?? ''),
    },
    ...attributeKeys.map((key) =>
      attributeField(
        key,
        perSpan.map((a) => a[key])
      )
    ),
    {
      name: 'duration',
      type: FieldType.number,
      config: { displayNameFromDS: 'Duration', unit: 'ns' },
      values: spans.map((s) => (s.durationNanos === undefined ? null : Number(s.durationNanos))),
    },
  ];

  if (ctx.logs) {
    const rows = spans.map((s, i): LogsLinkContext => {
      const start = startMs[i] ?? 0;
      return {
        traceId: trace.traceID,
        spanId: s.spanID,
        attributes: Object.fromEntries(Object.entries(perSpan[i]).map(([k, v]) => [k, String(v)])),
        startMs: start,
        endMs: start + Number(s.durationNanos ?? 0) / 1e6,
        spanName: s.name,
      };
    });
    const logs = rowLogsLinks(ctx.logs, rows, 'Logs for this span');
    if (logs.link) {
      fields[1].config.links = [...(fields[1].config.links ?? []), logs.link];
      fields.push({ name: LOGS_URL_FIELD, type: FieldType.string, config: HIDDEN, values: logs.urls });
    }
  }

  return createDataFrame({
    name: `Spanset ${trace.traceID}`,
    refId: ctx.refId,
    fields,
    meta: { preferredVisualisationType: 'table' },
  });
}

/**
 * The `Traces` table: one row per matched trace, the trace id opening the trace view, and the
 * matched spansets nested under each row.
 */
export function buildSearchFrame(response: SearchResponse, ctx: SearchFrameContext): DataFrame {
  const traces = response.traces ?? [];
  const traceIdLinks = [traceViewLink(ctx.self)];
  const fields: Field[] = [
    {
      name: 'traceID',
      type: FieldType.string,
      config: { displayNameFromDS: 'Trace ID', links: traceIdLinks },
      values: traces.map((t) => t.traceID),
    },
    {
      name: 'startTime',
      type: FieldType.time,
      config: { displayNameFromDS: 'Start time' },
      values: traces.map((t) => nanosToMs(t.startTimeUnixNano) ?? null),
    },
    {
      name: 'traceService',
      type: FieldType.string,
      config: { displayNameFromDS: 'Service' },
      values: traces.map((t) => t.rootServiceName ?? ''),
    },
    {
      name: 'traceName',
      type: FieldType.string,
      config: { displayNameFromDS: 'Name' },
      values: traces.map((t) => t.rootTraceName ?? ''),
    },
    {
      name: 'traceDuration',
      type: FieldType.number,
      config: { displayNameFromDS: 'Duration', unit: 'ms' },
      values: traces.map((t) => traceDurationMs(t) ?? null),
    },
    {
      name: 'nested',
      type: FieldType.nestedFrames,
      config: {},
      values: traces.map((t) => spanSetsOf(t).map((set) => spanSetFrame(t, set, ctx))),
    },
  ];

  if (ctx.logs) {
    const logs = rowLogsLinks(ctx.logs, traces.map(traceRowContext), 'Logs for this trace');
    if (logs.link) {
      traceIdLinks.push(logs.link);
      fields.push({ name: LOGS_URL_FIELD, type: FieldType.string, config: HIDDEN, values: logs.urls });
    }
  }

  return createDataFrame({
    name: 'Traces',
    refId: ctx.refId,
    fields,
    meta: { preferredVisualisationType: 'table' },
  });
}
