import fc from 'fast-check';
import {
  AggregateNode,
  AttributeNode,
  FieldBinaryOp,
  FieldExpr,
  HintNode,
  IntrinsicNode,
  MetricsExpr,
  MetricsFnName,
  MetricsFnNode,
  MetricsQueryNode,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  RootNode,
  ScalarExpr,
  SpansetExpr,
  SpansetFilterNode,
  StaticNode,
  StaticValue,
} from './ast';
import { LEGACY_INTRINSICS, SCOPED_INTRINSICS } from './names';
import { formatStaticValue } from './printLiterals';

/**
 * Test-only generators of ASTs from the grammar, shaped the way the parser builds them: parentheses
 * appear as nodes exactly where precedence needs them, unary minus on a literal is folded into the
 * literal. The precedence table here is written from the reference (protocols.md §1.2), apart from
 * the parser's own, so round-trip tests check one against the other.
 */

const P = { from: 0, to: 0 };
const FIELD_LEVEL: Record<string, number> = {
  '||': 1,
  '&&': 1,
  '=': 2,
  '!=': 2,
  '<': 2,
  '<=': 2,
  '>': 2,
  '>=': 2,
  '=~': 2,
  '!~': 2,
  '+': 3,
  '-': 3,
  '*': 5,
  '/': 5,
  '%': 5,
  '^': 6,
};
const NOT_LEVEL = 4.5;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function lit(value: StaticValue): StaticNode {
  return { type: 'Static', value, raw: formatStaticValue(value), ...P };
}

const int64 = fc
  .bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
  .map((b) => (Number.isSafeInteger(Number(b)) ? Number(b) : b));
const finiteDouble = fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0));

export const numericStatic: fc.Arbitrary<StaticNode> = fc.oneof(
  int64.map((value) => lit({ kind: 'int', value })),
  finiteDouble.map((value) => lit({ kind: 'float', value })),
  fc.integer({ min: -1e15, max: 1e15 }).map((value) => lit({ kind: 'duration', value }))
);

export const staticNode: fc.Arbitrary<StaticNode> = fc.oneof(
  numericStatic,
  fc
    .string({ maxLength: 12, unit: 'binary' })
    .filter((s) => !LONE_SURROGATE.test(s))
    .map((value) => lit({ kind: 'string', value })),
  fc.boolean().map((value) => lit({ kind: 'bool', value })),
  fc.constant(lit({ kind: 'nil' })),
  fc.constantFrom('ok' as const, 'error' as const, 'unset' as const).map((value) => lit({ kind: 'status', value })),
  fc
    .constantFrom('unspecified' as const, 'internal' as const, 'server' as const, 'client' as const)
    .map((value) => lit({ kind: 'spanKind', value }))
);

const attributeName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_.]{0,10}$/),
  fc.string({ minLength: 1, maxLength: 8, unit: 'grapheme-ascii' })
);

export const attributeNode: fc.Arbitrary<AttributeNode> = fc
  .record({
    scope: fc.constantFrom(
      'span' as const,
      'resource' as const,
      'event' as const,
      'link' as const,
      'instrumentation' as const,
      'unscoped' as const
    ),
    parent: fc.boolean(),
    name: attributeName,
  })
  .map(({ scope, parent, name }) => ({
    type: 'Attribute' as const,
    scope,
    // `parent.` combines only with span, resource, or no scope.
    parent: parent && (scope === 'span' || scope === 'resource' || scope === 'unscoped'),
    name,
    ...P,
  }));

const SPELLINGS = [...Object.keys(LEGACY_INTRINSICS), ...Object.keys(SCOPED_INTRINSICS)];
export const intrinsicNode: fc.Arbitrary<IntrinsicNode> = fc.constantFrom(...SPELLINGS).map((raw) => ({
  type: 'Intrinsic' as const,
  name: LEGACY_INTRINSICS[raw] ?? SCOPED_INTRINSICS[raw],
  raw,
  ...P,
}));

const fieldRef: fc.Arbitrary<AttributeNode | IntrinsicNode> = fc.oneof(attributeNode, intrinsicNode);

function paren(expr: FieldExpr): FieldExpr {
  return { type: 'FieldParen', expr, ...P };
}

