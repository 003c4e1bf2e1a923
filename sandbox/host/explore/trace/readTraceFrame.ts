import { DataFrame, Field, FieldType } from '@grafana/data';

/*
 * How the sandbox reads a trace frame, written from @grafana/data's TraceSpanRow type and Grafana's
 * "Tracing in Explore" and data-frame docs (our own words and code; Grafana's trace view is AGPL):
 *
 * - A trace frame is a data frame whose meta.preferredVisualisationType is 'trace', one row per span.
 * - Fields are found by name. Required, with the field type the trace view relies on:
 *     traceID, spanID, operationName, serviceName: string;
 *     startTime (epoch milliseconds, fractions carry µs) and duration (milliseconds): number.
 *   Optional: parentSpanID (string; empty or missing for a root), kind (string: server, client, …),
 *   statusCode (number, OTLP: 0 unset, 1 ok, 2 error), statusMessage, instrumentationLibraryName,
 *   instrumentationLibraryVersion, traceState (strings), and, as FieldType.other:
 *   serviceTags and tags ({key, value}[]), logs ({timestamp ms, name?, fields: {key, value}[]}[]),
 *   references ({traceID, spanID, tags?}[], the span's links), warnings (string[] or null).
 * - A span whose parent is not in the frame is shown at the top level (a partial trace), as Jaeger
 *   UI and Grafana do; a row that breaks the contract above is reported, not guessed at, so what the
 *   sandbox shows proves the frame is right.
 */

export interface KeyValue {
  key: string;
  value: unknown;
}

export interface SpanEvent {
  /** Epoch milliseconds. */
  timestamp: number;
  name?: string;
  fields: KeyValue[];
}

export interface SpanLink {
  traceID: string;
  spanID: string;
  tags: KeyValue[];
}

export interface WaterfallSpan {
  traceID: string;
  spanID: string;
  parentSpanID?: string;
  operationName: string;
  serviceName: string;
  /** Epoch milliseconds. */
  startTime: number;
  /** Milliseconds. */
  duration: number;
  kind?: string;
  statusCode?: number;
  statusMessage?: string;
  library?: string;
  libraryVersion?: string;
  traceState?: string;
  serviceTags: KeyValue[];
  tags: KeyValue[];
  logs: SpanEvent[];
  references: SpanLink[];
  warnings: string[];
}

export interface TraceRead {
  spans: WaterfallSpan[];
  /** Where the frame breaks the contract, each naming the field (and row). */
  problems: string[];
}

const REQUIRED: Array<[string, FieldType]> = [
  ['traceID', FieldType.string],
  ['spanID', FieldType.string],
  ['operationName', FieldType.string],
  ['serviceName', FieldType.string],
  ['startTime', FieldType.number],
  ['duration', FieldType.number],
];

const OPTIONAL: Array<[string, FieldType]> = [
  ['parentSpanID', FieldType.string],
  ['kind', FieldType.string],
  ['statusCode', FieldType.number],
  ['statusMessage', FieldType.string],
  ['instrumentationLibraryName', FieldType.string],
  ['instrumentationLibraryVersion', FieldType.string],
  ['traceState', FieldType.string],
  ['serviceTags', FieldType.other],
  ['tags', FieldType.other],
  ['logs', FieldType.other],
  ['references', FieldType.other],
  ['warnings', FieldType.other],
];

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function isTraceFrame(frame: DataFrame): boolean {
  return frame.meta?.preferredVisualisationType === 'trace';
}

