/**
 * TraceLens compares numbers by value: `{ span.order.amount > 250 }` matches 300 whether the span
 * stored it as an int or as a double. Tempo looks a comparison up only among attributes stored
 * with the literal's type, so an int literal misses doubles and a float literal misses ints. To
 * get the same answer from Tempo natively, each comparison of an attribute with a number is sent
 * as the comparison in both types, joined by ||:
 *
 *   span.x > 250      →  (span.x > 250 || span.x > 250.0)
 *   span.x > 499.5    →  (span.x > 499.5 || span.x > 499)      ints above 499.5 are those above 499
 *   span.x >= 499.5   →  (span.x >= 499.5 || span.x >= 500)
 *   span.x = 499.5    →  unchanged                             no int equals 499.5
 *   span.x != 499.5   →  (span.x != 499.5 || (span.x <= 499 || span.x >= 500))   every int differs
 *
 * Intrinsics have one type each and are left alone, as are durations.
 */
import { comparesAttributeWithNumber, comparison, type Comparison } from '../../plan';
import type { ComparisonOp, FieldExpr, RootNode, StaticNode } from '../../traceql/ast';
import { mapFilterConditions } from '../../traceql/mapFilters';

type Cmp = Exclude<ComparisonOp, '=~' | '!~'>;
const P = { from: 0, to: 0 };

function num(value: number | bigint, kind: 'int' | 'float'): StaticNode {
  const raw =
    kind === 'float' ? (Number.isInteger(Number(value)) ? `${Number(value)}.0` : String(value)) : String(value);
  return {
    type: 'Static',
    value: kind === 'int' ? { kind: 'int', value } : { kind: 'float', value: Number(value) },
    raw,
    ...P,
  };
}

function cmp(op: Cmp, left: FieldExpr, right: FieldExpr): FieldExpr {
  return { type: 'FieldBinary', op, left, right, ...P };
}

function or(left: FieldExpr, right: FieldExpr): FieldExpr {
  return { type: 'FieldParen', expr: { type: 'FieldBinary', op: '||', left, right, ...P }, ...P };
}

/** The same test for attributes stored with the other numeric type, or null when none can pass. */
function otherType(op: Cmp, attr: FieldExpr, lit: StaticNode): FieldExpr | null {
  const v = lit.value;
  if (v.kind === 'int') {
    return cmp(op, attr, num(v.value, 'float'));
  }
  if (v.kind !== 'float' || !Number.isFinite(v.value)) {
    return null;
  }
  const x = v.value;
  if (Number.isInteger(x)) {
    return Number.isSafeInteger(x) ? cmp(op, attr, num(x, 'int')) : null;
  }
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  switch (op) {
    case '>':
    case '<=':
      return cmp(op, attr, num(lo, 'int'));
    case '>=':
    case '<':
      return cmp(op, attr, num(hi, 'int'));
    case '=':
      return null;
    case '!=':
      return {
        type: 'FieldParen',
        expr: {
          type: 'FieldBinary',
          op: '||',
          left: cmp('<=', attr, num(lo, 'int')),
          right: cmp('>=', attr, num(hi, 'int')),
          ...P,
        },
        ...P,
      };
  }
}

/** A field expression with every attribute-number comparison asked in both numeric types. */
export function bothNumericTypes(e: FieldExpr): FieldExpr {
  switch (e.type) {
    case 'FieldBinary': {
      if (comparesAttributeWithNumber(e)) {
        // comparison() puts the attribute on the left and flips the operator to match.
        const c = comparison(e) as Comparison;
        const alt = otherType(c.op as Cmp, c.field, c.value);
        return alt === null ? e : or(e, alt);
      }
      const left = bothNumericTypes(e.left);
      const right = bothNumericTypes(e.right);
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
    case 'FieldUnary': {
      const operand = bothNumericTypes(e.operand);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'FieldParen': {
      const expr = bothNumericTypes(e.expr);
      return expr === e.expr ? e : { ...e, expr };
    }
    default:
      return e;
  }
}

/** The query with both-type comparisons, or null when it has no comparison to rewrite. */
export function rewriteNumericComparisons(root: RootNode): RootNode | null {
  return mapFilterConditions(root, bothNumericTypes);
}
