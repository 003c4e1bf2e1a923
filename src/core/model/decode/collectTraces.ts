import { checkTable } from '../table/checkTable';
import { addSpanObject } from '../table/fromSpans';
import { SpanTableBuilder } from '../table/tableBuilder';
import { traceFromTable } from '../table/tableTraces';
import type { SplitTime } from '../table/unixTime';
import type { Span, Trace } from '../types';

/** Past this many, warnings for one trace are summarised so a broken trace cannot flood the UI. */
const MAX_WARNINGS_PER_TRACE = 20;

interface PendingTrace {
  readonly builder: SpanTableBuilder;
  readonly notes: string[];
  /** Jaeger repeats a span's warning once per adjuster pass; one copy is enough. */
  readonly noted: Set<string>;
  partial: boolean;
}

/**
 * Groups decoded spans into traces by trace id (a response may interleave traces, and one
 * resourceSpans block may hold spans of several), keeping first-seen order, and adds decode
 * warnings. Warnings are collected, never thrown: a trace with a lost parent is still worth showing.
 * Decoders add rows to a trace's table builder (`rows`); decoders that build Span objects `add` them.
 */
export class TraceCollector {
  private readonly traces = new Map<string, PendingTrace>();
  private readonly order: PendingTrace[] = [];
  private last: PendingTrace | null = null;
  private readonly scratch: SplitTime = { seconds: 0, nanos: 0 };
  private expected = 0;

  /**
   * The number of spans the next new trace will have, when the decoder can count them before
   * decoding (a trace by id): that trace's columns are then allocated once at their full size.
   */
  expectSpans(count: number): void {
    this.expected = count;
  }

  /** The table builder for a trace id; consecutive spans nearly always share one, so it is cached. */
  rows(traceId: string): SpanTableBuilder {
    const last = this.last;
    if (last !== null && last.builder.traceId === traceId) {
      return last.builder;
    }
    return this.pending(traceId).builder;
  }

  add(span: Span): void {
    addSpanObject(this.rows(span.traceId), span, this.scratch);
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
      this.note(t.builder.traceId, reason);
    }
  }

  finish(): Trace[] {
    const out: Trace[] = [];
    for (const t of this.order) {
      const table = t.builder.finish();
      const warnings = t.notes.concat(checkTable(table));
      const capped =
        warnings.length > MAX_WARNINGS_PER_TRACE
          ? warnings
              .slice(0, MAX_WARNINGS_PER_TRACE)
              .concat(`${warnings.length - MAX_WARNINGS_PER_TRACE} more warnings not shown`)
          : warnings;
      out.push(traceFromTable(table, capped, t.partial));
    }
    return out;
  }

  private pending(traceId: string): PendingTrace {
    let t = this.traces.get(traceId);
    if (t === undefined) {
      t = { builder: new SpanTableBuilder(traceId, this.expected), notes: [], noted: new Set(), partial: false };
      this.expected = 0;
      this.traces.set(traceId, t);
      this.order.push(t);
    }
    this.last = t;
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
 * The decoders' canonical order (start time, then span id) for traces built as Span objects (test
 * and generated traces), so they compare equal to what a decoder returns for them.
 */
export function sortSpans(spans: Span[]): void {
  for (let i = 1; i < spans.length; i++) {
    if (compareSpans(spans[i - 1], spans[i]) > 0) {
      spans.sort(compareSpans);
      return;
    }
  }
}
