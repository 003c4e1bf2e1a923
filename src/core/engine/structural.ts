/**
 * Structural spanset operators over nested-set intervals, O((|L| + |R|) log |L|) per trace instead
 * of testing every pair. Inputs and outputs are span positions in ascending order. Relations follow
 * Tempo: a span is never its own descendant, child or sibling; roots share Tempo's root parent
 * marker (-1), so several roots are siblings of each other; spans no root reaches (a missing or
 * self-named parent, a cycle; nested-set numbers 0) are in no relation at all.
 */
import type { StructuralOp, UnionStructuralOp, NegatedStructuralOp } from '../traceql/ast';
import type { TraceIndex } from './traceIndex';

export type RelationOp = StructuralOp | UnionStructuralOp | NegatedStructuralOp;

type Rel = (ix: TraceIndex, l: readonly number[], r: readonly number[]) => number[];

const numbered = (ix: TraceIndex) => (s: number) => ix.left[s] > 0;

/** Spans of r that are descendants of some span of l. */
export const descendantsOf: Rel = (ix, l, r) => {
  if (l.length === 0 || r.length === 0) {
    return [];
  }
  // Nested-set intervals are laminar, so only the outermost intervals of l matter.
  const byLeft = l.filter(numbered(ix)).sort((a, b) => ix.left[a] - ix.left[b]);
  const outerLeft: number[] = [];
  const outerRight: number[] = [];
  for (const s of byLeft) {
    if (outerRight.length === 0 || ix.left[s] > outerRight[outerRight.length - 1]) {
      outerLeft.push(ix.left[s]);
      outerRight.push(ix.right[s]);
    }
  }
  return r.filter((s) => {
    const k = lastBelow(outerLeft, ix.left[s]);
    return ix.left[s] > 0 && k >= 0 && ix.right[s] < outerRight[k];
  });
};

/** Spans of r that are ancestors of some span of l. */
export const ancestorsOf: Rel = (ix, l, r) => {
  if (l.length === 0 || r.length === 0) {
    return [];
  }
  const lefts = Int32Array.from(l.filter(numbered(ix)), (s) => ix.left[s]).sort();
  // r is an ancestor of some l exactly when an l's left number falls strictly inside r's interval.
  return r.filter((s) => {
    const k = lastBelow(lefts, ix.right[s]);
    return ix.left[s] > 0 && k >= 0 && lefts[k] > ix.left[s];
  });
};

/** Spans of r whose parent is in l. */
export const childrenOf: Rel = (ix, l, r) => {
  const mark = markOf(ix, l);
  // A positive nested parent means s and its parent are both numbered.
  return r.filter((s) => ix.nestedParent[s] > 0 && mark[ix.parent[s]] === 1);
};

/** Spans of r that are the parent of some span of l. */
export const parentsOf: Rel = (ix, l, r) => {
  const mark = new Uint8Array(ix.table.length);
  for (const s of l) {
    if (ix.nestedParent[s] > 0) {
      mark[ix.parent[s]] = 1;
    }
  }
  return r.filter((s) => mark[s] === 1);
};

/** Spans of r that share a parent with a different span of l. */
export const siblingsOf: Rel = (ix, l, r) => {
  if (l.length === 0 || r.length === 0) {
    return [];
  }
  const perParent = new Map<number, number>();
  for (const s of l) {
    const p = ix.nestedParent[s];
    if (p !== 0) {
      perParent.set(p, (perParent.get(p) ?? 0) + 1);
    }
  }
  const inL = markOf(ix, l);
  return r.filter((s) => {
    const count = ix.nestedParent[s] === 0 ? 0 : (perParent.get(ix.nestedParent[s]) ?? 0);
    return count - (inL[s] === 1 ? 1 : 0) > 0;
  });
};

function markOf(ix: TraceIndex, spans: readonly number[]): Uint8Array {
  const mark = new Uint8Array(ix.table.length);
  for (const s of spans) {
    mark[s] = 1;
  }
  return mark;
}

/** Index of the last element < x in an ascending array, or -1. */
function lastBelow(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo - 1;
}

function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i] <= b[j]) ? a[i++] : b[j++];
    if (out.length === 0 || out[out.length - 1] !== x) {
      out.push(x);
    }
  }
  return out;
}

function minus(r: readonly number[], matched: readonly number[]): number[] {
  const drop = new Set(matched);
  return r.filter((s) => !drop.has(s));
}

/** The relation an operator tests, and its converse (used for the left side of union forms). */
const RELATIONS: Record<'>>' | '<<' | '>' | '<' | '~', { rel: Rel; converse: Rel }> = {
  '>>': { rel: descendantsOf, converse: ancestorsOf },
  '<<': { rel: ancestorsOf, converse: descendantsOf },
  '>': { rel: childrenOf, converse: parentsOf },
  '<': { rel: parentsOf, converse: childrenOf },
  '~': { rel: siblingsOf, converse: siblingsOf },
};

/**
 * Applies a structural operator to one left and one right spanset (span positions, ascending):
 * plain forms return the right spans in the relation, union forms the spans of both sides that take
 * part in some matching pair, negated forms the right spans in no such pair.
 */
export function applyStructural(op: RelationOp, ix: TraceIndex, l: readonly number[], r: readonly number[]): number[] {
  if (op.startsWith('&')) {
    const { rel, converse } = RELATIONS[op.slice(1) as keyof typeof RELATIONS];
    return mergeSorted(rel(ix, l, r), converse(ix, r, l));
  }
  if (op.startsWith('!')) {
    const { rel } = RELATIONS[op.slice(1) as keyof typeof RELATIONS];
    return minus(r, rel(ix, l, r));
  }
  return RELATIONS[op as keyof typeof RELATIONS].rel(ix, l, r);
}
