/**
 * Ground-truth input: every trace Jaeger holds, fetched one by one from its api_v3 HTTP API and read
 * with plain code written for these tests, deliberately not with TraceLens's decoders, so a decoding bug
 * cannot hide by agreeing with itself.
 */
export type RawValue = string | number | boolean | RawValue[];

export interface RawEvent {
  name: string;
  attrs: Record<string, RawValue>;
}

export interface RawSpan {
  traceId: string;
  spanId: string;
  /** '' for a root span. */
  parentSpanId: string;
  service: string;
  name: string;
  /** OTLP enum: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  /** OTLP enum: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  statusMessage: string;
  startNs: bigint;
  durationNs: number;
  attrs: Record<string, RawValue>;
  resource: Record<string, RawValue>;
  events: RawEvent[];
}

export interface RawTrace {
  traceId: string;
  spans: RawSpan[];
  /** The by-ID answer as Jaeger sent it (the engine comparison decodes it with TraceLens's decoder). */
  body: string;
  bytes: number;
}

interface OtlpAnyValue {
  stringValue?: string;
  intValue?: string | number;
  doubleValue?: number;
  boolValue?: boolean;
  arrayValue?: { values?: OtlpAnyValue[] };
}
interface OtlpKv {
  key: string;
  value: OtlpAnyValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: OtlpKv[];
  events?: Array<{ name: string; attributes?: OtlpKv[] }>;
  status?: { code?: number; message?: string };
}
interface OtlpBody {
  result?: {
    resourceSpans?: Array<{ resource?: { attributes?: OtlpKv[] }; scopeSpans?: Array<{ spans?: OtlpSpan[] }> }>;
  };
}

function value(v: OtlpAnyValue): RawValue {
  if (v.stringValue !== undefined) {
    return v.stringValue;
  }
  if (v.intValue !== undefined) {
    return Number(v.intValue);
  }
  if (v.doubleValue !== undefined) {
    return v.doubleValue;
  }
  if (v.boolValue !== undefined) {
    return v.boolValue;
  }
  if (v.arrayValue) {
    return (v.arrayValue.values ?? []).map(value);
  }
  return '';
}

function attrs(kvs: OtlpKv[] | undefined): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  for (const kv of kvs ?? []) {
    out[kv.key] = value(kv.value);
  }
  return out;
}

export function parseOtlpTraces(body: string): RawSpan[] {
  const spans: RawSpan[] = [];
  for (const rs of (JSON.parse(body) as OtlpBody).result?.resourceSpans ?? []) {
    const resource = attrs(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        const start = BigInt(s.startTimeUnixNano);
        spans.push({
          traceId: s.traceId,
          spanId: s.spanId,
          parentSpanId: s.parentSpanId ?? '',
          service: String(resource['service.name'] ?? ''),
          name: s.name,
          kind: s.kind ?? 0,
          statusCode: s.status?.code ?? 0,
          statusMessage: s.status?.message ?? '',
          startNs: start,
          durationNs: Number(BigInt(s.endTimeUnixNano) - start),
          attrs: attrs(s.attributes),
          resource,
          events: (s.events ?? []).map((e) => ({ name: e.name, attrs: attrs(e.attributes) })),
        });
      }
    }
  }
  return spans;
}

async function getText(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  return { status: res.status, body: await res.text() };
}

/** Trace IDs Jaeger holds for a service in the window (an empty answer is a 404 in api_v3). */
export async function searchTraceIds(
  queryUrl: string,
  service: string,
  sinceMs: number,
  untilMs: number
): Promise<string[]> {
  const params = new URLSearchParams({
    'query.service_name': service,
    'query.start_time_min': new Date(sinceMs).toISOString(),
    'query.start_time_max': new Date(untilMs).toISOString(),
    'query.num_traces': '10000',
  });
  const { status, body } = await getText(`${queryUrl}/api/v3/traces?${params}`);
  if (status === 404) {
    return [];
  }
  if (status !== 200) {
    throw new Error(`Jaeger search for ${service} answered ${status}: ${body.slice(0, 200)}`);
  }
  return [...new Set(parseOtlpTraces(body).map((s) => s.traceId))];
}

export async function fetchTrace(queryUrl: string, traceId: string): Promise<RawTrace> {
  const { status, body } = await getText(`${queryUrl}/api/v3/traces/${traceId}`);
  if (status !== 200) {
    throw new Error(`Jaeger trace ${traceId} answered ${status}: ${body.slice(0, 200)}`);
  }
  return { traceId, spans: parseOtlpTraces(body), body, bytes: Buffer.byteLength(body) };
}

/** Every trace of every service Jaeger lists, each fetched by ID. */
export async function fetchAllTraces(
  queryUrl: string,
  sinceMs: number,
  untilMs: number
): Promise<Map<string, RawTrace>> {
  const services = await servicesOf(queryUrl);
  const ids = new Set<string>();
  for (const s of services) {
    for (const id of await searchTraceIds(queryUrl, s, sinceMs, untilMs)) {
      ids.add(id);
    }
  }
  const traces = new Map<string, RawTrace>();
  for (const id of ids) {
    traces.set(id, await fetchTrace(queryUrl, id));
  }
  return traces;
}

export async function servicesOf(queryUrl: string): Promise<string[]> {
  const { status, body } = await getText(`${queryUrl}/api/v3/services`);
  if (status !== 200) {
    throw new Error(`Jaeger /api/v3/services answered ${status}: ${body.slice(0, 200)}`);
  }
  return (JSON.parse(body) as { services?: string[] }).services ?? [];
}
