/**
 * Ground-truth input from the real Zipkin: every trace it holds, read from its v2 HTTP API with plain
 * code written for these tests (not TraceLens's decoder), into the same RawTrace shape the Jaeger
 * ground truth uses. The reading follows OpenTelemetry's Zipkin mapping as the issue states it:
 * absent kind is internal; otel.status_code / error tags give the status (error's value the message);
 * annotations are events; the remote endpoint's service is peer.service; tag text that is a plain
 * integer, decimal or true/false is that value; the only resource attribute is service.name.
 */
import type { RawSpan, RawTrace, RawValue } from './rawTraces';

interface WireSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: string;
  timestamp?: number;
  duration?: number;
  localEndpoint?: { serviceName?: string };
  remoteEndpoint?: { serviceName?: string };
  annotations?: Array<{ value: string }>;
  tags?: Record<string, string>;
}

const KINDS: Record<string, number> = { SERVER: 2, CLIENT: 3, PRODUCER: 4, CONSUMER: 5 };
const STATUS_KEYS = ['otel.status_code', 'error', 'otel.status_description', 'otel.scope.name', 'otel.scope.version'];

function typed(text: string): RawValue {
  if (text === 'true' || text === 'false') {
    return text === 'true';
  }
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text) && text !== '-0') {
    return Number(text);
  }
  return text;
}

function toRaw(s: WireSpan): RawSpan {
  const tags = s.tags ?? {};
  const attrs: Record<string, RawValue> = {};
  for (const [k, v] of Object.entries(tags)) {
    if (!STATUS_KEYS.includes(k)) {
      attrs[k] = typed(v);
    }
  }
  if (s.remoteEndpoint?.serviceName && !('peer.service' in attrs)) {
    attrs['peer.service'] = s.remoteEndpoint.serviceName;
  }
  const code = tags['otel.status_code'];
  const error = code === 'ERROR' || (code !== 'OK' && 'error' in tags);
  const service = s.localEndpoint?.serviceName ?? '';
  return {
    traceId: s.traceId.padStart(32, '0'),
    spanId: s.id,
    parentSpanId: s.parentId ?? '',
    service,
    name: s.name ?? '',
    kind: s.kind ? KINDS[s.kind] : 1,
    statusCode: error ? 2 : code === 'OK' ? 1 : 0,
    statusMessage: error ? (tags.error ?? tags['otel.status_description'] ?? '') : '',
    startNs: BigInt(s.timestamp ?? 0) * 1000n,
    durationNs: (s.duration ?? 0) * 1000,
    attrs,
    resource: service ? { 'service.name': service } : {},
    events: (s.annotations ?? []).map((a) => ({ name: a.value, attrs: {} })),
  };
}

async function getText(url: string): Promise<{ status: number; body: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  return { status: res.status, body: await res.text() };
}

/** Every trace whose root started in the window, each then fetched by id (the body the decoder gets). */
export async function fetchAllZipkinTraces(
  url: string,
  sinceMs: number,
  untilMs: number
): Promise<Map<string, RawTrace>> {
  const params = new URLSearchParams({ endTs: String(untilMs), lookback: String(untilMs - sinceMs), limit: '100000' });
  const search = await getText(`${url}/api/v2/traces?${params}`);
  if (search.status !== 200) {
    throw new Error(`Zipkin search answered ${search.status}: ${search.body.slice(0, 200)}`);
  }
  const out = new Map<string, RawTrace>();
  for (const trace of JSON.parse(search.body) as WireSpan[][]) {
    const id = trace[0].traceId;
    const one = await getText(`${url}/api/v2/trace/${id}`);
    if (one.status !== 200) {
      throw new Error(`Zipkin trace ${id} answered ${one.status}`);
    }
    const spans = (JSON.parse(one.body) as WireSpan[]).map(toRaw);
    out.set(id.padStart(32, '0'), {
      traceId: id.padStart(32, '0'),
      spans,
      body: one.body,
      bytes: Buffer.byteLength(one.body),
    });
  }
  return out;
}
