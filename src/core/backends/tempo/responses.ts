/**
 * Tempo's JSON answers checked and normalised. Tempo marshals with jsonpb, which leaves out zero
 * values and empty lists, so missing fields are filled with their zero value here; fields of the
 * wrong type are a 'malformed' error naming the endpoint and field.
 */
import type {
  AnyValue,
  InstantSeries,
  KeyValue,
  MetricsSeries,
  MetricsStats,
  SearchResponse,
  SearchSpanSet,
  ServiceStats,
  TraceSearchMetadata,
} from '../../engine';
import { promLabels } from '../../engine/metrics/labels';
import type { Value } from '../../engine/values';
import { isRecord, malformed, type Endpoint } from '../http';
import type { QueryInstantResponse, QueryRangeResponse, TagScope, TagValue } from './types';

type Rec = Record<string, unknown>;

/**
 * Where in the body a value is, for an error message. Written only when there is an error: the
 * search answer has thousands of spans and attributes, and a path string built for each would cost
 * more than checking it.
 */
type Where = string | (() => string);

function path(where: Where): string {
  return typeof where === 'string' ? where : where();
}

function list(ep: Endpoint, obj: Rec, key: string, where: Where): unknown[] {
  const v = obj[key];
  if (v === undefined || v === null) {
    return [];
  }
  if (!Array.isArray(v)) {
    throw malformed(ep, `${path(where)}${key} is not a list`);
  }
  return v;
}

function rec(ep: Endpoint, v: unknown, where: Where): Rec {
  if (!isRecord(v)) {
    throw malformed(ep, `${path(where)} is not an object`);
  }
  return v;
}

function str(v: unknown, fallback = ''): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : fallback;
}

function num(v: unknown): number {
  if (typeof v === 'number') {
    return v;
  }
  if (typeof v === 'string') {
    // jsonpb writes NaN and infinities as strings
    return v === 'NaN' ? NaN : Number(v);
  }
  return 0;
}

const EMPTY_STRING: AnyValue = { stringValue: '' };

/**
 * Attribute lists as the engine types them, or what is wrong with the list (the caller says where,
 * so no location is written unless something is wrong). The list JSON.parse made is returned as it
 * is when every entry already has that shape (nearly always): it is fresh and unshared, and copying
 * thousands of pairs would only make garbage. A value that is not an object becomes an empty string
 * value.
 */
function keyValuesOrFault(v: unknown): KeyValue[] | { fault: string } {
  if (v === undefined || v === null) {
    return [];
  }
  if (!Array.isArray(v)) {
    return { fault: ' is not a list' };
  }
  let asIs = true;
  for (let i = 0; i < v.length; i++) {
    const kv: unknown = v[i];
    if (!isRecord(kv) || typeof kv.key !== 'string') {
      return { fault: `[${i}]${isRecord(kv) ? '.key is not a string' : ' is not an object'}` };
    }
    asIs = asIs && isRecord(kv.value);
  }
  if (asIs) {
    return v as KeyValue[];
  }
  return (v as Array<Record<string, unknown>>).map((kv) => ({
    key: kv.key as string,
    value: (isRecord(kv.value) ? kv.value : EMPTY_STRING) as AnyValue,
  }));
}

function keyValues(ep: Endpoint, v: unknown, where: Where): KeyValue[] {
  const r = keyValuesOrFault(v);
  if (!Array.isArray(r)) {
    throw malformed(ep, `${path(where)}${r.fault}`);
  }
  return r;
}

const SPAN_ID = /^[0-9a-fA-F]{1,16}$/;

/** `traces[i].spanSets[j]`, or `traces[i].spanSet` (set < 0): written only for an error message. */
function setPath(trace: number, set: number): string {
  return `traces[${trace}].${set < 0 ? 'spanSet' : `spanSets[${set}]`}`;
}

/**
 * One spanset. Its location is passed as indices rather than as a function that writes it: a
 * search answer has thousands of spans, and a closure made for each cost more than checking it.
 */
