import { FieldType, type DataFrame, type DataLink, type Field, type FieldConfig } from '@grafana/data';

import type { SearchSpan } from '../../core/engine';
import type { SearchResponse, SearchSpanSet, TraceSearchMetadata } from '../client/types';
import type { LogsLinkContext } from '../links';
import { MIN_WIDTH, minWidth } from './columnWidths';
import { spanViewLink, traceViewLink, type SelfRef } from './links';
import {
  hasLogsQuery,
  lazyLogsLink,
  logsUrlOf,
  type HasLogsQuery,
  type LogsLinkRows,
  type LogsLinkSetup,
  type LogsUrlOf,
} from './logsLinks';
import { nanosToMs, otlpValue } from './values';

export interface SearchFrameContext {
  self: SelfRef;
  refId?: string;
  logs?: LogsLinkSetup;
}

function spanSetsOf(trace: TraceSearchMetadata): readonly SearchSpanSet[] {
  if (trace.spanSets && trace.spanSets.length > 0) {
    return trace.spanSets;
  }
  return trace.spanSet ? [trace.spanSet] : [];
}

type Cell = string | number | boolean | undefined;

/** Numbers stay numbers (sortable, unit-able); anything mixed is shown as text. */
function attributeField(name: string, raw: Cell[]): Field {
  const numeric = raw.every((v) => v === undefined || typeof v === 'number');
  const values = new Array<string | number | boolean | null>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const v = raw[i];
    values[i] = v === undefined ? null : numeric ? v : String(v);
  }
  return { name, type: numeric ? FieldType.number : FieldType.string, config: {}, values };
}

/**
 * A spanset's attributes as one column per key, a row per span: each span's own attributes in
 * order (a repeated key keeps its last value), then the spanset's (by(), aggregates), which every
 * span shares and which win over a span's own. Values OTLP leaves empty are no value at all.
 */
function attributeColumns(set: SearchSpanSet, spans: readonly SearchSpan[]): Map<string, Cell[]> {
  const columns = new Map<string, Cell[]>();
  for (let i = 0; i < spans.length; i++) {
    for (const kv of spans[i].attributes ?? []) {
      const v = otlpValue(kv.value);
      if (v !== undefined) {
        column(columns, kv.key, spans.length)[i] = v;
      }
    }
  }
  for (const kv of set.attributes ?? []) {
    const v = otlpValue(kv.value);
    if (v !== undefined) {
      column(columns, kv.key, spans.length).fill(v);
    }
  }
  return columns;
}

function column(columns: Map<string, Cell[]>, key: string, length: number): Cell[] {
  let c = columns.get(key);
  if (c === undefined) {
    c = new Array<Cell>(length).fill(undefined);
    columns.set(key, c);
  }
  return c;
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

/** Trace-to-logs settled once for the whole search table. */
interface TableLogs {
  readonly urlOf: LogsUrlOf;
  readonly hasQuery: HasLogsQuery;
}

/**
 * The frame fields' shared parts: one set of link objects, and one config object for each column
 * every spanset has, for the whole search table. Made per table, not per module: Grafana writes
 * a panel's defaults into field configs, and they must not leak into another panel's table.
 */
interface SearchTableParts {
  readonly ctx: SearchFrameContext;
  readonly spanLink: DataLink;
  readonly logs?: TableLogs;
  readonly config: {
    readonly hidden: FieldConfig;
    readonly startTime: FieldConfig;
    readonly name: FieldConfig;
    readonly duration: FieldConfig;
  };
}

function spanSetConfigs(): SearchTableParts['config'] {
  return {
    hidden: { custom: { hidden: true } },
    startTime: { displayNameFromDS: 'Start time', ...minWidth(MIN_WIDTH.time) },
    name: { displayNameFromDS: 'Name' },
    duration: { displayNameFromDS: 'Duration', unit: 'ns', ...minWidth(MIN_WIDTH.duration) },
  };
}

function frame(name: string, refId: string | undefined, fields: Field[], length: number): DataFrame {
  // What createDataFrame would make of these fields, which are complete already (name, type,
  // config and values each), without copying every field of every spanset once more.
  return { name, refId, fields, length, meta: { preferredVisualisationType: 'table' } };
}

/** Each span's attributes as text, for the logs query's tag mappings. */
function rowAttributes(columns: Map<string, Cell[]>, i: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, c] of columns) {
    const v = c[i];
    if (v !== undefined) {
      out[key] = String(v);
    }
  }
  return out;
}

/** A spanset's spans as the rows of its logs link, read only for the rows the link is built for. */
class SpanSetRows implements LogsLinkRows {
  readonly count: number;

  constructor(
    private readonly traceId: string,
    private readonly spans: readonly SearchSpan[],
    private readonly spanIds: readonly string[],
    private readonly startMs: ReadonlyArray<number | null>,
    private readonly columns: Map<string, Cell[]>
  ) {
    this.count = spans.length;
  }

