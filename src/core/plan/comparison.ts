/**
 * Helpers every backend's pushdown uses to read a conjunct: a comparison of a field with a literal,
 * normalised so the field is on the left, and a literal's text where a backend compares as text.
 */
import type { FieldExpr, StaticNode } from '../traceql/ast';

export type Cmp = '=' | '<' | '<=' | '>' | '>=';
export const FLIP: Readonly<Record<Cmp, Cmp>> = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

export interface Comparison {
  readonly field: FieldExpr;
  readonly op: Cmp | '!=' | '=~' | '!~';
  readonly value: StaticNode;
}

/** Normalises `static op field` to `field op static`; null when it is not such a comparison. */
export function comparison(e: FieldExpr): Comparison | null {
  if (e.type !== 'FieldBinary' || !['=', '!=', '<', '<=', '>', '>=', '=~', '!~'].includes(e.op)) {
    return null;
  }
  const op = e.op as Cmp | '!=' | '=~' | '!~';
  const unwrap = (x: FieldExpr): FieldExpr => (x.type === 'FieldParen' ? unwrap(x.expr) : x);
  const l = unwrap(e.left);
  const r = unwrap(e.right);
  if (r.type === 'Static' && l.type !== 'Static') {
    return { field: l, op, value: r };
  }
  if (l.type === 'Static' && r.type !== 'Static') {
    return { field: r, op: op in FLIP ? FLIP[op as Cmp] : op, value: l };
  }
  return null;
}

/** A string, int or bool literal as text; null for anything a text comparison cannot match exactly. */
export function scalarString(v: StaticNode): string | null {
  switch (v.value.kind) {
    case 'string':
      return v.value.value;
    case 'int':
      return String(v.value.value);
    case 'bool':
      return v.value.value ? 'true' : 'false';
    default:
      return null;
  }
}
