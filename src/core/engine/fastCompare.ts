/**
 * A fast path for the most common condition shape, `field op literal` (`span.http.status_code >=
 * 500`, `duration > 10ms`, `name = "x"`): it compares the raw model value with the literal without
 * building runtime values. Anything unusual (arrays, 64-bit ints, missing kinds) defers to the
 * general path, so both give the same answers; the general path is the definition.
 */
import { getAttribute } from '../model/attributes';
import { findAttribute } from '../model/table';
import { SPAN_KINDS, STATUS_CODES } from '../model/types';
import type { AttributeNode, ComparisonOp, FieldExpr, StaticNode } from '../traceql/ast';
import type { CompiledField, EvalContext } from './evalContext';
import { FALSE, TRUE, type Value } from './values';

type Cmp = Exclude<ComparisonOp, '=~' | '!~'>;
type Raw = (c: EvalContext) => unknown;

const FLIP: Record<Cmp, Cmp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };

/** Reads a plain attribute (no parent., event or link scope) without converting it. */
function rawAttribute(a: AttributeNode): Raw | null {
  if (a.parent) {
    return null;
  }
  const name = a.name;
  switch (a.scope) {
    case 'span':
      return (c) => findAttribute(c.ix.table.attributes[c.i], name);
    case 'resource':
      return (c) => getAttribute(c.ix.table.resource[c.i].attributes, name);
    case 'unscoped':
      return (c) => {
        const v = findAttribute(c.ix.table.attributes[c.i], name);
        return v !== undefined ? v : getAttribute(c.ix.table.resource[c.i].attributes, name);
      };
    case 'instrumentation':
      return (c) => getAttribute(c.ix.table.scope[c.i].attributes, name);
    default:
      return null;
  }
}

type Literal =
  { kind: 'string'; v: string } | { kind: 'number'; v: number } | { kind: 'status' | 'spanKind'; v: string };

function literalOf(s: StaticNode): Literal | null {
  const v = s.value;
  switch (v.kind) {
    case 'string':
      return { kind: 'string', v: v.value };
    case 'int':
      return typeof v.value === 'number' ? { kind: 'number', v: v.value } : null;
    case 'float':
    case 'duration':
      return { kind: 'number', v: v.value };
    case 'status':
    case 'spanKind':
      return { kind: v.kind, v: v.value };
    default:
      return null;
  }
}

function ordered(op: Cmp, a: number | string, b: number | string): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
  }
}

/** Raw reader and the kind of value it yields, for fields the fast path understands. */
function readerOf(e: FieldExpr): { read: Raw; kind: 'attribute' | 'string' | 'number' | 'status' | 'spanKind' } | null {
  if (e.type === 'Attribute') {
    const read = rawAttribute(e);
    return read === null ? null : { read, kind: 'attribute' };
  }
  if (e.type !== 'Intrinsic') {
    return null;
  }
  switch (e.name) {
    case 'span:name':
      return { read: (c) => c.ix.table.name[c.i], kind: 'string' };
    case 'span:statusMessage':
      return { read: (c) => c.ix.table.statusMessage[c.i], kind: 'string' };
    case 'span:duration':
      return { read: (c) => c.ix.table.durationNanos[c.i], kind: 'number' };
    case 'span:status':
      return { read: (c) => STATUS_CODES[c.ix.table.status[c.i]], kind: 'status' };
    case 'span:kind':
      return { read: (c) => SPAN_KINDS[c.ix.table.kind[c.i]], kind: 'spanKind' };
    default:
      return null;
  }
}

export function fastComparison(op: Cmp, l: FieldExpr, r: FieldExpr, general: CompiledField): CompiledField | null {
  let field: FieldExpr;
  let lit: StaticNode;
  let cmp = op;
  if (r.type === 'Static') {
    field = l;
    lit = r;
  } else if (l.type === 'Static') {
    field = r;
    lit = l;
    cmp = FLIP[op];
  } else {
    return null;
  }
  const reader = readerOf(field);
  const literal = literalOf(lit);
  if (reader === null || literal === null) {
    return null;
  }
  const { read, kind } = reader;
  const target = literal.v;
  if (kind === 'status' || kind === 'spanKind') {
    if (literal.kind !== kind || (cmp !== '=' && cmp !== '!=')) {
      return null;
    }
    const want = cmp === '=';
    return (c) => ((read(c) === target) === want ? TRUE : FALSE);
  }
  if (kind === 'string' || kind === 'number') {
    if (literal.kind !== (kind === 'string' ? 'string' : 'number')) {
      return null;
    }
    return (c) => (ordered(cmp, read(c) as string | number, target) ? TRUE : FALSE);
  }
  if (literal.kind !== 'string' && literal.kind !== 'number') {
    return null;
  }
  const wanted = literal.kind === 'string' ? 'string' : 'number';
  return (c): Value => {
    const v = read(c);
    const t = typeof v;
    if (t === wanted) {
      return ordered(cmp, v as string | number, target) ? TRUE : FALSE;
    }
    // 64-bit ints, arrays and whole doubles (an object wrapping the number) take the general path.
    if (t === 'bigint' || t === 'object') {
      return general(c);
    }
    // Missing, or a different kind: Tempo's comparisons (even !=) are false.
    return FALSE;
  };
}
