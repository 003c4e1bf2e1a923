/**
 * Arithmetic between metrics queries, as Tempo evaluates it (our restatement; the worked cases are
 * in arithmetic.test.ts and docs/tempo-compatibility.md):
 *
 * - Two series sets meet on their labels without the metric name `__name__`. A series with no
 *   labels left (an ungrouped query such as `{} | rate()`) partners every series of the other side
 *   that has no exact partner. A series with no partner at all is dropped.
 * - At each step a missing value (NaN) on either side counts as 0; division by 0 gives NaN, which
 *   leaves that step out of the answer. Infinities pass through.
 * - When both sides carry a metric name the result is named `(left op right)`, e.g.
 *   `(rate / rate)`; otherwise the result has no name.
 * - A plain number applies to every series and keeps the series' labels, name included. Numbers
 *   on both sides fold first, with integer semantics when both are integers (`1/2` is 0); a float
 *   division by zero is ±Inf as in IEEE arithmetic, so `(…) + (1.0/0)` is +Inf at every step.
 */
import { type Label, promLabels } from './labels';
import type { Series, SeriesSet } from './series';

export type Operand =
  | { readonly kind: 'series'; readonly set: SeriesSet }
  | { readonly kind: 'scalar'; readonly value: number; readonly isInt: boolean };

export type MetricsArithOp = '+' | '-' | '*' | '/';

const NAME = '__name__';

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

/** Step-wise arithmetic between two series values: a missing value counts as 0. */
function applyStep(op: MetricsArithOp, a: number, b: number): number {
  return apply(op, Number.isNaN(a) ? 0 : a, Number.isNaN(b) ? 0 : b);
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
  // Plain IEEE arithmetic: 1.0/0 is +Inf, 0.0/0 is NaN.
  const value = op === '/' ? a.value / b.value : apply(op, a.value, b.value);
  return { kind: 'scalar', value, isInt: false };
}

function withoutName(labels: readonly Label[]): Label[] {
  return labels.filter((l) => l.name !== NAME);
}

function nameOf(set: SeriesSet): string | null {
  for (const s of set.values()) {
    const n = s.labels.find((l) => l.name === NAME);
    if (n !== undefined && n.value.t === 'string') {
      return n.value.v;
    }
  }
  return null;
}

function makeSeries(labels: readonly Label[], values: Float64Array): Series {
  return { labels, key: promLabels(labels), values, exemplars: [] };
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
      const values = Float64Array.from(s.values, (v) => (left.kind === 'scalar' ? apply(op, k, v) : apply(op, v, k)));
      out.set(s.key, makeSeries(s.labels, values));
    }
    return { kind: 'series', set: out };
  }
  return { kind: 'series', set: combineSeries(op, left.set, right.set) };
}

function combineSeries(op: MetricsArithOp, l: SeriesSet, r: SeriesSet): SeriesSet {
  const byMatch = (set: SeriesSet) => {
    const m = new Map<string, Series>();
    for (const s of set.values()) {
      m.set(promLabels(withoutName(s.labels)), s);
    }
    return m;
  };
  const lm = byMatch(l);
  const rm = byMatch(r);
  const lName = nameOf(l);
  const rName = nameOf(r);
  const name = lName !== null && rName !== null ? `(${lName} ${op} ${rName})` : null;
  // Walk the side that has no label-less series, so its labels decide the result's series; when
  // both have one, the left side leads.
  const target = rm.has('{}') ? lm : rm;
  const out: SeriesSet = new Map();
  for (const [k, t] of target) {
    const a = lm.get(k) ?? lm.get('{}');
    const b = rm.get(k) ?? rm.get('{}');
    if (a === undefined || b === undefined) {
      continue;
    }
    const n = Math.min(a.values.length, b.values.length);
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      values[i] = applyStep(op, a.values[i], b.values[i]);
    }
    const base = withoutName(t.labels);
    const labels: Label[] = name === null ? base : [{ name: NAME, value: { t: 'string', v: name } }, ...base];
    const s = makeSeries(labels, values);
    out.set(s.key, s);
  }
  return out;
}
