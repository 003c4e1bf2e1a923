/**
 * One trace's spans as columns: what the decoders produce, and what the frame builders and the
 * engine's hot paths read without copying. Row i of every column is span i, in the model's
 * canonical order (start time, then span id). `Trace.spans` is built from a table only when a
 * caller asks for Span objects (see tableTraces.ts), so a trace that is only drawn never has them.
 *
 * Why columns: a span object per span, an attribute map per span and a BigInt per timestamp were
 * most of what decoding cost, and most of the garbage the collector then had to move. Here:
 *   - strings are the ones JSON.parse made (ids in canonical form, names, values), never copied;
 *   - attributes are lists of {key, value} pairs with typed values, deduplicated as a map would
 *     be (first position, last value); a list whose values are all strings, numbers or booleans is
 *     also exactly what Grafana's trace view shows, so frames reuse it as is;
 *   - instants are whole seconds plus nanoseconds (both exact in a double), not BigInt.
 */
import type { AttributeValue, InstrumentationScope, Resource, SpanLink } from '../types';

/** An attribute as the table keeps it. */
export interface AttributePair {
  readonly key: string;
  readonly value: AttributeValue;
}

/** A span event without BigInt or map: time as seconds + nanoseconds, attributes as pairs. */
export interface EventRow {
  readonly name: string;
  readonly seconds: number;
  readonly nanos: number;
  readonly attributes: readonly AttributePair[];
}

export interface SpanTable {
  /** 32 lowercase hex digits, shared by every row. */
  readonly traceId: string;
  readonly length: number;
  /** 16 lowercase hex digits. */
  readonly spanId: readonly string[];
  /** 16 lowercase hex digits, or '' for a root span. */
  readonly parentSpanId: readonly string[];
  readonly name: readonly string[];
  /** Index into SPAN_KINDS (OTLP's numbering). */
  readonly kind: readonly number[];
  /** Index into STATUS_CODES (OTLP's numbering: 0 unset, 1 ok, 2 error). */
  readonly status: readonly number[];
  readonly statusMessage: readonly string[];
  /** Start instant: whole seconds since the epoch, and nanoseconds within that second (0..999999999). */
  readonly startSeconds: readonly number[];
  readonly startNanos: readonly number[];
  readonly durationNanos: readonly number[];
  readonly resource: readonly Resource[];
  readonly scope: readonly InstrumentationScope[];
  readonly attributes: ReadonlyArray<readonly AttributePair[]>;
  /**
   * 1 when the row's attribute list is not empty and every value in it is a string, a number or
   * a boolean, so the list is already what Grafana's trace view shows; 0 otherwise (no
   * attributes, or a value that needs a display form: a bigint, a whole double, an array or a
   * map). Worked out while the decoder has the list in cache, so a frame builder need not read
   * every pair of every span again.
   */
  readonly plainAttributes: Uint8Array;
  readonly events: ReadonlyArray<readonly EventRow[]>;
  readonly links: ReadonlyArray<readonly SpanLink[]>;
  /** W3C tracestate as received, '' when absent. */
  readonly traceState: readonly string[];
}

/** The value of `key` in a pair list (lists are deduplicated, so the first match is the one). */
export function findAttribute(pairs: readonly AttributePair[], key: string): AttributeValue | undefined {
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i].key === key) {
      return pairs[i].value;
    }
  }
  return undefined;
}

/** The start instants of rows i and j compared: negative, zero or positive. */
export function compareStart(t: SpanTable, i: number, j: number): number {
  return t.startSeconds[i] - t.startSeconds[j] || t.startNanos[i] - t.startNanos[j];
}
