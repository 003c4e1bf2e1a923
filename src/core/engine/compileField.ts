/**
 * Compiles a field expression (the inside of `{ ... }`, aggregate and `by()` arguments) into a
 * closure over an EvalContext, once per query, so evaluating a span is a few calls and no AST walk.
 */
import type { AttributeNode, ComparisonOp, FieldBinaryOp, FieldExpr, StaticNode } from '../traceql/ast';
import { getAttribute } from '../model/attributes';
import { findAttribute } from '../model/table';
import { compileAnchoredRegex } from '../regex';
import { fromAttribute } from './attributeValue';
import { printField } from '../traceql/printer';
import { SpansetEvalError } from './spanset';
import type { CompiledField, EvalContext } from './evalContext';
import { fastComparison } from './fastCompare';
import { compileIntrinsic, intrinsicScope } from './intrinsics';
import { type ArithOp, NIL, type Value, arith, bool, compare, equals, negate } from './values';

export type FieldCompileResult =
  { readonly ok: true; readonly fn: CompiledField } | { readonly ok: false; readonly message: string };

class CompileError extends Error {}

export function compileField(expr: FieldExpr): FieldCompileResult {
  try {
    return { ok: true, fn: compile(expr) };
  } catch (e) {
    if (e instanceof CompileError) {
      return { ok: false, message: e.message };
    }
    throw e;
  }
}

export function staticValue(s: StaticNode): Value {
  const v = s.value;
  switch (v.kind) {
    case 'string':
      return { t: 'string', v: v.value };
    case 'int':
      return { t: 'int', v: v.value };
    case 'float':
      return { t: 'float', v: v.value };
    case 'duration':
      return { t: 'duration', v: v.value };
    case 'bool':
      return bool(v.value);
    case 'status':
      return { t: 'status', v: v.value };
    case 'spanKind':
      return { t: 'kind', v: v.value };
    case 'nil':
      return NIL;
  }
}

function compile(e: FieldExpr): CompiledField {
  switch (e.type) {
    case 'Static': {
      const v = staticValue(e);
      return () => v;
    }
    case 'Attribute':
      return compileAttribute(e);
    case 'Intrinsic':
      return compileIntrinsic(e.name);
    case 'FieldParen':
      return compile(e.expr);
    case 'FieldUnary': {
      const operand = compile(e.operand);
      if (e.op === '!') {
        return (c) => {
          const v = operand(c);
          return v.t === 'bool' ? bool(!v.v) : NIL;
        };
      }
      return (c) => negate(notArray(operand(c), e.operand));
    }
    case 'FieldBinary':
      return compileBinary(e.op, e.left, e.right);
  }
}

function compileAttribute(a: AttributeNode): CompiledField {
  const name = a.name;
  let read: CompiledField;
  switch (a.scope) {
    case 'span':
      read = (c) => fromAttribute(findAttribute(c.ix.table.attributes[c.i], name));
      break;
    case 'resource':
      read = (c) => fromAttribute(getAttribute(c.ix.table.resource[c.i].attributes, name));
      break;
    case 'unscoped':
      // Span first, then resource: Tempo's order for `.attr`.
      read = (c) => {
        const v = findAttribute(c.ix.table.attributes[c.i], name);
        return fromAttribute(v !== undefined ? v : getAttribute(c.ix.table.resource[c.i].attributes, name));
      };
      break;
    case 'event':
      read = (c) => (c.ev === null ? NIL : fromAttribute(getAttribute(c.ev.attributes, name)));
      break;
    case 'link':
      read = (c) => (c.ln === null ? NIL : fromAttribute(getAttribute(c.ln.attributes, name)));
      break;
    case 'instrumentation':
      read = (c) => fromAttribute(getAttribute(c.ix.table.scope[c.i].attributes, name));
      break;
  }
  if (!a.parent) {
    return read;
  }
  const onParent: EvalContext = { ix: undefined as never, i: -1, ev: null, ln: null };
  return (c) => {
    const p = c.ix.parent[c.i];
    if (p < 0) {
      return NIL;
    }
    onParent.ix = c.ix;
    onParent.i = p;
    return read(onParent);
  };
}

/**
 * Arithmetic takes single numbers. Tempo answers arithmetic on an array attribute with an error,
 * not with "no match", so the engine stops the query with one too, naming the operand.
 */
function notArray(v: Value, e: FieldExpr): Value {
  if (v.t === 'array') {
    throw new SpansetEvalError(`arithmetic cannot take an array: ${printField(e)} holds a list of values`);
  }
  return v;
}

function isNilStatic(e: FieldExpr): boolean {
  return e.type === 'Static' && e.value.kind === 'nil';
}

