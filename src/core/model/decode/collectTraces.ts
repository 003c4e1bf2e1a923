import type { Span, Trace } from '../types';

/** Past this many, warnings for one trace are summarised so a broken trace cannot flood the UI. */
const MAX_WARNINGS_PER_TRACE = 20;

interface PendingTrace {
  readonly traceId: string;
  readonly spans: Span[];
  readonly notes: string[];
  /** Jaeger repeats a span's warning once per adjuster pass; one copy is enough. */
  readonly noted: Set<string>;
  partial: boolean;
}

/**
 * Groups decoded spans into traces by trace id (a response may interleave traces, and one
 * resourceSpans block may hold spans of several), keeping first-seen order, and adds decode
 * warnings. Warnings are collected, never thrown: a trace with a lost parent is still worth showing.
 */
export class TraceCollector {
  private readonly traces = new Map<string, PendingTrace>();
  private readonly order: PendingTrace[] = [];

  add(span: Span): void {
    this.pending(span.traceId).spans.push(span);
  }

  /** A warning the wire format itself carried (Jaeger v1 `warnings`). */
  note(traceId: string, message: string): void {
    const t = this.pending(traceId);
    if (!t.noted.has(message)) {
      t.noted.add(message);
      t.notes.push(message);
    }
  }

  /** Marks every trace collected so far as possibly incomplete, with the backend's reason. */
  markPartial(reason: string): void {
    for (const t of this.order) {
      t.partial = true;
      this.note(t.traceId, reason);
    }
  }

  finish(): Trace[] {
    const out: Trace[] = [];
    for (const t of this.order) {
      sortSpans(t.spans);
      const warnings = t.notes.concat(checkSpans(t.spans));
      const capped =
        warnings.length > MAX_WARNINGS_PER_TRACE
          ? warnings
              .slice(0, MAX_WARNINGS_PER_TRACE)
              .concat(`${warnings.length - MAX_WARNINGS_PER_TRACE} more warnings not shown`)
          : warnings;
      out.push(
        t.partial
          ? { traceId: t.traceId, spans: t.spans, warnings: capped, partial: true }
          : { traceId: t.traceId, spans: t.spans, warnings: capped }
      );
    }
    return out;
  }

  private pending(traceId: string): PendingTrace {
    let t = this.traces.get(traceId);
    if (t === undefined) {
      t = { traceId, spans: [], notes: [], noted: new Set(), partial: false };
      this.traces.set(traceId, t);
      this.order.push(t);
    }
    return t;
  }
}

function compareSpans(a: Span, b: Span): number {
  if (a.startTimeUnixNano !== b.startTimeUnixNano) {
    return a.startTimeUnixNano < b.startTimeUnixNano ? -1 : 1;
  }
  return a.spanId < b.spanId ? -1 : a.spanId > b.spanId ? 1 : 0;
}

/**
 * Backends order spans differently (OTLP groups them by resource, Jaeger by arrival), so every
 * decoder returns them in one canonical order, by start time then span id: the same trace then
 * gives the same model, and the same answers, whichever API it came from. Already-sorted input
 * (the common case) costs one pass.
 */
export function sortSpans(spans: Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    if (compareSpans(spans[i - 1], spans[i]) > 0) {
      spans.sort(compareSpans);
      return;
    }
  }
}

function label(span: Span): string {
  return `${span.spanId} (${span.resource.serviceName || 'unknown service'} ${JSON.stringify(span.name)})`;
}

/** Duplicate span ids, parents missing from the trace, and clock skew between hosts. */
export function checkSpans(spans: readonly Span[]): string[] {
  const warnings: string[] = [];
  const byId = new Map<string, Span>();
  for (const span of spans) {
    if (byId.has(span.spanId)) {
      warnings.push(`duplicate span id ${span.spanId}: only the first is used as a parent`);
      continue;
    }
    byId.set(span.spanId, span);
  }
  for (const span of spans) {
    if (span.parentSpanId === '') {
      continue;
    }
    const parent = byId.get(span.parentSpanId);
    if (parent === undefined) {
      warnings.push(`span ${label(span)} has parent ${span.parentSpanId}, which is not in the trace`);
      continue;
    }
    const skew = clockSkew(parent, span);
    if (skew !== null) {
      warnings.push(skew);
    }
  }
  return warnings;
}

/**
 * A span that starts before its parent, on a different service, shows the two hosts' clocks
 * disagree. Only the start is checked: a server span legitimately outlives the client span that
 * called it by the time it takes to flush the response (seen on real Jaeger data from one host),
 * so an end-time check would warn about healthy traces. Same-service children are skipped, since
 * within one process an async child may start whenever it likes.
 */
function clockSkew(parent: Span, child: Span): string | null {
  if (child.startTimeUnixNano >= parent.startTimeUnixNano) {
    return null;
  }
  if (parent.resource === child.resource || parent.resource.serviceName === child.resource.serviceName) {
    return null;
  }
  const early = parent.startTimeUnixNano - child.startTimeUnixNano;
  return `clock skew: span ${label(child)} starts ${formatMicros(early)} before its parent ${label(parent)}`;
}

function formatMicros(nanos: bigint): string {
  return `${Number(nanos) / 1000} µs`;
}
