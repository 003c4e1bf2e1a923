import type { InstrumentationScope, Resource, SpanLink } from '../types';
import type { AttributePair, EventRow, SpanTable } from './spanTable';

/**
 * Collects one trace's spans column by column while a decoder walks a body, then puts them in the
 * canonical order. Nothing is allocated per span beyond what the caller passes in.
 */
export class SpanTableBuilder {
  readonly spanId: string[] = [];
  readonly parentSpanId: string[] = [];
  readonly name: string[] = [];
  readonly kind: number[] = [];
  readonly status: number[] = [];
  readonly statusMessage: string[] = [];
  readonly startSeconds: number[] = [];
  readonly startNanos: number[] = [];
  readonly durationNanos: number[] = [];
  readonly resource: Resource[] = [];
  readonly scope: InstrumentationScope[] = [];
  readonly attributes: Array<readonly AttributePair[]> = [];
  readonly events: Array<readonly EventRow[]> = [];
  readonly links: Array<readonly SpanLink[]> = [];
  readonly traceState: string[] = [];

  constructor(readonly traceId: string) {}

  get length(): number {
    return this.spanId.length;
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
    this.spanId.push(spanId);
    this.parentSpanId.push(parentSpanId);
    this.name.push(name);
    this.kind.push(kind);
    this.status.push(status);
    this.statusMessage.push(statusMessage);
    this.startSeconds.push(startSeconds);
    this.startNanos.push(startNanos);
    this.durationNanos.push(durationNanos);
    this.resource.push(resource);
    this.scope.push(scope);
    this.attributes.push(attributes);
    this.events.push(events);
    this.links.push(links);
    this.traceState.push(traceState);
  }

  /**
   * The table in canonical order: by start time, then span id. Backends order spans differently
   * (OTLP groups them by resource, Jaeger by arrival), so every decoder returns one order and the
   * same trace gives the same answers whichever API it came from. Sorted input costs one pass.
   * `sort: false` keeps the rows as added (a trace made by hand keeps its author's order).
   */
  finish(sort = true): SpanTable {
    const order = sort ? canonicalOrder(this) : null;
    const pick = <T>(column: readonly T[]): T[] => (order === null ? (column as T[]) : permute(column, order));
    return {
      traceId: this.traceId,
      length: this.length,
      spanId: pick(this.spanId),
      parentSpanId: pick(this.parentSpanId),
      name: pick(this.name),
      kind: pick(this.kind),
      status: pick(this.status),
      statusMessage: pick(this.statusMessage),
      startSeconds: pick(this.startSeconds),
      startNanos: pick(this.startNanos),
      durationNanos: pick(this.durationNanos),
      resource: pick(this.resource),
      scope: pick(this.scope),
      attributes: pick(this.attributes),
      events: pick(this.events),
      links: pick(this.links),
      traceState: pick(this.traceState),
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

function permute<T>(column: readonly T[], order: readonly number[]): T[] {
  const out = new Array<T>(order.length);
  for (let i = 0; i < order.length; i++) {
    out[i] = column[order[i]];
  }
  return out;
}
