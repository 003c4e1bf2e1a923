/**
 * Per-trace structure the evaluator needs again and again: parent links, child counts, nested-set
 * numbering (so structural operators are interval tests, not tree walks) and the trace-level
 * intrinsics. Built once per trace and cached in a WeakMap, so repeated queries over the same
 * trace objects pay for it once and the cache never keeps a trace alive.
 */
import { spanTableOf, toUnixNanos, type SpanTable } from '../model/table';
import { spanEventOf } from '../model/table/materialize';
import { SPAN_KINDS, type Span, type SpanEvent, type Trace } from '../model/types';

export interface TraceIndex {
  readonly trace: Trace;
  /**
   * The trace's columns: what filters read (core/model/table). Row i is span i. Reading `spans`
   * instead makes the Span objects of the whole trace, so hot paths read the table.
   */
  readonly table: SpanTable;
  readonly spans: readonly Span[];
  /** Span i's events as model objects, made for event-scoped conditions only. */
  eventsOf(i: number): readonly SpanEvent[];
  /** Index of each span's parent, or -1 when it has none in this trace (or names itself). */
  readonly parent: Int32Array;
  readonly childCount: Int32Array;
  /**
   * Nested-set numbers: a descendant's [left, right] lies strictly inside its ancestor's. Start at
   * 1; 0 for spans no root reaches (see buildStructure), which take part in no structural relation.
   */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The parent's `left`; -1 for roots (Tempo's marker), 0 for unnumbered spans. */
  readonly nestedParent: Int32Array;
  /** Index of the root span (no parentSpanId), or -1 when the root was not received. */
  readonly root: number;
  readonly startUnixNano: bigint;
  /** max(end) − min(start), in nanoseconds. */
  readonly durationNanos: number;
}

const cache = new WeakMap<Trace, TraceIndex>();

export function indexTrace(trace: Trace): TraceIndex {
  const hit = cache.get(trace);
  if (hit !== undefined && hit.table === spanTableOf(trace)) {
    return hit;
  }
  const built = new LazyTraceIndex(trace);
  cache.set(trace, built);
  return built;
}

interface Structure {
  parent: Int32Array;
  childCount: Int32Array;
  left: Int32Array;
  right: Int32Array;
  nestedParent: Int32Array;
}

interface Extent {
  root: number;
  startUnixNano: bigint;
  durationNanos: number;
}

/**
 * Parts are built on first use: a plain filter needs neither the id map nor the nested sets, and
 * skipping them keeps filter-only queries close to the cost of reading the spans.
 */
class LazyTraceIndex implements TraceIndex {
  readonly table: SpanTable;
  private structure: Structure | null = null;
  private extent: Extent | null = null;
  private events: Array<readonly SpanEvent[] | undefined> | null = null;

  constructor(readonly trace: Trace) {
    this.table = spanTableOf(trace);
  }

  get spans(): readonly Span[] {
    return this.trace.spans;
  }

  eventsOf(i: number): readonly SpanEvent[] {
    const rows = this.table.events[i];
    if (rows.length === 0) {
      return NO_EVENTS;
    }
    this.events ??= new Array<readonly SpanEvent[] | undefined>(this.table.length);
    return (this.events[i] ??= rows.map(spanEventOf));
  }

  get parent(): Int32Array {
    return this.built().parent;
  }
  get childCount(): Int32Array {
    return this.built().childCount;
  }
  get left(): Int32Array {
    return this.built().left;
  }
  get right(): Int32Array {
    return this.built().right;
  }
  get nestedParent(): Int32Array {
    return this.built().nestedParent;
  }
  get root(): number {
    return this.measured().root;
  }
  get startUnixNano(): bigint {
    return this.measured().startUnixNano;
  }
  get durationNanos(): number {
    return this.measured().durationNanos;
  }

  private built(): Structure {
    this.structure ??= buildStructure(this.table);
    return this.structure;
  }

  private measured(): Extent {
    this.extent ??= measureExtent(this.table);
    return this.extent;
  }
}

const NO_EVENTS: readonly SpanEvent[] = Object.freeze([]);

/**
 * Root, earliest start and latest end, on the table's (seconds, nanoseconds) instants so no BigInt
 * is made per span; an end is start + round(duration), as before.
 */
