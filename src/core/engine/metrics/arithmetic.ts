/**
 * Arithmetic between metrics queries: series on both sides meet when their labels (ignoring the
 * metric name) are equal; a side without labels applies to every series of the other side. A
 * missing point or a division by zero gives NaN. Plain numbers on both sides keep integer
 * semantics (`1/2` is 0).
 */
import { type Label, promLabels } from './labels';
import type { Series, SeriesSet } from './series';

export type Operand =
  | { readonly kind: 'series'; readonly set: SeriesSet }
  | { readonly kind: 'scalar'; readonly value: number; readonly isInt: boolean };

export type MetricsArithOp = '+' | '-' | '*' | '/';

function apply(op: MetricsArithOp, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? NaN : a / b;
  }
}

export function combineScalars(
  op: MetricsArithOp,
  a: Extract<Operand, { kind: 'scalar' }>,
  b: Extract<Operand, { kind: 'scalar' }>
): Operand {
  if (a.isInt && b.isInt) {
    if (op === '/') {
      return b.value === 0
        ? { kind: 'scalar', value: NaN, isInt: false }
        : { kind: 'scalar', value: Math.trunc(a.value / b.value), isInt: true };
    }
    return { kind: 'scalar', value: apply(op, a.value, b.value), isInt: true };
  }
  return { kind: 'scalar', value: apply(op, a.value, b.value), isInt: false };
}

function matchLabels(labels: readonly Label[]): Label[] {
  return labels.filter((l) => l.name !== '__name__');
}

function mapValues(s: Series, f: (v: number, i: number) => number, labels: readonly Label[] = s.labels): Series {
  const out = Float64Array.from(s.values, f);
  return { labels, key: promLabels(labels), values: out, exemplars: [] };
}

export function combine(op: MetricsArithOp, left: Operand, right: Operand): Operand {
  if (left.kind === 'scalar' && right.kind === 'scalar') {
    return combineScalars(op, left, right);
  }
  if (left.kind === 'scalar' || right.kind === 'scalar') {
    const set = left.kind === 'series' ? left.set : (right as { set: SeriesSet }).set;
    const k = left.kind === 'scalar' ? left.value : (right as { value: number }).value;
    const out: SeriesSet = new Map();
    for (const s of set.values()) {
      const r = mapValues(s, (v) => (left.kind === 'scalar' ? apply(op, k, v) : apply(op, v, k)));
      out.set(r.key, r);
    }
    return { kind: 'series', set: out };
  }
  return { kind: 'series', set: combineSeries(op, left.set, right.set) };
}

function combineSeries(op: MetricsArithOp, l: SeriesSet, r: SeriesSet): SeriesSet {
  const byMatch = (set: SeriesSet) => {
    const m = new Map<string, Series>();
    for (const s of set.values()) {
      m.set(promLabels(matchLabels(s.labels)), s);
    }
    return m;
  };
  const lm = byMatch(l);
  const rm = byMatch(r);
  const out: SeriesSet = new Map();
  const add = (s: Series) => out.set(s.key, s);
  const lUnlabeled = lm.size === 1 && lm.has('{}');
  const rUnlabeled = rm.size === 1 && rm.has('{}');
  if (rUnlabeled && !lUnlabeled) {
    const only = rm.get('{}') as Series;
    for (const s of lm.values()) {
      add(mapValues(s, (v, i) => apply(op, v, only.values[i])));
    }
    return out;
  }
  if (lUnlabeled && !rUnlabeled) {
    const only = lm.get('{}') as Series;
    for (const s of rm.values()) {
      add(mapValues(s, (v, i) => apply(op, only.values[i], v)));
    }
    return out;
  }
  const steps = [...l.values(), ...r.values()][0]?.values.length ?? 0;
  const keys = new Set([...lm.keys(), ...rm.keys()]);
  for (const k of keys) {
    const a = lm.get(k);
    const b = rm.get(k);
    const labels = (a ?? b)?.labels ?? [];
    const values = new Float64Array(steps);
    for (let i = 0; i < steps; i++) {
      values[i] = a === undefined || b === undefined ? NaN : apply(op, a.values[i], b.values[i]);
    }
    add({ labels, key: promLabels(labels), values, exemplars: [] });
  }
  return out;
}
