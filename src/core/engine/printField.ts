/**
 * Prints field expressions the way Tempo names derived attributes: `by(resource.service.name)`,
 * `avg(duration)`. Independent of the parser's printer so the engine's labels stay stable.
 */
import type { AggregateNode, AttributeNode, FieldExpr, IntrinsicNode, StaticNode } from '../traceql/ast';

const PLAIN_NAME = /^[^\s{}()=~!<>&|^,"]+$/;

export function printAttribute(a: AttributeNode): string {
  const name = PLAIN_NAME.test(a.name) ? a.name : JSON.stringify(a.name);
  // Unscoped is `.name`, and `parent.` already ends in the dot: `parent.name`, not `parent..name`.
  if (a.scope === 'unscoped') {
    return a.parent ? `parent.${name}` : `.${name}`;
  }
  return (a.parent ? 'parent.' : '') + a.scope + '.' + name;
}

export function printIntrinsic(i: IntrinsicNode): string {
  return i.raw !== '' ? i.raw : i.name;
}

function printStatic(s: StaticNode): string {
  if (s.raw !== '') {
    return s.raw;
  }
  const v = s.value;
  switch (v.kind) {
    case 'string':
      return JSON.stringify(v.value);
    case 'nil':
      return 'nil';
    default:
      return String(v.value);
  }
}

export function printField(e: FieldExpr): string {
  switch (e.type) {
    case 'Static':
      return printStatic(e);
    case 'Attribute':
      return printAttribute(e);
    case 'Intrinsic':
      return printIntrinsic(e);
    case 'FieldParen':
      return '(' + printField(e.expr) + ')';
    case 'FieldUnary':
      return e.op + printField(e.operand);
    case 'FieldBinary':
      return printField(e.left) + ' ' + e.op + ' ' + printField(e.right);
  }
}

export function printAggregate(a: AggregateNode): string {
  return a.fn + '(' + (a.arg === null ? '' : printField(a.arg)) + ')';
}
