import type { InstrumentationScope, Resource, SpanLink } from '../types';
import type { AttributePair, EventRow, SpanTable } from './spanTable';

/**
 * Collects one trace's spans column by column while a decoder walks a body, then puts them in the
 * canonical order. Nothing is allocated per span beyond what the caller passes in.
 *
 * Why a capacity and an in-place sort: right after JSON.parse the young generation is full of the
 * parsed body, all of it still live, so every scavenge the decoder triggers copies the whole body.
 * Fifteen columns grown by push (each growth leaving its old backing store behind) and then
 * permuted into fifteen new arrays were a large share of what the decoder allocated; with the span
 * count known up front each column is allocated once, and sorting moves values within it.
 */
export class SpanTableBuilder {
  readonly spanId: string[];
  readonly parentSpanId: string[];
  readonly name: string[];
  readonly kind: number[];
  readonly status: number[];
  readonly statusMessage: string[];
  readonly startSeconds: number[];
  readonly startNanos: number[];
  readonly durationNanos: number[];
  readonly resource: Resource[];
  readonly scope: InstrumentationScope[];
  readonly attributes: Array<readonly AttributePair[]>;
  readonly events: Array<readonly EventRow[]>;
  readonly links: Array<readonly SpanLink[]>;
  readonly traceState: string[];
  private rows = 0;

  /** `capacity`: how many spans the decoder expects; a wrong guess costs only growth or a trim. */
  constructor(
    readonly traceId: string,
    capacity = 0
  ) {
    const n = capacity > 0 ? capacity : 0;
    this.spanId = new Array<string>(n);
    this.parentSpanId = new Array<string>(n);
    this.name = new Array<string>(n);
    this.kind = new Array<number>(n);
    this.status = new Array<number>(n);
    this.statusMessage = new Array<string>(n);
    this.startSeconds = new Array<number>(n);
    this.startNanos = new Array<number>(n);
    this.durationNanos = new Array<number>(n);
    this.resource = new Array<Resource>(n);
    this.scope = new Array<InstrumentationScope>(n);
    this.attributes = new Array<readonly AttributePair[]>(n);
    this.events = new Array<readonly EventRow[]>(n);
    this.links = new Array<readonly SpanLink[]>(n);
    this.traceState = new Array<string>(n);
  }

  get length(): number {
    return this.rows;
  }

  /** One span; the arguments are the columns of its row (see SpanTable for each one's form). */
  add(
    spanId: string,
    parentSpanId: string,
    name: string,
    kind: number,
    status: number,
    statusMessage: string,
    startSeconds: number,
    startNanos: number,
    durationNanos: number,
    resource: Resource,
    scope: InstrumentationScope,
    attributes: readonly AttributePair[],
    events: readonly EventRow[],
    links: readonly SpanLink[],
    traceState: string
  ): void {
    const i = this.rows++;
    this.spanId[i] = spanId;
    this.parentSpanId[i] = parentSpanId;
    this.name[i] = name;
    this.kind[i] = kind;
    this.status[i] = status;
    this.statusMessage[i] = statusMessage;
    this.startSeconds[i] = startSeconds;
    this.startNanos[i] = startNanos;
    this.durationNanos[i] = durationNanos;
    this.resource[i] = resource;
    this.scope[i] = scope;
    this.attributes[i] = attributes;
    this.events[i] = events;
    this.links[i] = links;
    this.traceState[i] = traceState;
  }

  /**
   * The table in canonical order: by start time, then span id. Backends order spans differently
   * (OTLP groups them by resource, Jaeger by arrival), so every decoder returns one order and the
   * same trace gives the same answers whichever API it came from. Sorted input costs one pass.
   * `sort: false` keeps the rows as added (a trace made by hand keeps its author's order).
   * The builder's own columns become the table's: call it once, and add nothing after.
   */
  finish(sort = true): SpanTable {
    const columns: unknown[][] = [
      this.spanId,
      this.parentSpanId,
      this.name,
      this.kind,
      this.status,
      this.statusMessage,
      this.startSeconds,
      this.startNanos,
      this.durationNanos,
      this.resource,
      this.scope,
      this.attributes,
      this.events,
      this.links,
      this.traceState,
    ];
    const n = this.rows;
    // Fewer spans than expected (a hint counted spans of other traces): drop the unused tail.
    if (this.spanId.length !== n) {
      for (const column of columns) {
        column.length = n;
      }
    }
    const order = sort ? canonicalOrder(this) : null;
    if (order !== null) {
      const placed = new Uint8Array(n);
      for (const column of columns) {
        permuteInPlace(column, order, placed);
      }
    }
    return {
      traceId: this.traceId,
      length: n,
      spanId: this.spanId,
      parentSpanId: this.parentSpanId,
      name: this.name,
      kind: this.kind,
      status: this.status,
      statusMessage: this.statusMessage,
      startSeconds: this.startSeconds,
      startNanos: this.startNanos,
      durationNanos: this.durationNanos,
      resource: this.resource,
      scope: this.scope,
      attributes: this.attributes,
      events: this.events,
      links: this.links,
      traceState: this.traceState,
    };
  }
}

function compareRows(b: SpanTableBuilder, i: number, j: number): number {
  const d = b.startSeconds[i] - b.startSeconds[j] || b.startNanos[i] - b.startNanos[j];
  if (d !== 0) {
    return d;
  }
  const x = b.spanId[i];
  const y = b.spanId[j];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** null when the rows are already in order; otherwise the sorted row indices. */
function canonicalOrder(b: SpanTableBuilder): number[] | null {
  const n = b.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    sorted = compareRows(b, i - 1, i) <= 0;
  }
  if (sorted) {
    return null;
  }
  const order = Array.from({ length: n }, (_v, i) => i);
  // Array.prototype.sort is stable, so rows equal in start and id keep their arrival order.
  return order.sort((i, j) => compareRows(b, i, j));
}

/**
 * Rearranges `column` so that row i holds what row order[i] held, without a second array: each
 * cycle of the permutation is walked once, carrying the value displaced from its first row.
 * `placed` is scratch space of the column's length (cleared here).
 */
export function permuteInPlace<T>(column: T[], order: readonly number[], placed: Uint8Array): void {
  placed.fill(0);
  for (let start = 0; start < order.length; start++) {
    if (placed[start] === 1 || order[start] === start) {
      continue;
    }
    const first = column[start];
    let i = start;
    for (;;) {
      placed[i] = 1;
      const from = order[i];
      if (from === start) {
        column[i] = first;
        break;
      }
      column[i] = column[from];
      i = from;
    }
  }
}
