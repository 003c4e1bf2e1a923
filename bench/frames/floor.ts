/**
 * The floor of a bench row: the least work any bytes → frames path built on `JSON.parse` can do for
 * the same input, timed beside the data source's path so each row says how much of its ratio no
 * decoder could remove.
 *
 * What a floor does, and what it leaves out on purpose:
 * - `JSON.parse` of the body, then one pass over the tree that copies every value the frame shows
 *   into one array per field, converting only units (µs or ns to ms) and reading kind and status
 *   where the wire keeps them (Jaeger v1: span tags).
 * - No checking of any kind, no id normalisation, no typed attributes: tags, logs and links are
 *   passed through as the wire holds them. A result that a malformed body would break is the price,
 *   which is why the data source cannot be this: it is a lower bound, not a candidate.
 * - Search floors evaluate the same TraceQL the data source does, written by hand for the bench's
 *   query, over every span of every trace, and keep the data source's number of rows (most recent
 *   first); Tempo's search floor unwraps each spanset span's attributes into its row.
 *
 * Each floor returns its row count, which checkFloor compares with the data source's frame before
 * any timing, so a floor that skipped spans or traces would stop the bench rather than flatter it.
 */
import type { DataQueryResponse } from '@grafana/data';

import type { SearchResponse } from '../../src/core/engine';
import type { AnyValue } from '../../src/core/engine/search/anyValue';
import type { JaegerTraceJson } from '../../src/core/model';
import type { OtlpAnyValue, OtlpKeyValue } from '../../src/core/model/encode/anyValue';
import { JAEGER_SEARCH_QUERY, TEMPO_SEARCH_QUERY, type FrameInput } from './inputs';

/** Default search limit of the data source (the bench's Jaeger searches do not set one). */
const DEFAULT_LIMIT = 20;

/** The wire shapes are the encoders' own (inputs.ts makes every body with them). */
type JaegerSpan = JaegerTraceJson['spans'][number];

/** One span of an OTLP body as encode/otlp.ts writes it (the encoder types spans loosely). */
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number | string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: OtlpKeyValue[];
  events?: Array<{ timeUnixNano: string; name: string; attributes?: OtlpKeyValue[] }>;
  links?: unknown[];
  status?: { code?: number | string; message?: string };
  traceState?: string;
}
interface OtlpBlock {
  resource?: { attributes?: OtlpKeyValue[] };
  scopeSpans: Array<{ scope?: { name?: string; version?: string }; spans: OtlpSpan[] }>;
}

/** The trace view's fields, in the order the data source's frame has them. */
const TRACE_FIELDS = 18;

function columns(n: number): unknown[][] {
  return Array.from({ length: TRACE_FIELDS }, () => new Array<unknown>(n));
}

function jaegerTraceFloor(text: string): number {
  const trace = (JSON.parse(text) as { data: JaegerTraceJson[] }).data[0];
  const spans = trace.spans;
  const c = columns(spans.length);
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const p = trace.processes[s.processID];
    let kind: unknown;
    let status: unknown;
    let statusMessage: unknown;
    let scopeName: unknown;
    let scopeVersion: unknown;
    let traceState: unknown;
    // Kind, status, scope and tracestate live among the tags in Jaeger v1.
    for (const t of s.tags) {
      switch (t.key) {
        case 'span.kind':
          kind = t.value;
          break;
        case 'error':
        case 'otel.status_code':
          status = t.value;
          break;
        case 'otel.status_description':
          statusMessage = t.value;
          break;
        case 'otel.scope.name':
          scopeName = t.value;
          break;
        case 'otel.scope.version':
          scopeVersion = t.value;
          break;
        case 'w3c.tracestate':
          traceState = t.value;
          break;
      }
    }
    c[0][i] = s.traceID;
    c[1][i] = s.spanID;
    c[2][i] = s.references.length > 0 ? s.references[0].spanID : undefined;
    c[3][i] = s.operationName;
    c[4][i] = p.serviceName;
    c[5][i] = kind;
    c[6][i] = status;
    c[7][i] = statusMessage;
    c[8][i] = scopeName;
    c[9][i] = scopeVersion;
    c[10][i] = traceState;
    c[11][i] = p.tags;
    c[12][i] = s.startTime / 1000;
    c[13][i] = s.duration / 1000;
    c[14][i] = s.logs.map((l) => ({ timestamp: l.timestamp / 1000, fields: l.fields }));
    c[15][i] = s.references;
    c[16][i] = s.tags;
    c[17][i] = s.warnings;
  }
  return c[0].length;
}