function spanSet(ep: Endpoint, v: unknown, trace: number, set: number): SearchSpanSet {
  if (!isRecord(v)) {
    throw malformed(ep, `${setPath(trace, set)} is not an object`);
  }
  const raw = v.spans === undefined || v.spans === null ? [] : v.spans;
  if (!Array.isArray(raw)) {
    throw malformed(ep, `${setPath(trace, set)}.spans is not a list`);
  }
  const spans = new Array<SearchSpanSet['spans'][number]>(raw.length);
  for (let i = 0; i < raw.length; i++) {
    const sr: unknown = raw[i];
    if (!isRecord(sr)) {
      throw malformed(ep, `${setPath(trace, set)}.spans[${i}] is not an object`);
    }
    const spanId = str(sr.spanID);
    // Ids end up in links and request paths: anything but hex is refused here, where it arrives.
    if (spanId !== '' && !SPAN_ID.test(spanId)) {
      throw malformed(
        ep,
        `${setPath(trace, set)}.spans[${i}].spanID is not a hex span id: ${JSON.stringify(spanId.slice(0, 40))}`
      );
    }
    const attributes = keyValuesOrFault(sr.attributes);
    if (!Array.isArray(attributes)) {
      throw malformed(ep, `${setPath(trace, set)}.spans[${i}].attributes${attributes.fault}`);
    }
    spans[i] = {
      spanID: spanId.length === 16 ? spanId.toLowerCase() : spanId.toLowerCase().padStart(16, '0'),
      name: str(sr.name),
      startTimeUnixNano: str(sr.startTimeUnixNano, '0'),
      durationNanos: str(sr.durationNanos, '0'),
      attributes,
    };
  }
  const attributes = keyValuesOrFault(v.attributes);
  if (!Array.isArray(attributes)) {
    throw malformed(ep, `${setPath(trace, set)}.attributes${attributes.fault}`);
  }
  return { spans, matched: num(v.matched), attributes };
}

const TRACE_ID = /^[0-9a-fA-F]{1,32}$/;
const NO_SPANS: SearchSpanSet = { spans: [], matched: 0, attributes: [] };

function traceMeta(ep: Endpoint, v: unknown, i: number): TraceSearchMetadata {
  const where = () => `traces[${i}]`;
  const r = rec(ep, v, where);
  if (typeof r.traceID !== 'string' || r.traceID === '') {
    throw malformed(ep, `${where()}.traceID is missing`);
  }
  if (!TRACE_ID.test(r.traceID)) {
    throw malformed(ep, `${where()}.traceID is not a hex trace id: ${JSON.stringify(r.traceID.slice(0, 40))}`);
  }
  const rawSets = list(ep, r, 'spanSets', () => `${where()}.`);
  const sets = new Array<SearchSpanSet>(rawSets.length);
  for (let j = 0; j < rawSets.length; j++) {
    sets[j] = spanSet(ep, rawSets[j], i, j);
  }
  // Tempo sends the deprecated spanSet as a copy of spanSets[0]: read it only when it is all there is.
  const single =
    sets.length === 0 && r.spanSet !== undefined && r.spanSet !== null ? spanSet(ep, r.spanSet, i, -1) : undefined;
  const spanSets = sets.length ? sets : single ? [single] : [];
  const id = r.traceID.toLowerCase();
  return {
    traceID: id.length === 32 ? id : id.padStart(32, '0'),
    rootServiceName: str(r.rootServiceName),
    rootTraceName: str(r.rootTraceName),
    startTimeUnixNano: str(r.startTimeUnixNano, '0'),
    durationMs: num(r.durationMs),
    spanSet: spanSets[0] ?? NO_SPANS,
    spanSets,
    serviceStats: serviceStats(r.serviceStats),
  };
}

/**
 * Tempo's span and error counts per service, zero where jsonpb left a count out. The object
 * JSON.parse made is kept, its entries normalised in place (it is fresh and unshared): copying it
 * added each service name to a new object one at a time, and V8 made a hidden class for each step,
 * about 3 MB of garbage for a 500-trace answer (a heap profile of the bench's path), more than the
 * rest of the answer's decoding together.
 */
function serviceStats(v: unknown): Record<string, ServiceStats> {
  if (!isRecord(v)) {
    return {};
  }
  for (const svc of Object.keys(v)) {
    const st = v[svc];
    if (isRecord(st) && typeof st.spanCount === 'number' && typeof st.errorCount === 'number') {
      continue;
    }
    const counts: ServiceStats = {
      spanCount: isRecord(st) ? num(st.spanCount) : 0,
      errorCount: isRecord(st) ? num(st.errorCount) : 0,
    };
    // An own property of the parsed object, so even `__proto__` is assigned, not the prototype.
    v[svc] = counts;
  }
  return v as Record<string, ServiceStats>;
}

export function parseSearchResponse(ep: Endpoint, json: unknown): SearchResponse {
  const r = rec(ep, json, () => 'the body');
  if (!('traces' in r) && !('metrics' in r)) {
    throw malformed(ep, 'expected {traces, metrics}');
  }
  const traces = list(ep, r, 'traces', () => '').map((t, i) => traceMeta(ep, t, i));
  return { traces, metrics: stats(r.metrics) };
}

/** Tempo's SearchMetrics (also sent with metrics answers), zero where jsonpb left a field out. */
function stats(v: unknown): MetricsStats {
  const m = isRecord(v) ? v : {};
  return {
    inspectedTraces: num(m.inspectedTraces),
    inspectedSpans: str(m.inspectedSpans, '0'),
    inspectedBytes: str(m.inspectedBytes, '0'),
    totalBlocks: num(m.totalBlocks),
    completedJobs: num(m.completedJobs),
    totalJobs: num(m.totalJobs),
  };
}