  key(i: number): string {
    return this.spanIds[i];
  }

  context(i: number): LogsLinkContext {
    const start = this.startMs[i] ?? 0;
    return {
      traceId: this.traceId,
      spanId: this.spanIds[i],
      attributes: rowAttributes(this.columns, i),
      startMs: start,
      endMs: start + Number(this.spans[i].durationNanos ?? 0) / 1e6,
      spanName: this.spans[i].name,
    };
  }
}

/** The table's traces as the rows of "Logs for this trace". */
class TraceRows implements LogsLinkRows {
  readonly count: number;

  constructor(private readonly traces: readonly TraceSearchMetadata[]) {
    this.count = traces.length;
  }

  key(i: number): string {
    return this.traces[i].traceID;
  }

  context(i: number): LogsLinkContext {
    return traceRowContext(this.traces[i]);
  }
}

/**
 * One sub-frame per spanset: the matched spans with their attributes as columns, each span id
 * linking to the span in the trace view. Built a column at a time from the spans.
 */
function spanSetFrame(traceId: string, set: SearchSpanSet, parts: SearchTableParts): DataFrame {
  const spans = set.spans ?? [];
  const n = spans.length;
  const traceIds = new Array<string>(n).fill(traceId);
  const spanIds = new Array<string>(n);
  const startMs = new Array<number | null>(n);
  const names = new Array<string>(n);
  const durations = new Array<number | null>(n);
  for (let i = 0; i < n; i++) {
    const s = spans[i];
    spanIds[i] = s.spanID;
    startMs[i] = nanosToMs(s.startTimeUnixNano) ?? null;
    names[i] = s.name ?? '';
    durations[i] = s.durationNanos === undefined ? null : Number(s.durationNanos);
  }
  const columns = attributeColumns(set, spans);

  const spanIdField: Field = {
    name: 'spanID',
    type: FieldType.string,
    config: { displayNameFromDS: 'Span ID', links: [parts.spanLink], ...minWidth(MIN_WIDTH.spanId) },
    values: spanIds,
  };
  const config = parts.config;
  const fields: Field[] = [
    { name: 'traceIdHidden', type: FieldType.string, config: config.hidden, values: traceIds },
    spanIdField,
    { name: 'spanStartTime', type: FieldType.time, config: config.startTime, values: startMs },
    { name: 'name', type: FieldType.string, config: config.name, values: names },
  ];
  for (const key of [...columns.keys()].sort()) {
    fields.push(attributeField(key, columns.get(key) ?? []));
  }
  fields.push({ name: 'duration', type: FieldType.number, config: config.duration, values: durations });

  if (parts.logs) {
    const rows = new SpanSetRows(traceId, spans, spanIds, startMs, columns);
    const logs = lazyLogsLink(parts.logs.urlOf, parts.logs.hasQuery, rows, 'Logs for this span');
    if (logs) {
      spanIdField.config.links = [parts.spanLink, logs];
    }
  }

  return frame(`Spanset ${traceId}`, parts.ctx.refId, fields, n);
}

/**
 * The `Traces` table: one row per matched trace, the trace id opening the trace view, and the
 * matched spansets nested under each row.
 */
export function buildSearchFrame(response: SearchResponse, ctx: SearchFrameContext): DataFrame {
  const traces = response.traces ?? [];
  const traceIdLinks = [traceViewLink(ctx.self)];
  const logs = ctx.logs ? { urlOf: logsUrlOf(ctx.logs), hasQuery: hasLogsQuery(ctx.logs) } : undefined;
  const parts: SearchTableParts = {
    ctx,
    spanLink: spanViewLink(ctx.self, 'traceIdHidden'),
    logs,
    config: spanSetConfigs(),
  };
  const fields: Field[] = [
    {
      name: 'traceID',
      type: FieldType.string,
      config: { displayNameFromDS: 'Trace ID', links: traceIdLinks, ...minWidth(MIN_WIDTH.traceId) },
      values: traces.map((t) => t.traceID),
    },
    {
      name: 'startTime',
      type: FieldType.time,
      config: { displayNameFromDS: 'Start time', ...minWidth(MIN_WIDTH.time) },
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
      config: { displayNameFromDS: 'Duration', unit: 'ms', ...minWidth(MIN_WIDTH.duration) },
      values: traces.map((t) => traceDurationMs(t) ?? null),
    },
    {
      name: 'nested',
      type: FieldType.nestedFrames,
      config: {},
      values: traces.map((t) => spanSetsOf(t).map((set) => spanSetFrame(t.traceID, set, parts))),
    },
  ];

  if (logs) {
    const link = lazyLogsLink(logs.urlOf, logs.hasQuery, new TraceRows(traces), 'Logs for this trace');
    if (link) {
      traceIdLinks.push(link);
    }
  }

  return frame('Traces', ctx.refId, fields, traces.length);
}