/** Reads a trace frame as the trace view does; see the contract above. */
export function readTraceFrame(frame: DataFrame): TraceRead {
  const problems: string[] = [];
  const byName = new Map<string, Field>(frame.fields.map((field) => [field.name, field]));
  for (const [name, type] of [...REQUIRED, ...OPTIONAL]) {
    const field = byName.get(name);
    if (!field) {
      if (REQUIRED.some(([required]) => required === name)) {
        problems.push(`field ${name} is missing`);
      }
    } else if (field.type !== type) {
      problems.push(`field ${name} has type ${field.type}; the trace view reads ${type}`);
    }
  }
  const at = (name: string, row: number): unknown => byName.get(name)?.values[row];
  const rowProblem = (row: number, text: string) => problems.push(`row ${row}: ${text}`);

  const keyValues = (name: string, row: number): KeyValue[] => {
    const value = at(name, row);
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value) || !value.every((item) => isRecord(item) && typeof item.key === 'string')) {
      rowProblem(row, `${name} is not a list of {key, value}`);
      return [];
    }
    return value.map((item: Record<string, unknown>) => ({ key: String(item.key), value: item.value }));
  };
  const logs = (row: number): SpanEvent[] => {
    const value = at('logs', row);
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value)) {
      rowProblem(row, 'logs is not a list');
      return [];
    }
    return value.flatMap((item: unknown, index) => {
      if (!isRecord(item) || typeof item.timestamp !== 'number' || !Array.isArray(item.fields)) {
        rowProblem(row, `logs[${index}] needs a numeric timestamp (ms) and a fields list`);
        return [];
      }
      const fields = item.fields.filter(isRecord).map((f) => ({ key: String(f.key), value: f.value }));
      return [{ timestamp: item.timestamp, name: optionalString(item.name), fields }];
    });
  };
  const references = (row: number): SpanLink[] => {
    const value = at('references', row);
    if (value === undefined || value === null) {
      return [];
    }
    if (!Array.isArray(value)) {
      rowProblem(row, 'references is not a list');
      return [];
    }
    return value.flatMap((item: unknown, index) => {
      if (!isRecord(item) || typeof item.traceID !== 'string' || typeof item.spanID !== 'string') {
        rowProblem(row, `references[${index}] needs traceID and spanID strings`);
        return [];
      }
      const tags = Array.isArray(item.tags)
        ? item.tags.filter(isRecord).map((t) => ({ key: String(t.key), value: t.value }))
        : [];
      return [{ traceID: item.traceID, spanID: item.spanID, tags }];
    });
  };

  const spans: WaterfallSpan[] = [];
  const seen = new Set<string>();
  for (let row = 0; row < frame.length; row++) {
    const spanID = at('spanID', row);
    const startTime = at('startTime', row);
    const duration = at('duration', row);
    if (typeof spanID !== 'string' || spanID === '') {
      rowProblem(row, 'spanID is empty');
      continue;
    }
    if (seen.has(spanID)) {
      rowProblem(row, `span ${spanID} appears twice`);
      continue;
    }
    if (typeof startTime !== 'number' || !Number.isFinite(startTime)) {
      rowProblem(row, 'startTime is not a number of milliseconds');
      continue;
    }
    if (typeof duration !== 'number' || !Number.isFinite(duration) || duration < 0) {
      rowProblem(row, 'duration is not a non-negative number of milliseconds');
      continue;
    }
    seen.add(spanID);
    const warnings = at('warnings', row);
    const statusCode = at('statusCode', row);
    spans.push({
      traceID: String(at('traceID', row) ?? ''),
      spanID,
      parentSpanID: optionalString(at('parentSpanID', row)),
      operationName: String(at('operationName', row) ?? ''),
      serviceName: String(at('serviceName', row) ?? ''),
      startTime,
      duration,
      kind: optionalString(at('kind', row)),
      statusCode: typeof statusCode === 'number' ? statusCode : undefined,
      statusMessage: optionalString(at('statusMessage', row)),
      library: optionalString(at('instrumentationLibraryName', row)),
      libraryVersion: optionalString(at('instrumentationLibraryVersion', row)),
      traceState: optionalString(at('traceState', row)),
      serviceTags: keyValues('serviceTags', row),
      tags: keyValues('tags', row),
      logs: logs(row),
      references: references(row),
      warnings: Array.isArray(warnings) ? warnings.map(String) : [],
    });
  }
  return { spans, problems };
}
