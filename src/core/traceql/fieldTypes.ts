import { FieldExpr, IntrinsicName, StaticValue } from './ast';

/**
 * Static types of field expressions, as Tempo's validator sees them. `attribute` is unknown until a
 * span is read, so it is compatible with everything; `parent` is the bare `parent` intrinsic, which
 * only makes sense compared with nil.
 */
export type FieldType =
  'string' | 'int' | 'float' | 'duration' | 'bool' | 'status' | 'kind' | 'nil' | 'attribute' | 'parent';

export const INTRINSIC_TYPES: Readonly<Record<IntrinsicName, FieldType>> = {
  'span:name': 'string',
  'span:duration': 'duration',
  'span:status': 'status',
  'span:statusMessage': 'string',
  'span:kind': 'kind',
  'span:id': 'string',
  'span:parentID': 'string',
  'span:childCount': 'int',
  'trace:duration': 'duration',
  'trace:rootName': 'string',
  'trace:rootService': 'string',
  'trace:id': 'string',
  'event:name': 'string',
  'event:timeSinceStart': 'duration',
  'link:traceID': 'string',
  'link:spanID': 'string',
  'instrumentation:name': 'string',
  'instrumentation:version': 'string',
  parent: 'parent',
  nestedSetLeft: 'int',
  nestedSetRight: 'int',
  nestedSetParent: 'int',
};

export function staticType(v: StaticValue): FieldType {
  return v.kind === 'spanKind' ? 'kind' : v.kind;
}

export function isNumeric(t: FieldType): boolean {
  return t === 'int' || t === 'float' || t === 'duration';
}

/** Tempo's isMatchingOperand: numbers mix freely, nil and unknown attributes match anything. */
export function typesMatch(a: FieldType, b: FieldType): boolean {
  if (a === 'attribute' || b === 'attribute' || a === 'nil' || b === 'nil') {
    return true;
  }
  return a === b || (isNumeric(a) && isNumeric(b));
}

/** Whether an expression reads anything from the span (an aggregate of a constant is meaningless). */
export function referencesSpan(e: FieldExpr): boolean {
  // An explicit stack: left-deep chains of thousands of conditions must not exhaust the call stack.
  const stack: FieldExpr[] = [e];
  for (let cur = stack.pop(); cur !== undefined; cur = stack.pop()) {
    switch (cur.type) {
      case 'Attribute':
      case 'Intrinsic':
        return true;
      case 'Static':
        break;
      case 'FieldParen':
        stack.push(cur.expr);
        break;
      case 'FieldUnary':
        stack.push(cur.operand);
        break;
      case 'FieldBinary':
        stack.push(cur.right, cur.left);
        break;
    }
  }
  return false;
}
