import { hexToBase64 } from '../ids';
import type { InstrumentationScope, Resource, Span, SpanKind, StatusCode, Trace } from '../types';
import { encodeKeyValues, type OtlpKeyValue } from './anyValue';

/** How an OTLP JSON flavour writes ids and enums: Tempo (base64, names) or Jaeger api_v3 (hex, numbers). */
export interface OtlpFlavour {
  readonly ids: 'hex' | 'base64';
  readonly enums: 'name' | 'number';
}

export const TEMPO_FLAVOUR: OtlpFlavour = { ids: 'base64', enums: 'name' };
export const JAEGER_V3_FLAVOUR: OtlpFlavour = { ids: 'hex', enums: 'number' };

const KIND_NUMBER: Record<SpanKind, number> = {
  unspecified: 0,
  internal: 1,
  server: 2,
  client: 3,
  producer: 4,
  consumer: 5,
};
const STATUS_NUMBER: Record<StatusCode, number> = { unset: 0, ok: 1, error: 2 };

export interface OtlpResourceSpans {
  resource: { attributes: OtlpKeyValue[] };
  scopeSpans: Array<{
    scope: { name?: string; version?: string; attributes?: OtlpKeyValue[] };
    spans: Array<Record<string, unknown>>;
  }>;
}

/**
 * Spans go back into resource and scope blocks by object identity (decoders share one Resource and
 * one scope per block), in first-seen order within each trace. Zero values are left out, as jsonpb does.
 */
export function encodeResourceSpans(traces: readonly Trace[], flavour: OtlpFlavour): OtlpResourceSpans[] {
  const blocks: OtlpResourceSpans[] = [];
  for (const trace of traces) {
    // Blocks are per trace, as Jaeger and Tempo return them, so trace order survives the trip.
    const byResource = new Map<
      Resource,
      { block: OtlpResourceSpans; scopes: Map<InstrumentationScope, Array<Record<string, unknown>>> }
    >();
    for (const span of trace.spans) {
      let entry = byResource.get(span.resource);
      if (entry === undefined) {
        const block: OtlpResourceSpans = {
          resource: { attributes: encodeKeyValues(span.resource.attributes) },
          scopeSpans: [],
        };
        entry = { block, scopes: new Map() };
        byResource.set(span.resource, entry);
        blocks.push(block);
      }
      let spans = entry.scopes.get(span.scope);
      if (spans === undefined) {
        spans = [];
        entry.scopes.set(span.scope, spans);
        entry.block.scopeSpans.push({ scope: encodeScope(span.scope), spans });
      }
      spans.push(encodeSpan(span, flavour));
    }
  }
  return blocks;
}

function encodeScope(scope: InstrumentationScope): { name?: string; version?: string; attributes?: OtlpKeyValue[] } {
  const out: { name?: string; version?: string; attributes?: OtlpKeyValue[] } = {};
  if (scope.name) {
    out.name = scope.name;
  }
  if (scope.version) {
    out.version = scope.version;
  }
  const attributes = encodeKeyValues(scope.attributes);
  if (attributes.length > 0) {
    out.attributes = attributes;
  }
  return out;
}

function id(hex: string, flavour: OtlpFlavour): string {
  return flavour.ids === 'hex' ? hex : (hexToBase64(hex) ?? hex);
}

function encodeSpan(span: Span, flavour: OtlpFlavour): Record<string, unknown> {
  const out: Record<string, unknown> = {
    traceId: id(span.traceId, flavour),
    spanId: id(span.spanId, flavour),
  };
  if (span.traceState) {
    out.traceState = span.traceState;
  }
  if (span.parentSpanId) {
    out.parentSpanId = id(span.parentSpanId, flavour);
  }
  out.name = span.name;
  out.kind = flavour.enums === 'number' ? KIND_NUMBER[span.kind] : `SPAN_KIND_${span.kind.toUpperCase()}`;
  out.startTimeUnixNano = span.startTimeUnixNano.toString();
  out.endTimeUnixNano = (span.startTimeUnixNano + BigInt(span.durationNanos)).toString();
  const attributes = encodeKeyValues(span.attributes);
  if (attributes.length > 0) {
    out.attributes = attributes;
  }
  if (span.events.length > 0) {
    out.events = span.events.map((e) => {
      const event: Record<string, unknown> = { timeUnixNano: e.timeUnixNano.toString(), name: e.name };
      const attrs = encodeKeyValues(e.attributes);
      if (attrs.length > 0) {
        event.attributes = attrs;
      }
      return event;
    });
  }
  if (span.links.length > 0) {
    out.links = span.links.map((l) => {
      const link: Record<string, unknown> = { traceId: id(l.traceId, flavour), spanId: id(l.spanId, flavour) };
      const attrs = encodeKeyValues(l.attributes);
      if (attrs.length > 0) {
        link.attributes = attrs;
      }
      return link;
    });
  }
  const status: Record<string, unknown> = {};
  if (span.statusCode !== 'unset') {
    status.code =
      flavour.enums === 'number' ? STATUS_NUMBER[span.statusCode] : `STATUS_CODE_${span.statusCode.toUpperCase()}`;
  }
  if (span.statusMessage) {
    status.message = span.statusMessage;
  }
  out.status = status;
  return out;
}
