import {
  FieldBinaryOp,
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

type Side = 'left' | 'right';
interface Binary<N> {
  readonly op: string;
  readonly left: N;
  readonly right: N;
}

/**
 * Prints a left-deep chain of binary operators in a loop rather than by recursion, so a query with
 * thousands of `&&` conditions prints without exhausting the stack.
 */
function printChain<N>(
  node: N & Binary<N>,
  isBinary: (n: N) => n is N & Binary<N>,
  precedence: (op: string) => number,
  print: (n: N, parent: number, side: Side) => string,
  parent: number,
  side: Side
): string {
  const spine: Array<N & Binary<N>> = [node];
  let base: N = node.left;
  while (isBinary(base)) {
    spine.push(base);
    base = base.left;
  }
  let text = '';
  let childPrecedence = -1;
  for (let i = spine.length - 1; i >= 0; i--) {
    const n = spine[i];
    const p = precedence(n.op);
    const rightAssoc = n.op === '^';
    const left =
      i === spine.length - 1
        ? print(base, p, 'left')
        : fits(childPrecedence, p, 'left', rightAssoc)
          ? text
          : `(${text})`;
    text = `${left} ${n.op} ${print(n.right, p, 'right')}`;
    childPrecedence = p;
  }
  return fits(childPrecedence, parent, side, node.op === '^') ? text : `(${text})`;
}

const spansetPrecedence = (op: string): number => (op === '&&' || op === '||' ? 2 : 3);

export function printSpanset(s: SpansetExpr, parent = 0, side: Side = 'left'): string {
  switch (s.type) {
    case 'SpansetFilter':
      return s.expr === null ? '{}' : `{ ${printField(s.expr)} }`;
    case 'SpansetParen':
      return `(${printSpanset(s.expr)})`;
    case 'WrappedPipeline':
      return `(${printPipeline(s.pipeline)})`;
    case 'SpansetBinary':
      return printChain<SpansetExpr>(
        s,
        (n) => n.type === 'SpansetBinary',
        spansetPrecedence,
        printSpanset,
        parent,
        side
      );
  }
}

const NOT_LEVEL = 5;

export function printField(e: FieldExpr, parent = 0, side: Side = 'left'): string {
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
    case 'FieldBinary':
      return printChain<FieldExpr>(
        e,
        (n) => n.type === 'FieldBinary',
        (op) => FIELD_PRECEDENCE[op as FieldBinaryOp],
        printField,
        parent,
        side
      );
  }
}

const SCALAR_PRECEDENCE: Readonly<Record<string, number>> = { '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };

export function printScalar(e: ScalarExpr, parent = 0, side: Side = 'left'): string {
  switch (e.type) {
    case 'Static':
      return printStatic(e);
    case 'Aggregate':
      return `${e.fn}(${e.arg === null ? '' : printField(e.arg)})`;
    case 'ScalarParen':
      return `(${printScalar(e.expr)})`;
    case 'ScalarPipeline':
      return `(${printPipeline(e.pipeline)} | ${printScalar(e.aggregate)})`;
    case 'ScalarBinary':
      return printChain<ScalarExpr>(
        e,
        (n) => n.type === 'ScalarBinary',
        (op) => SCALAR_PRECEDENCE[op],
        printScalar,
        parent,
        side
      );
  }
}

export function printMetrics(m: MetricsExpr, parent = 0, side: Side = 'left'): string {
  switch (m.type) {
    case 'MetricsQuery': {
      const text = printMetricsQuery(m);
      return parent > 0 ? `(${text})` : text;
    }
    case 'MetricsParen':
      return `(${printMetrics(m.expr)})`;
    case 'MetricsStaged': {
      const text = `${printMetrics(m.expr)}${m.stages.map(printSecondStage).join('')}`;
      return parent > 0 ? `(${text})` : text;
    }
    case 'MetricsScalar':
      return m.raw !== ''
        ? m.raw
        : formatStaticValue({ kind: Number.isInteger(m.value) ? 'int' : 'float', value: m.value });
    case 'MetricsBinary':
      return printChain<MetricsExpr>(
        m,
        (n) => n.type === 'MetricsBinary',
        (op) => SCALAR_PRECEDENCE[op],
        printMetrics,
        parent,
        side
      );
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