function measureExtent(t: SpanTable): Extent {
  let root = -1;
  let minS = 0;
  let minN = 0;
  let maxS = 0;
  let maxN = 0;
  for (let i = 0; i < t.length; i++) {
    if (root === -1 && t.parentSpanId[i] === '') {
      root = i;
    }
    const s = t.startSeconds[i];
    const n = t.startNanos[i];
    const endTotal = n + Math.round(t.durationNanos[i]);
    const carry = Math.floor(endTotal / 1e9);
    const es = s + carry;
    const en = endTotal - carry * 1e9;
    if (i === 0 || s < minS || (s === minS && n < minN)) {
      minS = s;
      minN = n;
    }
    if (i === 0 || es > maxS || (es === maxS && en > maxN)) {
      maxS = es;
      maxN = en;
    }
  }
  return {
    root,
    startUnixNano: t.length === 0 ? 0n : toUnixNanos(minS, minN),
    durationNanos: t.length === 0 ? 0 : (maxS - minS) * 1e9 + (maxN - minN),
  };
}

/**
 * Parent links and nested-set numbers, as Tempo assigns them when it writes a block (restated in
 * our words; docs/tempo-compatibility.md has the worked cases):
 * - A root is a span with no parent id (decoders already read an all-zero parent id as none, as
 *   OTLP defines it). Only roots and what hangs below them are numbered, depth first from each
 *   root in span order, children in span order; a root's nested parent is -1.
 * - A span whose parent id is not in the trace, a span that names itself as parent, a parent
 *   cycle, and everything below them stay unnumbered: left, right and nested parent are 0, and
 *   such spans take part in no structural relation. A trace with no root is wholly unnumbered.
 * - Two spans may share an id (Zipkin's shared client/server spans): a child of that id hangs
 *   below the client span when it is itself a server span, below the server span otherwise. When
 *   three or more spans share an id, Tempo gives up and nothing in the trace is numbered.
 * - childCount counts the spans whose parent id resolves to the span, itself included when it is
 *   its own parent (Tempo counts that link too).
 */
function buildStructure(t: SpanTable): Structure {
  const n = t.length;
  const byId = new Map<string, number[]>();
  let ambiguous = false;
  for (let i = 0; i < n; i++) {
    const list = byId.get(t.spanId[i]);
    if (list === undefined) {
      byId.set(t.spanId[i], [i]);
    } else {
      list.push(i);
      ambiguous ||= list.length > 2;
    }
  }
  const parent = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  const empty = () => ({ left: new Int32Array(n), right: new Int32Array(n), nestedParent: new Int32Array(n) });
  if (ambiguous) {
    return { parent, childCount, ...empty() };
  }
  for (let i = 0; i < n; i++) {
    const p = parentOf(t, byId, i);
    if (p < 0) {
      continue;
    }
    childCount[p]++;
    // A span is not its own parent for `parent.` lookups or the tree walk.
    if (p !== i) {
      parent[i] = p;
    }
  }
  return { parent, childCount, ...numberNestedSets(t, parent) };
}

function parentOf(t: SpanTable, byId: ReadonlyMap<string, number[]>, i: number): number {
  const id = t.parentSpanId[i];
  if (id === '') {
    return -1;
  }
  const candidates = byId.get(id);
  if (candidates === undefined) {
    return -1;
  }
  if (candidates.length === 1) {
    return candidates[0];
  }
  const want = SPAN_KINDS[t.kind[i]] === 'server' ? 'client' : 'server';
  return candidates.find((c) => SPAN_KINDS[t.kind[c]] === want) ?? -1;
}

/**
 * Depth-first numbering from each root, with an explicit stack (traces can be 100k-span chains;
 * recursion would overflow). Spans no root reaches keep 0 everywhere.
 */
function numberNestedSets(
  t: SpanTable,
  parent: Int32Array
): { left: Int32Array; right: Int32Array; nestedParent: Int32Array } {
  const n = parent.length;
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  const nestedParent = new Int32Array(n);
  // Children as a CSR adjacency: offsets into one flat array, in trace order.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      offsets[parent[i] + 1]++;
    }
  }
  for (let i = 0; i < n; i++) {
    offsets[i + 1] += offsets[i];
  }
  const fill = offsets.slice(0, n);
  const children = new Int32Array(offsets[n]);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      children[fill[parent[i]]++] = i;
    }
  }
  let counter = 1;
  const stack = new Int32Array(n);
  const nextChild = new Int32Array(n);
  for (let root = 0; root < n; root++) {
    if (t.parentSpanId[root] !== '') {
      continue;
    }
    let top = 0;
    stack[0] = root;
    left[root] = counter++;
    nestedParent[root] = -1;
    nextChild[root] = offsets[root];
    while (top >= 0) {
      const node = stack[top];
      if (nextChild[node] < offsets[node + 1]) {
        const c = children[nextChild[node]++];
        left[c] = counter++;
        nestedParent[c] = left[node];
        nextChild[c] = offsets[c];
        stack[++top] = c;
      } else {
        right[node] = counter++;
        top--;
      }
    }
  }
  return { left, right, nestedParent };
}