/** OTLP AnyValue back to an engine value, so a series key is written exactly as the engine writes it. */
function engineValue(v: AnyValue): Value {
  if ('stringValue' in v) {
    return { t: 'string', v: v.stringValue };
  }
  if ('intValue' in v) {
    return /^-?\d+$/.test(v.intValue) ? { t: 'int', v: BigInt(v.intValue) } : { t: 'string', v: v.intValue };
  }
  if ('doubleValue' in v) {
    return { t: 'float', v: v.doubleValue };
  }
  if ('boolValue' in v) {
    return { t: 'bool', v: v.boolValue };
  }
  if ('arrayValue' in v) {
    return { t: 'array', v: v.arrayValue.values.map(engineValue) };
  }
  return { t: 'string', v: 'bytesValue' in v ? v.bytesValue : JSON.stringify(v.kvlistValue) };
}

/**
 * The engine keys a series by its Prometheus-style label text; Tempo no longer sends it (the
 * field was removed), so it is computed from the labels the same way.
 */
function seriesKey(labels: readonly KeyValue[]): string {
  return promLabels(labels.map((l) => ({ name: l.key, value: engineValue(l.value) })));
}

export function parseQueryRange(ep: Endpoint, json: unknown): QueryRangeResponse {
  const r = rec(ep, json, 'the body');
  const series: MetricsSeries[] = list(ep, r, 'series', '').map((s, i) => {
    const where = `series[${i}]`;
    const sr = rec(ep, s, where);
    const labels = keyValues(ep, sr.labels, `${where}.labels`);
    return {
      labels,
      promLabels: seriesKey(labels),
      samples: list(ep, sr, 'samples', `${where}.`).map((p, j) => {
        const pr = rec(ep, p, `${where}.samples[${j}]`);
        return { timestampMs: str(pr.timestampMs, '0'), value: num(pr.value) };
      }),
      exemplars: list(ep, sr, 'exemplars', `${where}.`).map((x, j) => {
        const xr = rec(ep, x, `${where}.exemplars[${j}]`);
        return {
          labels: keyValues(ep, xr.labels, `${where}.exemplars[${j}].labels`),
          value: num(xr.value),
          timestampMs: str(xr.timestampMs, '0'),
        };
      }),
    };
  });
  return withStatus(r, { series, metrics: stats(r.metrics) });
}

export function parseQueryInstant(ep: Endpoint, json: unknown): QueryInstantResponse {
  const r = rec(ep, json, 'the body');
  const series: InstantSeries[] = list(ep, r, 'series', '').map((s, i) => {
    const sr = rec(ep, s, `series[${i}]`);
    const labels = keyValues(ep, sr.labels, `series[${i}].labels`);
    return { labels, promLabels: seriesKey(labels), value: num(sr.value) };
  });
  return withStatus(r, { series, metrics: stats(r.metrics) });
}

function withStatus<T extends object>(r: Rec, base: T): T & { status?: string; message?: string } {
  return {
    ...base,
    ...(typeof r.status === 'string' ? { status: r.status } : {}),
    ...(typeof r.message === 'string' ? { message: r.message } : {}),
  };
}

export function parseTagsV2(ep: Endpoint, json: unknown): TagScope[] {
  const r = rec(ep, json, 'the body');
  return list(ep, r, 'scopes', '').map((s, i) => {
    const sr = rec(ep, s, `scopes[${i}]`);
    const tags = list(ep, sr, 'tags', `scopes[${i}].`);
    if (typeof sr.name !== 'string' || !tags.every((t): t is string => typeof t === 'string')) {
      throw malformed(ep, `scopes[${i}] needs a name and a list of tag names`);
    }
    return { name: sr.name, tags };
  });
}

export function parseTagsV1(ep: Endpoint, json: unknown): TagScope[] {
  const r = rec(ep, json, 'the body');
  const tags = list(ep, r, 'tagNames', '');
  if (!tags.every((t): t is string => typeof t === 'string')) {
    throw malformed(ep, 'tagNames is not a list of strings');
  }
  return [{ name: 'unscoped', tags }];
}

export function parseTagValues(ep: Endpoint, json: unknown): TagValue[] {
  const r = rec(ep, json, 'the body');
  return list(ep, r, 'tagValues', '').map((v, i) => {
    if (typeof v === 'string') {
      return { type: 'string', value: v };
    }
    const vr = rec(ep, v, `tagValues[${i}]`);
    return { type: str(vr.type, 'string'), value: str(vr.value) };
  });
}