function compileBinary(op: FieldBinaryOp, l: FieldExpr, r: FieldExpr): CompiledField {
  if ((op === '=' || op === '!=') && (isNilStatic(l) || isNilStatic(r))) {
    if (isNilStatic(l) && isNilStatic(r)) {
      return () => bool(false);
    }
    // `x = nil` tests absence, `x != nil` presence.
    const side = compile(isNilStatic(r) ? l : r);
    const wantNil = op === '=';
    return (c) => bool((side(c).t === 'nil') === wantNil);
  }
  const left = compile(l);
  const right = compile(r);
  switch (op) {
    case '&&':
      return (c) => {
        const a = left(c);
        if (a.t !== 'bool') {
          return bool(false);
        }
        if (!a.v) {
          return a;
        }
        const b = right(c);
        return b.t === 'bool' ? b : bool(false);
      };
    case '||':
      return (c) => {
        const a = left(c);
        if (a.t === 'bool' && a.v) {
          return a;
        }
        const b = right(c);
        return bool(a.t === 'bool' && b.t === 'bool' && b.v);
      };
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^':
      return (c) => arith(op as ArithOp, notArray(left(c), l), notArray(right(c), r));
    case '=~':
    case '!~':
      return compileRegex(op, left, r, right);
    default: {
      const general: CompiledField = (c) => bool(compareOp(op, left(c), right(c)));
      return fastComparison(op, l, r, general) ?? general;
    }
  }
}

function compileRegex(op: '=~' | '!~', left: CompiledField, r: FieldExpr, right: CompiledField): CompiledField {
  let fixed: ((s: string) => boolean) | null = null;
  if (r.type === 'Static' && r.value.kind === 'string') {
    const re = compileAnchoredRegex(r.value.value, r);
    if (!re.ok) {
      throw new CompileError(re.message);
    }
    fixed = re.test;
  }
  const want = op === '=~';
  return (c) => {
    const a = left(c);
    let test = fixed;
    if (test === null) {
      const p = right(c);
      if (p.t !== 'string') {
        return bool(false);
      }
      const re = compileAnchoredRegex(p.v);
      if (!re.ok) {
        return bool(false);
      }
      test = re.test;
    }
    const t = test;
    const matches = (v: Value): boolean | null => (v.t === 'string' ? t(v.v) === want : null);
    if (a.t === 'array') {
      // `=~` holds when any element matches; `!~` only when no element does.
      return bool(want ? a.v.some((x) => matches(x) === true) : a.v.every((x) => matches(x) === true));
    }
    return bool(matches(a) === true);
  };
}

type Cmp = Exclude<ComparisonOp, '=~' | '!~'>;

function scalarCompare(op: Cmp, a: Value, b: Value): boolean {
  switch (op) {
    case '=':
      return equals(a, b);
    case '!=':
      // Tempo: operands of different kinds (or a missing one) make every comparison false, `!=` too.
      return comparableKinds(a, b) && !equals(a, b);
    default: {
      const k = compare(a, b);
      if (k === null) {
        return false;
      }
      return op === '<' ? k < 0 : op === '<=' ? k <= 0 : op === '>' ? k > 0 : k >= 0;
    }
  }
}

function comparableKinds(a: Value, b: Value): boolean {
  if (a.t === 'nil' || b.t === 'nil') {
    return false;
  }
  const num = (v: Value) => v.t === 'int' || v.t === 'float' || v.t === 'duration';
  return a.t === b.t || (num(a) && num(b));
}

/** Arrays: `=` (and ordering) hold when any element does, `!=` only when no element is equal. */
export function compareOp(op: Cmp, a: Value, b: Value): boolean {
  if (a.t === 'array' || b.t === 'array') {
    if (a.t === 'array' && b.t === 'array') {
      return false;
    }
    const arr = (a.t === 'array' ? a.v : (b as { v: readonly Value[] }).v) as readonly Value[];
    const onLeft = a.t === 'array';
    const elem = (x: Value) => (onLeft ? scalarCompare(op, x, b) : scalarCompare(op, a, x));
    return op === '!=' ? arr.every(elem) : arr.some(elem);
  }
  return scalarCompare(op, a, b);
}

/** Which per-span collections a filter must iterate: events and links are matched one at a time. */
export function referencedScopes(e: FieldExpr): { events: boolean; links: boolean } {
  const out = { events: false, links: false };
  const walk = (x: FieldExpr): void => {
    switch (x.type) {
      case 'Attribute':
        out.events ||= x.scope === 'event';
        out.links ||= x.scope === 'link';
        break;
      case 'Intrinsic': {
        const s = intrinsicScope(x.name);
        out.events ||= s === 'event';
        out.links ||= s === 'link';
        break;
      }
      case 'FieldParen':
        walk(x.expr);
        break;
      case 'FieldUnary':
        walk(x.operand);
        break;
      case 'FieldBinary':
        walk(x.left);
        walk(x.right);
        break;
      case 'Static':
        break;
    }
  };
  walk(e);
  return out;
}
