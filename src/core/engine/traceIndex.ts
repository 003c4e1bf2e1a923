/**
 * Per-trace structure the evaluator needs again and again: parent links, child counts, nested-set
 * numbering (so structural operators are interval tests, not tree walks) and the trace-level
 * intrinsics. Built once per trace and cached in a WeakMap, so repeated queries over the same
 * trace objects pay for it once and the cache never keeps a trace alive.
 */
import type { Span, Trace } from '../model/types';

export interface TraceIndex {
  readonly trace: Trace;
  readonly spans: readonly Span[];
  /** Index of each span's parent, or -1 when it has none in this trace. */
  readonly parent: Int32Array;
  readonly childCount: Int32Array;
  /** Nested-set numbers: a descendant's [left, right] lies strictly inside its ancestor's. Start at 1. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** The parent's `left`, or -1 for spans without a parent (Tempo's convention for roots). */
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
  if (hit !== undefined && hit.spans === trace.spans) {
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
  readonly spans: readonly Span[];
  private structure: Structure | null = null;
  private extent: Extent | null = null;

  constructor(readonly trace: Trace) {
    this.spans = trace.spans;
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
    this.structure ??= buildStructure(this.spans);
    return this.structure;
  }

  private measured(): Extent {
    this.extent ??= measureExtent(this.spans);
    return this.extent;
  }
}

function measureExtent(spans: readonly Span[]): Extent {
  let root = -1;
  let minStart: bigint | null = null;
  let maxEnd: bigint | null = null;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (root === -1 && s.parentSpanId === '') {
      root = i;
    }
    const end = s.startTimeUnixNano + BigInt(Math.round(s.durationNanos));
    if (minStart === null || s.startTimeUnixNano < minStart) {
      minStart = s.startTimeUnixNano;
    }
    if (maxEnd === null || end > maxEnd) {
      maxEnd = end;
    }
  }
  return {
    root,
    startUnixNano: minStart ?? 0n,
    durationNanos: minStart === null || maxEnd === null ? 0 : Number(maxEnd - minStart),
  };
}

function buildStructure(spans: readonly Span[]): Structure {
  const n = spans.length;
  const byId = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    if (!byId.has(spans[i].spanId)) {
      byId.set(spans[i].spanId, i);
    }
  }
  const parent = new Int32Array(n).fill(-1);
  const childCount = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = spans[i].parentSpanId;
    if (id !== '') {
      const p = byId.get(id);
      if (p !== undefined && p !== i) {
        parent[i] = p;
      }
    }
  }
  return { parent, childCount, ...numberNestedSets(parent, childCount) };
}

/**
 * Iterative depth-first numbering (traces can be 100k spans deep chains; recursion would overflow).
 * A parent cycle in bad data is broken at the first span of the cycle met, which becomes a root.
 */
function numberNestedSets(
  parent: Int32Array,
  childCount: Int32Array
): { left: Int32Array; right: Int32Array; nestedParent: Int32Array } {
  const n = parent.length;
  const left = new Int32Array(n);
  const right = new Int32Array(n);
  const nestedParent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (parent[i] >= 0) {
      childCount[parent[i]]++;
    }
  }
  // Children as a CSR adjacency: firstChild offsets into one flat array, in trace order.
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i + 1] = offsets[i] + childCount[i];
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
  const visit = (start: number): void => {
    let top = 0;
    stack[0] = start;
    left[start] = counter++;
    nextChild[start] = offsets[start];
    while (top >= 0) {
      const node = stack[top];
      if (nextChild[node] < offsets[node + 1]) {
        const c = children[nextChild[node]++];
        if (left[c] !== 0) {
          continue;
        }
        left[c] = counter++;
        nestedParent[c] = left[node];
        nextChild[c] = offsets[c];
        stack[++top] = c;
      } else {
        right[node] = counter++;
        top--;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    if (parent[i] < 0) {
      visit(i);
    }
  }
  // Spans still unnumbered sit on a parent cycle: cut it so every span has an interval.
  for (let i = 0; i < n; i++) {
    if (left[i] === 0) {
      if (parent[i] >= 0) {
        childCount[parent[i]]--;
      }
      parent[i] = -1;
      visit(i);
    }
  }
  return { left, right, nestedParent };
}