function otlpBlocks(text: string, api: FrameInput['api']): OtlpBlock[] {
  const body = JSON.parse(text) as { batches?: OtlpBlock[]; result?: { resourceSpans: OtlpBlock[] } };
  return (api === 'tempo' ? body.batches : body.result?.resourceSpans) ?? [];
}

function stringOf(v: OtlpAnyValue | AnyValue | undefined): string | undefined {
  return v !== undefined && 'stringValue' in v ? v.stringValue : undefined;
}

function serviceOf(block: OtlpBlock): unknown {
  return stringOf(block.resource?.attributes?.find((a) => a.key === 'service.name')?.value);
}

function otlpTraceFloor(text: string, api: FrameInput['api']): number {
  const c = columns(0);
  for (const block of otlpBlocks(text, api)) {
    const service = serviceOf(block);
    const serviceTags = block.resource?.attributes;
    for (const scope of block.scopeSpans) {
      for (const s of scope.spans) {
        const start = Number(s.startTimeUnixNano);
        c[0].push(s.traceId);
        c[1].push(s.spanId);
        c[2].push(s.parentSpanId);
        c[3].push(s.name);
        c[4].push(service);
        c[5].push(s.kind);
        c[6].push(s.status?.code);
        c[7].push(s.status?.message);
        c[8].push(scope.scope?.name);
        c[9].push(scope.scope?.version);
        c[10].push(s.traceState);
        c[11].push(serviceTags);
        c[12].push(start / 1e6);
        c[13].push((Number(s.endTimeUnixNano) - start) / 1e6);
        c[14].push(
          s.events?.map((e) => ({ timestamp: Number(e.timeUnixNano) / 1e6, name: e.name, fields: e.attributes }))
        );
        c[15].push(s.links);
        c[16].push(s.attributes);
        c[17].push(undefined);
      }
    }
  }
  return c[0].length;
}

/** A search row: trace id, start, root service, root name, duration, and the matched spans. */
interface SearchRow {
  traceId: string;
  startMs: number;
  service: unknown;
  name: unknown;
  durationMs: number;
  spans: unknown[][];
}

/** The bench's Jaeger query, by hand: service pushed down, the route regex and duration left. */
const ROUTE = /^(?:\/(users|orders).*)$/;
const MIN_DURATION_MS = 2;

/** Sorts the rows most recent first, as the data source does, and counts the `limit` it keeps. */
function keepLatest(rows: SearchRow[], limit: number): number {
  rows.sort((a, b) => b.startMs - a.startMs);
  return Math.min(rows.length, limit);
}

function jaegerV1SearchFloor(text: string, limit: number): number {
  const rows: SearchRow[] = [];
  for (const t of (JSON.parse(text) as { data: JaegerTraceJson[] }).data) {
    const matched: unknown[][] = [];
    let root: JaegerSpan | undefined;
    for (const s of t.spans) {
      if (s.references.length === 0) {
        root = s;
      }
      const service = t.processes[s.processID].serviceName;
      if (service !== 'frontend' || s.duration / 1000 <= MIN_DURATION_MS) {
        continue;
      }
      const route = s.tags.find((tag) => tag.key === 'http.route')?.value;
      if (typeof route === 'string' && ROUTE.test(route)) {
        matched.push([s.spanID, s.startTime / 1000, s.duration / 1000, service, route]);
      }
    }
    if (matched.length > 0 && root !== undefined) {
      rows.push({
        traceId: t.traceID,
        startMs: root.startTime / 1000,
        service: t.processes[root.processID].serviceName,
        name: root.operationName,
        durationMs: root.duration / 1000,
        spans: matched,
      });
    }
  }
  return keepLatest(rows, limit);
}

