/**
 * Builds model traces from a nested description, so tests (ours and other engineers') can state a
 * trace's shape in a few lines and know the answer by reading it. Ids are deterministic: the same
 * spec always yields the same trace, which keeps expected outputs stable.
 */
import type {
  AttributeMap,
  InstrumentationScope,
  Resource,
  Span,
  SpanEvent,
  SpanKind,
  SpanLink,
  StatusCode,
  Trace,
} from '../../model/types';

export interface EventSpec {
  readonly name: string;
  /** Offset from the span's start, in nanoseconds. */
  readonly offsetNanos?: number;
  readonly attributes?: AttributeMap;
}

export interface LinkSpec {
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes?: AttributeMap;
}

export interface SpanSpec {
  /** Defaults to the parent's service, or 'svc' at the root. */
  readonly service?: string;
  readonly name?: string;
  readonly kind?: SpanKind;
  readonly status?: StatusCode;
  readonly statusMessage?: string;
  /** Offset of the span's start from the trace start, in nanoseconds (default: parent's start). */
  readonly startOffsetNanos?: number;
  /** Nanoseconds (default 1ms). */
  readonly durationNanos?: number;
  readonly attributes?: AttributeMap;
  /** Extra resource attributes; `service.name` is always set from `service`. */
  readonly resourceAttributes?: AttributeMap;
  readonly scope?: { readonly name: string; readonly version?: string; readonly attributes?: AttributeMap };
  readonly events?: readonly EventSpec[];
  readonly links?: readonly LinkSpec[];
  readonly traceState?: string;
  /** Force a span id (16 hex digits); otherwise derived from the trace number and position. */
  readonly spanId?: string;
  readonly children?: readonly SpanSpec[];
}

export interface TraceSpec {
  /** 32 hex digits; default derived from `seq`. */
  readonly traceId?: string;
  /** Distinguishes ids of traces built from the same spec (default 1). */
  readonly seq?: number;
  /** Absolute start of the root span, in ns since the epoch (default 2024-01-01T00:00:00Z). */
  readonly startUnixNano?: bigint;
  /** One root, or several (a trace with missing parents has several roots). */
  readonly root: SpanSpec | readonly SpanSpec[];
}

export const DEFAULT_TRACE_START = 1_704_067_200_000_000_000n;

function hex(n: number | bigint, width: number): string {
  return n.toString(16).padStart(width, '0').slice(-width);
}

export function buildTrace(spec: TraceSpec): Trace {
  const seq = spec.seq ?? 1;
  const traceId = spec.traceId ?? hex(BigInt(seq) * 0x1000003n + 0xabcdefn, 32);
  const start = spec.startUnixNano ?? DEFAULT_TRACE_START;
  const spans: Span[] = [];
  const resources = new Map<string, Resource>();
  const scopes = new Map<string, InstrumentationScope>();

  const resourceFor = (service: string, extra: AttributeMap | undefined): Resource => {
    const key = service + '\u0000' + JSON.stringify(extra ?? {}, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
    let r = resources.get(key);
    if (r === undefined) {
      r = { serviceName: service, attributes: { ...(extra ?? {}), 'service.name': service } };
      resources.set(key, r);
    }
    return r;
  };
  const scopeFor = (s: SpanSpec['scope']): InstrumentationScope => {
    const name = s?.name ?? '';
    const version = s?.version ?? '';
    const key = name + '\u0000' + version + '\u0000' + JSON.stringify(s?.attributes ?? {});
    let sc = scopes.get(key);
    if (sc === undefined) {
      sc = { name, version, attributes: s?.attributes ?? {} };
      scopes.set(key, sc);
    }
    return sc;
  };

  // An explicit stack rather than recursion: tests build chains tens of thousands of spans deep.
  const pending: Array<{ s: SpanSpec; parentId: string; parentService: string; parentStart: bigint }> = [];
  const visit = (s: SpanSpec, parentId: string, parentService: string, parentStart: bigint): void => {
    const service = s.service ?? parentService;
    const spanStart = s.startOffsetNanos !== undefined ? start + BigInt(s.startOffsetNanos) : parentStart;
    const spanId = s.spanId ?? hex(BigInt(seq) * 0x100000n + BigInt(spans.length + 1), 16);
    const events: SpanEvent[] = (s.events ?? []).map((e) => ({
      name: e.name,
      timeUnixNano: spanStart + BigInt(e.offsetNanos ?? 0),
      attributes: e.attributes ?? {},
    }));
    const links: SpanLink[] = (s.links ?? []).map((l) => ({
      traceId: l.traceId,
      spanId: l.spanId,
      attributes: l.attributes ?? {},
    }));
    spans.push({
      traceId,
      spanId,
      parentSpanId: parentId,
      name: s.name ?? 'op',
      kind: s.kind ?? 'internal',
      statusCode: s.status ?? 'unset',
      statusMessage: s.statusMessage ?? '',
      startTimeUnixNano: spanStart,
      durationNanos: s.durationNanos ?? 1_000_000,
      attributes: s.attributes ?? {},
      resource: resourceFor(service, s.resourceAttributes),
      scope: scopeFor(s.scope),
      events,
      links,
      traceState: s.traceState ?? '',
    });
    const children = s.children ?? [];
    for (let c = children.length - 1; c >= 0; c--) {
      pending.push({ s: children[c], parentId: spanId, parentService: service, parentStart: spanStart });
    }
  };

  const roots: readonly SpanSpec[] = Array.isArray(spec.root) ? spec.root : [spec.root as SpanSpec];
  roots.forEach((r, i) => {
    pending.push({
      s: r,
      parentId: i === 0 ? '' : hex(0xdeadn + BigInt(i), 16),
      parentService: 'svc',
      parentStart: start,
    });
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      visit(next.s, next.parentId, next.parentService, next.parentStart);
    }
  });
  return { traceId, spans, warnings: [] };
}

/** The span named `name` (first in build order); throws in tests when absent, which is a test bug. */
export function spanNamed(trace: Trace, name: string): Span {
  const s = trace.spans.find((x) => x.name === name);
  if (s === undefined) {
    throw new Error(`no span named ${name}`);
  }
  return s;
}