function levelOf(e: FieldExpr): number {
  if (e.type === 'FieldBinary') {
    return FIELD_LEVEL[e.op];
  }
  return e.type === 'FieldUnary' && e.op === '!' ? NOT_LEVEL : 9;
}

/** Wraps an operand where the text would otherwise group differently. */
function operand(e: FieldExpr, op: string, side: 'left' | 'right'): FieldExpr {
  const parent = FIELD_LEVEL[op];
  if (e.type === 'FieldUnary' && e.op === '!') {
    // `!` reaches over every tighter operator that follows it.
    return parent > NOT_LEVEL ? paren(e) : e;
  }
  const child = levelOf(e);
  if (child > parent || (child === parent && (op === '^' ? side === 'right' : side === 'left'))) {
    return e;
  }
  return paren(e);
}

export const fieldExpr: fc.Arbitrary<FieldExpr> = fc.letrec<{ field: FieldExpr }>((tie) => ({
  field: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    staticNode,
    attributeNode,
    intrinsicNode,
    fc
      .record({ op: fc.constantFrom(...Object.keys(FIELD_LEVEL)), left: tie('field'), right: tie('field') })
      .map(({ op, left, right }) => ({
        type: 'FieldBinary' as const,
        op: op as FieldBinaryOp,
        left: operand(left, op, 'left'),
        right: operand(right, op, 'right'),
        ...P,
      })),
    tie('field').map((e) => paren(e)),
    tie('field').map((e): FieldExpr => {
      const inner = e.type === 'FieldBinary' && FIELD_LEVEL[e.op] < 5 ? paren(e) : e;
      return { type: 'FieldUnary', op: '!', operand: inner, ...P };
    }),
    tie('field')
      .filter((e) => !(e.type === 'Static' && ['int', 'float', 'duration'].includes(e.value.kind)))
      .map((e): FieldExpr => {
        const inner = e.type === 'FieldBinary' || (e.type === 'FieldUnary' && e.op === '!') ? paren(e) : e;
        return { type: 'FieldUnary', op: '-', operand: inner, ...P };
      })
  ),
})).field;

export const spansetFilter: fc.Arbitrary<SpansetFilterNode> = fc
  .option(fieldExpr, { nil: null })
  .map((expr) => ({ type: 'SpansetFilter', expr, ...P }));

const SPANSET_OPS = [
  '&&',
  '||',
  '>>',
  '<<',
  '>',
  '<',
  '~',
  '!>>',
  '!<<',
  '!>',
  '!<',
  '!~',
  '&>>',
  '&<<',
  '&>',
  '&<',
  '&~',
];
const spansetLevel = (s: SpansetExpr): number =>
  s.type === 'SpansetBinary' ? (s.op === '&&' || s.op === '||' ? 2 : 3) : 9;

function spansetOperand(s: SpansetExpr, level: number, side: 'left' | 'right'): SpansetExpr {
  const child = spansetLevel(s);
  return child > level || (child === level && side === 'left') ? s : { type: 'SpansetParen', expr: s, ...P };
}

