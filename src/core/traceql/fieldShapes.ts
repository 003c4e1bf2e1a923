/**
 * Shapes of conditions that answer differently on Tempo (docs/tempo-compatibility.md, "Differences
 * from Tempo"); the Tempo backend plans around them and explain names them.
 */
import type { FieldExpr, StaticNode } from './ast';

const ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/', '%', '^']);

function unwrap(e: FieldExpr): FieldExpr {
  let cur = e;
  while (cur.type === 'FieldParen') {
    cur = cur.expr;
  }
  return cur;
}

/** `!( … )` around a comparison or a && / || of them (not `!.flag` or `!true`). */
export function negatesCondition(e: FieldExpr): boolean {
  if (e.type !== 'FieldUnary' || e.op !== '!') {
    return false;
  }
  const inner = unwrap(e.operand);
  return inner.type === 'FieldBinary' && !ARITHMETIC.has(inner.op);
}

export function isNumberLiteral(e: FieldExpr): e is StaticNode {
  return e.type === 'Static' && (e.value.kind === 'int' || e.value.kind === 'float');
}

/** Calls `visit` on `e` and every expression inside it. */
export function forEachSubexpression(e: FieldExpr, visit: (x: FieldExpr) => void): void {
  const stack: FieldExpr[] = [e];
  for (let cur = stack.pop(); cur !== undefined; cur = stack.pop()) {
    visit(cur);
    if (cur.type === 'FieldBinary') {
      stack.push(cur.right, cur.left);
    } else if (cur.type === 'FieldUnary') {
      stack.push(cur.operand);
    } else if (cur.type === 'FieldParen') {
      stack.push(cur.expr);
    }
  }
}
