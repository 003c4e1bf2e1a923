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
  /** See SpanTable.plainAttributes; grown by doubling when the capacity was too small. */
  private plain: Uint8Array;
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
    this.plain = new Uint8Array(n);
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
    if (i >= this.plain.length) {
      const grown = new Uint8Array(Math.max(16, this.plain.length * 2));
      grown.set(this.plain);
      this.plain = grown;
    }
    this.plain[i] = plainValues(attributes) ? 1 : 0;
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
    const objects: unknown[][] = [
      this.spanId,
      this.parentSpanId,
      this.name,
      this.statusMessage,
      this.resource,
      this.scope,
      this.attributes,
      this.events,
      this.links,
      this.traceState,
    ];
    const numbers: number[][] = [this.kind, this.status, this.startSeconds, this.startNanos, this.durationNanos];
    const n = this.rows;
    // Fewer spans than expected (a hint counted spans of other traces): drop the unused tail.
    if (this.spanId.length !== n) {
      for (const column of objects) {
        column.length = n;
      }
      for (const column of numbers) {
        column.length = n;
      }
    }
    const plain = this.plain.length === n ? this.plain : this.plain.slice(0, n);
    const order = sort ? canonicalOrder(this) : null;
    if (order !== null) {
      // One scratch column of each kind serves every column of that kind.
      const objectScratch = new Array<unknown>(n);
      const numberScratch = new Float64Array(n);
      for (const column of objects) {
        reorderObjects(column, order, objectScratch);
      }
      for (const column of numbers) {
        reorderNumbers(column, order, numberScratch);
      }
      reorderNumbers(plain, order, numberScratch);
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
      plainAttributes: plain,
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

/** Past this many seconds between the first and last start, start keys would not be exact. */
const MAX_KEY_SECONDS = Math.floor(Number.MAX_SAFE_INTEGER / 1e9) - 1;

/**
 * null when the rows are already in order; otherwise the sorted row indices. When all starts lie
 * within about 104 days of each other (always, for one trace), each start becomes one exact
 * number, nanoseconds after the earliest second, so the sort compares one typed array instead of
 * two columns; span ids break ties either way.
 */
function canonicalOrder(b: SpanTableBuilder): number[] | null {
  const n = b.length;
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) {
    sorted = compareRows(b, i - 1, i) <= 0;
  }
  if (sorted) {
    return null;
  }
  const order = new Array<number>(n);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    const s = b.startSeconds[i];
    min = s < min ? s : min;
    max = s > max ? s : max;
  }
  const ids = b.spanId;
  if (max - min > MAX_KEY_SECONDS) {
    // Array.prototype.sort is stable, so rows equal in start and id keep their arrival order.
    return order.sort((i, j) => compareRows(b, i, j));
  }
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    key[i] = (b.startSeconds[i] - min) * 1e9 + b.startNanos[i];
  }
  return order.sort((i, j) => key[i] - key[j] || (ids[i] < ids[j] ? -1 : ids[i] > ids[j] ? 1 : 0));
}

/**
 * Rearranges `column` so that row i holds what row order[i] held. The values are gathered into
 * `scratch` in the new order and copied back: one pass reads the column at random and writes in
 * sequence, the other reads and writes in sequence. (Walking the permutation's cycles in place
 * needs no scratch but reads and writes at random; for the 15 columns of a 100k-span trace that
 * cost as much as typing every span's attributes.) Object and number columns have a function
 * each, so that each stays specialised to its kind of array.
 */
export function reorderObjects(column: unknown[], order: readonly number[], scratch: unknown[]): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    scratch[i] = column[order[i]];
  }
  for (let i = 0; i < n; i++) {
    column[i] = scratch[i];
  }
}

/** reorderObjects for numbers, through a Float64Array so that no value is boxed on the way. */
export function reorderNumbers(column: number[] | Uint8Array, order: readonly number[], scratch: Float64Array): void {
  const n = order.length;
  for (let i = 0; i < n; i++) {
    scratch[i] = column[order[i]];
  }
  for (let i = 0; i < n; i++) {
    column[i] = scratch[i];
  }
}

/** True when there are values and each is a string, a number or a boolean (see SpanTable.plainAttributes). */
function plainValues(pairs: readonly AttributePair[]): boolean {
  if (pairs.length === 0) {
    return false;
  }
  for (let i = 0; i < pairs.length; i++) {
    const t = typeof pairs[i].value;
    if (t !== 'string' && t !== 'number' && t !== 'boolean') {
      return false;
    }
  }
  return true;
}
