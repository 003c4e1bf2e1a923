import type { AttributeNode, FieldExpr, IntrinsicNode, StaticNode } from '../../../core/traceql/ast';
import { parseTraceQL, printAttributeName } from '../../language/traceql';
import { EMPTY_MODEL, type AttributeFilter, type BuilderModel, type FilterOperator, type ValueType } from './model';

const COMPARISONS = new Set(['=', '!=', '>', '>=', '<', '<=', '=~', '!~']);

type Leaf = { field: AttributeNode | IntrinsicNode; op: string; value: StaticNode };

/** `a && b && c` without parentheses or `||`; anything else is beyond the builder. */
function conjuncts(e: FieldExpr, out: Leaf[]): boolean {
  if (e.type === 'FieldBinary' && e.op === '&&') {
    return conjuncts(e.left, out) && conjuncts(e.right, out);
  }
  if (
    e.type === 'FieldBinary' &&
    COMPARISONS.has(e.op) &&
    (e.left.type === 'Attribute' || e.left.type === 'Intrinsic') &&
    e.right.type === 'Static'
  ) {
    out.push({ field: e.left, op: e.op, value: e.right });
    return true;
  }
  return false;
}

function valueOf(s: StaticNode): { value: string; type: ValueType } | undefined {
  const v = s.value;
  switch (v.kind) {
    case 'string':
      return { value: v.value, type: 'string' };
    case 'int':
    case 'float':
      return { value: s.raw, type: 'number' };
    case 'bool':
      return { value: String(v.value), type: 'bool' };
    case 'duration':
      return { value: s.raw, type: 'duration' };
    case 'status':
    case 'spanKind':
      // Written bare (`kind = server`), never quoted.
      return { value: v.value, type: 'keyword' };
    case 'nil':
      return undefined;
  }
}

function keyOf(field: AttributeNode | IntrinsicNode): string {
  return field.type === 'Attribute' ? printAttributeName(field) : field.raw;
}

/** Applies one condition to the model; false when the builder cannot show it. */
function absorb(m: BuilderModel, leaf: Leaf): boolean {
  const { field, op, value } = leaf;
  const v = value.value;
  if (
    field.type === 'Attribute' &&
    field.scope === 'resource' &&
    !field.parent &&
    field.name === 'service.name' &&
    op === '=' &&
    v.kind === 'string' &&
    m.service === ''
  ) {
    m.service = v.value;
    return true;
  }
  if (
    field.type === 'Intrinsic' &&
    field.name === 'span:name' &&
    op === '=' &&
    v.kind === 'string' &&
    m.spanName === ''
  ) {
    m.spanName = v.value;
    return true;
  }
  if (
    field.type === 'Intrinsic' &&
    field.name === 'span:status' &&
    op === '=' &&
    v.kind === 'status' &&
    m.status === ''
  ) {
    m.status = v.value;
    return true;
  }
  // The first lower and the first upper bound on the span's duration fill the two duration
  // fields, strict or not; any further bound on duration stays an attribute row.
  if (field.type === 'Intrinsic' && field.name === 'span:duration' && v.kind === 'duration') {
    if ((op === '>' || op === '>=') && m.minDuration === '') {
      m.minDuration = value.raw;
      m.minDurationOp = op;
      return true;
    }
    if ((op === '<' || op === '<=') && m.maxDuration === '') {
      m.maxDuration = value.raw;
      m.maxDurationOp = op;
      return true;
    }
  }
  if (v.kind === 'nil') {
    if (op !== '=' && op !== '!=') {
      return false;
    }
    m.filters.push({ key: keyOf(field), op: op === '=' ? 'missing' : 'exists', value: '', type: 'string' });
    return true;
  }
  const val = valueOf(value);
  if (!val) {
    return false;
  }
  m.filters.push({ key: keyOf(field), op: op as FilterOperator, ...val } satisfies AttributeFilter);
  return true;
}

/**
 * The builder model for a query it can show (one spanset of `&&`-joined comparisons), or
 * undefined, in which case the editor offers code mode rather than dropping parts of the query.
 */
export function fromTraceQL(text: string): BuilderModel | undefined {
  if (text.trim() === '') {
    return { ...EMPTY_MODEL, filters: [] };
  }
  const parsed = parseTraceQL(text);
  if (!parsed.ok || parsed.value.hints.length > 0 || parsed.value.query.type !== 'Pipeline') {
    return undefined;
  }
  const stages = parsed.value.query.stages;
  if (stages.length !== 1 || stages[0].type !== 'SpansetFilter') {
    return undefined;
  }
  const m: BuilderModel = { ...EMPTY_MODEL, filters: [] };
  const expr = stages[0].expr;
  if (expr === null) {
    return m;
  }
  const leaves: Leaf[] = [];
  if (!conjuncts(expr, leaves)) {
    return undefined;
  }
  return leaves.every((leaf) => absorb(m, leaf)) ? m : undefined;
}
