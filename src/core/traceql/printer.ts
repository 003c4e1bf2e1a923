import {
  FieldExpr,
  MetricsExpr,
  MetricsFnNode,
  MetricsQueryNode,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  RootNode,
  ScalarExpr,
  SpansetExpr,
} from './ast';
import { FIELD_PRECEDENCE } from './parseField';
import { COMPARE_DEFAULT_TOP_N } from './parseMetrics';
import { formatStaticValue, printAttribute, printIntrinsic, printStatic } from './printLiterals';

/**
 * AST back to canonical TraceQL text with stable spacing. Parentheses the user wrote are nodes and
 * come back; where a hand-built AST needs parentheses for its shape to survive re-parsing, the
 * printer adds them, so the output always means the tree it was given.
 */
export function printTraceQL(root: RootNode): string {
  const query = root.query.type === 'Pipeline' ? printPipeline(root.query) : printMetrics(root.query);
  if (root.hints.length === 0) {
    return query;
  }
  return `${query} with(${root.hints.map((h) => `${h.name}=${printStatic(h.value)}`).join(', ')})`;
}

export function printPipeline(p: PipelineNode): string {
  return p.stages.map(printStage).join(' | ');
}

function printStage(s: PipelineStage): string {
  switch (s.type) {
    case 'ScalarFilter':
      return `${printScalar(s.left, 3, 'left')} ${s.op} ${printScalar(s.right, 3, 'right')}`;
    case 'GroupBy':
      return `by(${printField(s.expr)})`;
    case 'Coalesce':
      return 'coalesce()';
    case 'Select':
      return `select(${s.fields.map((f) => (f.type === 'Attribute' ? printAttribute(f) : printIntrinsic(f))).join(', ')})`;
    default:
      return printSpanset(s);
  }
}

/** Is a child with precedence `child` safe without parentheses under an operator of `parent`? */
function fits(child: number, parent: number, side: 'left' | 'right', rightAssoc: boolean): boolean {
  if (child !== parent) {
    return child > parent;
  }
  return rightAssoc ? side === 'right' : side === 'left';
}

const spansetPrecedence = (op: string): number => (op === '&&' || op === '||' ? 2 : 3);

export function printSpanset(s: SpansetExpr, parent = 0, side: 'left' | 'right' = 'left'): string {
  switch (s.type) {
    case 'SpansetFilter':
      return s.expr === null ? '{}' : `{ ${printField(s.expr)} }`;
    case 'SpansetParen':
      return `(${printSpanset(s.expr)})`;
    case 'WrappedPipeline':
      return `(${printPipeline(s.pipeline)})`;
    case 'SpansetBinary': {
      const p = spansetPrecedence(s.op);
      const text = `${printSpanset(s.left, p, 'left')} ${s.op} ${printSpanset(s.right, p, 'right')}`;
      return fits(p, parent, side, false) ? text : `(${text})`;
    }
  }
}

const NOT_LEVEL = 5;

export function printField(e: FieldExpr, parent = 0, side: 'left' | 'right' = 'left'): string {
  switch (e.type) {
    case 'Static':
      return printStatic(e);
    case 'Attribute':
      return printAttribute(e);
    case 'Intrinsic':
      return printIntrinsic(e);
    case 'FieldParen':
      return `(${printField(e.expr)})`;
    case 'FieldUnary': {
      const operand = e.operand;
      const wrap =
        e.op === '-'
          ? operand.type === 'FieldBinary' || (operand.type === 'FieldUnary' && operand.op === '!')
          : operand.type === 'FieldBinary' && FIELD_PRECEDENCE[operand.op] < NOT_LEVEL;
      const inner = printField(operand);
      const text = `${e.op}${wrap ? `(${inner})` : inner}`;
      // `!x` swallows any tighter operator that follows it, so under one it needs parentheses.
      return e.op === '!' && parent >= NOT_LEVEL ? `(${text})` : text;
    }
    case 'FieldBinary': {
      const p = FIELD_PRECEDENCE[e.op];
      const text = `${printField(e.left, p, 'left')} ${e.op} ${printField(e.right, p, 'right')}`;
      return fits(p, parent, side, e.op === '^') ? text : `(${text})`;
    }
  }
}

const SCALAR_PRECEDENCE: Readonly<Record<string, number>> = { '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };

export function printScalar(e: ScalarExpr, parent = 0, side: 'left' | 'right' = 'left'): string {
  switch (e.type) {
    case 'Static':
      return printStatic(e);
    case 'Aggregate':
      return `${e.fn}(${e.arg === null ? '' : printField(e.arg)})`;
    case 'ScalarParen':
      return `(${printScalar(e.expr)})`;
    case 'ScalarBinary': {
      const p = SCALAR_PRECEDENCE[e.op];
      const text = `${printScalar(e.left, p, 'left')} ${e.op} ${printScalar(e.right, p, 'right')}`;
      return fits(p, parent, side, e.op === '^') ? text : `(${text})`;
    }
  }
}

export function printMetrics(m: MetricsExpr, parent = 0, side: 'left' | 'right' = 'left'): string {
  switch (m.type) {
    case 'MetricsQuery': {
      const text = printMetricsQuery(m);
      return parent > 0 ? `(${text})` : text;
    }
    case 'MetricsParen':
      return `(${printMetrics(m.expr)})`;
    case 'MetricsScalar':
      return m.raw !== ''
        ? m.raw
        : formatStaticValue({ kind: Number.isInteger(m.value) ? 'int' : 'float', value: m.value });
    case 'MetricsBinary': {
      const p = SCALAR_PRECEDENCE[m.op];
      const text = `${printMetrics(m.left, p, 'left')} ${m.op} ${printMetrics(m.right, p, 'right')}`;
      return fits(p, parent, side, false) ? text : `(${text})`;
    }
  }
}

function printMetricsQuery(q: MetricsQueryNode): string {
  return `${printPipeline(q.pipeline)} | ${printMetricsFn(q.fn)}${q.secondStages.map(printSecondStage).join('')}`;
}

function printSecondStage(s: MetricsSecondStage): string {
  switch (s.type) {
    case 'TopK':
      return ` | topk(${s.n})`;
    case 'BottomK':
      return ` | bottomk(${s.n})`;
    case 'MetricsFilter':
      return ` ${s.op} ${printStatic(s.value)}`;
  }
}

export function printMetricsFn(fn: MetricsFnNode): string {
  const args: string[] = [];
  if (fn.attr !== null) {
    args.push(fn.attr.type === 'Attribute' ? printAttribute(fn.attr) : printIntrinsic(fn.attr));
  }
  args.push(...fn.quantiles.map((q) => String(q)));
  if (fn.compare !== null) {
    const { selector, topN, start, end } = fn.compare;
    args.push(printSpanset(selector));
    if (topN !== COMPARE_DEFAULT_TOP_N || start !== undefined) {
      args.push(String(topN));
    }
    if (start !== undefined && end !== undefined) {
      args.push(String(start), String(end));
    }
  }
  const by =
    fn.by.length === 0
      ? ''
      : ` by (${fn.by.map((f) => (f.type === 'Attribute' ? printAttribute(f) : printIntrinsic(f))).join(', ')})`;
  return `${fn.name}(${args.join(', ')})${by}`;
}
