import type { AttributeValue, Span, Trace } from '../../model/types';
import { WholeDouble } from '../../model/wholeDouble';

/** A scalar attribute value usable in a comparison and in TraceQL. */
export type SampleValue = string | number | boolean;

/**
 * One duration to plot, with what the comparison needs. Attribute keys are TraceQL references:
 * `span.http.route`, `resource.service.name`, and the intrinsics `name`, `status`, `kind`.
 */
export interface LatencySample {
  readonly startMs: number;
  readonly durationNs: number;
  readonly traceId: string;
  readonly spanId: string;
  readonly attributes: Readonly<Record<string, SampleValue>>;
}

function scalar(v: AttributeValue): SampleValue | undefined {
  if (typeof v === 'string' || typeof v === 'boolean') {
    return v;
  }
  if (typeof v === 'number') {
    return Number.isFinite(v) ? v : undefined;
  }
  if (v instanceof WholeDouble) {
    return v.value;
  }
  if (typeof v === 'bigint') {
    // Beyond 2^53 a value cannot be compared exactly as a number; as a string it still groups.
    return v.toString();
  }
  return undefined;
}

function addScoped(
  out: Record<string, SampleValue>,
  prefix: string,
  attrs: Readonly<Record<string, AttributeValue>>
): void {
  for (const key of Object.keys(attrs)) {
    const v = scalar(attrs[key]);
    if (v !== undefined) {
      out[`${prefix}.${key}`] = v;
    }
  }
}

function nsToMs(ns: bigint): number {
  // Split so the millisecond value keeps sub-millisecond precision without losing the epoch part.
  const ms = ns / 1_000_000n;
  return Number(ms) + Number(ns - ms * 1_000_000n) / 1e6;
}

export function sampleFromSpan(span: Span): LatencySample {
  const attributes: Record<string, SampleValue> = {
    name: span.name,
    status: span.statusCode,
    kind: span.kind,
  };
  addScoped(attributes, 'resource', span.resource.attributes);
  attributes['resource.service.name'] = span.resource.serviceName;
  addScoped(attributes, 'span', span.attributes);
  return {
    startMs: nsToMs(span.startTimeUnixNano),
    durationNs: span.durationNanos,
    traceId: span.traceId,
    spanId: span.spanId,
    attributes,
  };
}

/**
 * One sample per trace: its root span's attributes, with the trace's duration (first start to last
 * end), which is what "trace latency" means in Tempo's `trace:duration`.
 */
export function sampleFromTrace(trace: Trace): LatencySample | undefined {
  if (trace.spans.length === 0) {
    return undefined;
  }
  let start = trace.spans[0].startTimeUnixNano;
  let end = start;
  let root: Span = trace.spans[0];
  for (const s of trace.spans) {
    const spanEnd = s.startTimeUnixNano + BigInt(Math.round(s.durationNanos));
    if (s.startTimeUnixNano < start) {
      start = s.startTimeUnixNano;
    }
    if (spanEnd > end) {
      end = spanEnd;
    }
    if (s.parentSpanId === '' && root.parentSpanId !== '') {
      root = s;
    }
  }
  const base = sampleFromSpan(root);
  return { ...base, startMs: nsToMs(start), durationNs: Number(end - start) };
}