const SCALAR_LEVEL: Record<string, number> = { '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };

function scalarOperand(e: ScalarExpr, op: string, side: 'left' | 'right'): ScalarExpr {
  const child = e.type === 'ScalarBinary' ? SCALAR_LEVEL[e.op] : 9;
  const parent = SCALAR_LEVEL[op];
  return child > parent || (child === parent && (op === '^' ? side === 'right' : side === 'left'))
    ? e
    : { type: 'ScalarParen', expr: e, ...P };
}

const aggregate: fc.Arbitrary<AggregateNode> = fc.oneof(
  fc.constant<AggregateNode>({ type: 'Aggregate', fn: 'count', arg: null, ...P }),
  fc
    .record({ fn: fc.constantFrom('avg' as const, 'min' as const, 'max' as const, 'sum' as const), arg: fieldExpr })
    .map(({ fn, arg }) => ({ type: 'Aggregate' as const, fn, arg, ...P }))
);

const scalarExpr: fc.Arbitrary<ScalarExpr> = fc.letrec<{ s: ScalarExpr }>((tie) => ({
  s: fc.oneof(
    { depthSize: 'small' },
    aggregate,
    numericStatic,
    fc
      .record({ op: fc.constantFrom(...Object.keys(SCALAR_LEVEL)), left: tie('s'), right: tie('s') })
      .map(({ op, left, right }): ScalarExpr => ({
        type: 'ScalarBinary',
        op: op as '+',
        left: scalarOperand(left, op, 'left'),
        right: scalarOperand(right, op, 'right'),
        ...P,
      })),
    tie('s').map((expr): ScalarExpr => ({ type: 'ScalarParen', expr, ...P }))
  ),
})).s;

function hasAggregate(e: ScalarExpr): boolean {
  return (
    e.type === 'Aggregate' ||
    (e.type === 'ScalarParen' && hasAggregate(e.expr)) ||
    (e.type === 'ScalarBinary' && (hasAggregate(e.left) || hasAggregate(e.right)))
  );
}

const scalarFilter: fc.Arbitrary<PipelineStage> = fc
  .record({
    op: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
    left: scalarExpr,
    right: scalarExpr,
  })
  .filter(({ left, right }) => hasAggregate(left) || hasAggregate(right))
  .map(({ op, left, right }) => ({ type: 'ScalarFilter' as const, op, left, right, ...P }));

const otherStage: fc.Arbitrary<PipelineStage> = fc.oneof(
  scalarFilter,
  fieldExpr.map((expr): PipelineStage => ({ type: 'GroupBy', expr, ...P })),
  fc.array(fieldRef, { minLength: 1, maxLength: 3 }).map((fields): PipelineStage => ({ type: 'Select', fields, ...P }))
);

const { spanset, pipeline } = fc.letrec<{ spanset: SpansetExpr; pipeline: PipelineNode }>((tie) => ({
  spanset: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    spansetFilter,
    fc
      .record({ op: fc.constantFrom(...SPANSET_OPS), left: tie('spanset'), right: tie('spanset') })
      .map(({ op, left, right }): SpansetExpr => {
        const level = op === '&&' || op === '||' ? 2 : 3;
        return {
          type: 'SpansetBinary',
          op: op as '&&',
          left: spansetOperand(left, level, 'left'),
          right: spansetOperand(right, level, 'right'),
          ...P,
        };
      }),
    tie('spanset').map((expr): SpansetExpr => ({ type: 'SpansetParen', expr, ...P })),
    // A wrapped pipeline of a single spanset would read back as plain parentheses.
    tie('pipeline')
      .filter(
        (p) =>
          p.stages.length > 1 ||
          !['SpansetFilter', 'SpansetBinary', 'SpansetParen', 'WrappedPipeline'].includes(p.stages[0].type)
      )
      .map((p): SpansetExpr => ({ type: 'WrappedPipeline', pipeline: p, ...P }))
  ),
  pipeline: fc
    .record({
      first: fc.oneof(tie('spanset') as fc.Arbitrary<PipelineStage>, otherStage),
      rest: fc.array(
        fc.oneof(
          tie('spanset') as fc.Arbitrary<PipelineStage>,
          otherStage,
          fc.constant<PipelineStage>({ type: 'Coalesce', ...P })
        ),
        { maxLength: 3 }
      ),
    })
    .map(({ first, rest }): PipelineNode => ({ type: 'Pipeline', stages: [first, ...rest], ...P })),
}));

export { spanset as spansetExpr, pipeline as pipelineNode };

const quantile = fc.double({ min: 0, max: 1, noNaN: true }).filter((x) => !Object.is(x, -0));

const metricsFn: fc.Arbitrary<MetricsFnNode> = fc
  .record({
    name: fc.constantFrom<MetricsFnName>(
      'rate',
      'count_over_time',
      'min_over_time',
      'max_over_time',
      'avg_over_time',
      'sum_over_time',
      'quantile_over_time',
      'histogram_over_time',
      'compare'
    ),
    attr: fieldRef,
    quantiles: fc.array(quantile, { minLength: 1, maxLength: 3 }),
    selector: spansetFilter,
    topN: fc.integer({ min: 1, max: 50 }),
    window: fc.option(fc.tuple(fc.nat(), fc.nat()), { nil: undefined }),
    by: fc.array(fieldRef, { maxLength: 3 }),
  })
  .map(({ name, attr, quantiles, selector, topN, window, by }): MetricsFnNode => ({
    type: 'MetricsFn',
    name,
    attr: name === 'rate' || name === 'count_over_time' || name === 'compare' ? null : attr,
    quantiles: name === 'quantile_over_time' ? quantiles : [],
    compare: name === 'compare' ? { selector, topN, ...(window ? { start: window[0], end: window[1] } : {}) } : null,
    // compare() takes no by(); the parser refuses one.
    by: name === 'compare' ? [] : by,
    ...P,
  }));

