import { attributeMapFrom, EMPTY_ATTRIBUTES } from '../attributes';
import { sortSpans } from '../decode/collectTraces';
import type { AttributeValue, InstrumentationScope, Resource, Span, SpanKind, StatusCode, Trace } from '../types';

/** A span described relative to its trace's start, in microseconds, for hand-made test traces. */
export interface SpanSpec {
  readonly id: string;
  readonly parent?: string;
  readonly service: string;
  readonly name: string;
  readonly kind: SpanKind;
  readonly atUs: number;
  readonly durUs: number;
  readonly status?: StatusCode;
  readonly message?: string;
  readonly attrs?: Record<string, AttributeValue>;
  readonly events?: ReadonlyArray<{ name: string; atUs: number; attrs?: Record<string, AttributeValue> }>;
  readonly links?: ReadonlyArray<{ traceId: string; spanId: string; attrs?: Record<string, AttributeValue> }>;
  readonly traceState?: string;
  /** Sub-microsecond offset, for formats that keep nanoseconds. */
  readonly extraNs?: number;
}

export interface TraceSpec {
  readonly traceId: string;
  readonly startNs: bigint;
  readonly spans: readonly SpanSpec[];
}

/** Resources and scopes are shared between spans of one service, as decoders share them per block. */
export class ResourceTable {
  private readonly resources = new Map<string, Resource>();

  constructor(private readonly extra: Readonly<Record<string, Record<string, AttributeValue>>> = {}) {}

  get(service: string): Resource {
    let r = this.resources.get(service);
    if (r === undefined) {
      r = {
        serviceName: service,
        attributes: attributeMapFrom({ 'service.name': service, ...(this.extra[service] ?? {}) }),
      };
      this.resources.set(service, r);
    }
    return r;
  }
}

export function buildTrace(spec: TraceSpec, resources: ResourceTable, scope: InstrumentationScope): Trace {
  const spans: Span[] = spec.spans.map((s) => {
    const start = spec.startNs + BigInt(s.atUs) * 1000n + BigInt(s.extraNs ?? 0);
    return {
      traceId: spec.traceId,
      spanId: s.id,
      parentSpanId: s.parent ?? '',
      name: s.name,
      kind: s.kind,
      statusCode: s.status ?? 'unset',
      statusMessage: s.message ?? '',
      startTimeUnixNano: start,
      durationNanos: s.durUs * 1000,
      attributes: s.attrs ? attributeMapFrom(s.attrs) : EMPTY_ATTRIBUTES,
      resource: resources.get(s.service),
      scope,
      events: (s.events ?? []).map((e) => ({
        name: e.name,
        timeUnixNano: spec.startNs + BigInt(e.atUs) * 1000n,
        attributes: e.attrs ? attributeMapFrom(e.attrs) : EMPTY_ATTRIBUTES,
      })),
      links: (s.links ?? []).map((l) => ({
        traceId: l.traceId,
        spanId: l.spanId,
        attributes: l.attrs ? attributeMapFrom(l.attrs) : EMPTY_ATTRIBUTES,
      })),
      traceState: s.traceState ?? '',
    };
  });
  sortSpans(spans);
  return { traceId: spec.traceId, spans, warnings: [] };
}