function jaegerV3SearchFloor(text: string, limit: number): number {
  const traces = new Map<string, { matched: unknown[][]; root?: OtlpSpan; rootService?: unknown }>();
  for (const block of otlpBlocks(text, 'jaeger-api-v3')) {
    const service = serviceOf(block);
    for (const scope of block.scopeSpans) {
      for (const s of scope.spans) {
        let t = traces.get(s.traceId);
        if (t === undefined) {
          t = { matched: [] };
          traces.set(s.traceId, t);
        }
        if (!s.parentSpanId) {
          t.root = s;
          t.rootService = service;
        }
        const start = Number(s.startTimeUnixNano) / 1e6;
        const duration = Number(s.endTimeUnixNano) / 1e6 - start;
        if (service !== 'frontend' || duration <= MIN_DURATION_MS) {
          continue;
        }
        const route = stringOf(s.attributes?.find((a) => a.key === 'http.route')?.value);
        if (typeof route === 'string' && ROUTE.test(route)) {
          t.matched.push([s.spanId, start, duration, service, route]);
        }
      }
    }
  }
  const rows: SearchRow[] = [];
  for (const [traceId, t] of traces) {
    if (t.matched.length > 0 && t.root !== undefined) {
      const start = Number(t.root.startTimeUnixNano) / 1e6;
      rows.push({
        traceId,
        startMs: start,
        service: t.rootService,
        name: t.root.name,
        durationMs: Number(t.root.endTimeUnixNano) / 1e6 - start,
        spans: t.matched,
      });
    }
  }
  return keepLatest(rows, limit);
}

function unwrap(v: AnyValue): unknown {
  if ('stringValue' in v) {
    return v.stringValue;
  }
  if ('intValue' in v) {
    return Number(v.intValue);
  }
  return 'doubleValue' in v ? v.doubleValue : 'boolValue' in v ? v.boolValue : undefined;
}

function tempoSearchFloor(text: string): number {
  const rows: SearchRow[] = [];
  for (const t of (JSON.parse(text) as SearchResponse).traces) {
    const spans: unknown[][] = [];
    for (const set of t.spanSets) {
      for (const s of set.spans) {
        const row: unknown[] = [s.spanID, Number(s.startTimeUnixNano) / 1e6, Number(s.durationNanos) / 1e6];
        for (const a of s.attributes) {
          row.push(a.key, unwrap(a.value));
        }
        spans.push(row);
      }
    }
    rows.push({
      traceId: t.traceID,
      startMs: Number(t.startTimeUnixNano) / 1e6,
      service: t.rootServiceName,
      name: t.rootTraceName,
      durationMs: t.durationMs,
      spans,
    });
  }
  return rows.length;
}

/** The floor for `input`: a function of the body that returns its row count. */
export function floorPath(input: FrameInput): () => number {
  const text = input.body;
  if (input.queryType === 'traceId') {
    return input.api === 'jaeger-v1' ? () => jaegerTraceFloor(text) : () => otlpTraceFloor(text, input.api);
  }
  const limit = input.limit ?? DEFAULT_LIMIT;
  if (input.api === 'tempo') {
    if (input.query !== TEMPO_SEARCH_QUERY) {
      throw new Error(`no floor for the Tempo search ${input.query}`);
    }
    return () => tempoSearchFloor(text);
  }
  if (input.query !== JAEGER_SEARCH_QUERY) {
    throw new Error(`no floor for the Jaeger search ${input.query}`);
  }
  return input.api === 'jaeger-v1' ? () => jaegerV1SearchFloor(text, limit) : () => jaegerV3SearchFloor(text, limit);
}

/**
 * Runs the floor and the data source's path once and fails unless the floor made as many rows as
 * the data source's frame has: a floor that skipped spans or traces must stop the bench.
 */
export async function checkFloor(
  input: FrameInput,
  floor: () => number,
  path: () => Promise<DataQueryResponse>
): Promise<void> {
  const frameLength = (await path()).data[0]?.length;
  const floorLength = floor();
  if (floorLength !== frameLength) {
    throw new Error(`${input.label}: the floor made ${floorLength} rows, the data source ${frameLength}`);
  }
}