const secondStage: fc.Arbitrary<MetricsSecondStage> = fc.oneof(
  fc
    .record({ t: fc.constantFrom('TopK' as const, 'BottomK' as const), n: fc.nat(100) })
    .map(({ t, n }): MetricsSecondStage => ({ type: t, n, ...P })),
  fc
    .record({
      op: fc.constantFrom('=' as const, '!=' as const, '<' as const, '<=' as const, '>' as const, '>=' as const),
      value: numericStatic,
    })
    .map(({ op, value }): MetricsSecondStage => ({ type: 'MetricsFilter', op, value, ...P }))
);

export const metricsQuery: fc.Arbitrary<MetricsQueryNode> = fc
  .record({ pipeline, fn: metricsFn, secondStages: fc.array(secondStage, { maxLength: 3 }) })
  .map(({ pipeline: p, fn, secondStages }) => ({ type: 'MetricsQuery' as const, pipeline: p, fn, secondStages, ...P }));

const metricsScalar: fc.Arbitrary<MetricsExpr> = fc
  .oneof(
    fc.integer({ min: -1000, max: 1000 }).map((value) => ({ value, raw: String(value) })),
    quantile.map((value) => ({ value, raw: formatStaticValue({ kind: 'float', value }) }))
  )
  .map(({ value, raw }) => ({ type: 'MetricsScalar' as const, value, raw, ...P }));

function metricsOperand(m: MetricsExpr, op: string, side: 'left' | 'right'): MetricsExpr {
  if (m.type === 'MetricsQuery') {
    return { type: 'MetricsParen', expr: m, ...P };
  }
  const child = m.type === 'MetricsBinary' ? SCALAR_LEVEL[m.op] : 9;
  const parent = SCALAR_LEVEL[op];
  return child > parent || (child === parent && side === 'left') ? m : { type: 'MetricsParen', expr: m, ...P };
}

export const metricsArithmetic: fc.Arbitrary<MetricsExpr> = fc
  .record({
    op: fc.constantFrom('+' as const, '-' as const, '*' as const, '/' as const),
    left: fc.oneof(metricsQuery as fc.Arbitrary<MetricsExpr>, metricsScalar),
    right: metricsQuery,
  })
  .chain(({ op, left, right }) =>
    fc.boolean().map((swap): MetricsExpr => {
      const [l, r] = swap ? [right as MetricsExpr, left] : [left, right as MetricsExpr];
      return {
        type: 'MetricsBinary',
        op,
        left: metricsOperand(l, op, 'left'),
        right: metricsOperand(r, op, 'right'),
        ...P,
      };
    })
  );

const hint: fc.Arbitrary<HintNode> = fc
  .record({
    name: fc.stringMatching(/^[a-z_][a-z0-9_]{0,10}$/),
    // A hint value is a bare literal: Tempo's grammar (and ours) takes no sign.
    value: staticNode.filter((v) => !v.raw.startsWith('-')),
  })
  .map(({ name, value }) => ({ name, value, ...P }));

/** Second stages on a whole parenthesised query or arithmetic: `({} | rate()) > 1`, `(A) + (B) | topk(2)`. */
const metricsStaged: fc.Arbitrary<MetricsExpr> = fc
  .record({
    expr: fc.oneof(
      metricsQuery.map((q): MetricsExpr => ({ type: 'MetricsParen', expr: q, ...P })),
      metricsArithmetic
    ),
    stages: fc.array(secondStage, { minLength: 1, maxLength: 3 }),
  })
  .map(({ expr, stages }): MetricsExpr => ({ type: 'MetricsStaged', expr, stages, ...P }));

export const rootNode: fc.Arbitrary<RootNode> = fc
  .record({
    query: fc.oneof(
      pipeline as fc.Arbitrary<PipelineNode | MetricsExpr>,
      metricsQuery,
      metricsArithmetic,
      metricsStaged
    ),
    hints: fc.array(hint, { maxLength: 2 }),
  })
  .map(({ query, hints }) => ({ type: 'Root' as const, query, hints, ...P }));
