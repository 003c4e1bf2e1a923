import {
  ArithmeticOp,
  ComparisonOp,
  MetricsExpr,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  ScalarExpr,
  SpansetOp,
} from './ast';
import { Cursor, describe } from './cursor';
import { QueryValue, scalarHasAggregate, valueFrom, valueNoun, valueTo } from './queryValues';
import { Token } from './tokens';

/**
 * Gives a query-level operator its meaning from the kinds of its operands: `>` between spansets is
 * "child of", between aggregates "greater than", after a metrics function a filter on results.
 * Every combination Tempo's grammar rejects fails here, at the operator, with a reason.
 */

export const SPANSET_OPS: ReadonlySet<string> = new Set<SpansetOp>([
  '&&',
  '||',
  '>',
  '<',
  '>>',
  '<<',
  '~',
  '!>',
  '!<',
  '!>>',
  '!<<',
  '!~',
  '&>',
  '&<',
  '&>>',
  '&<<',
  '&~',
]);

type FilterOp = Exclude<ComparisonOp, '=~' | '!~'>;
const COMPARISONS: ReadonlySet<string> = new Set<FilterOp>(['=', '!=', '<', '<=', '>', '>=']);
const ARITHMETIC: ReadonlySet<string> = new Set<ArithmeticOp>(['+', '-', '*', '/', '%', '^']);
const METRICS_ARITHMETIC: ReadonlySet<string> = new Set(['+', '-', '*', '/']);

/** Query-level binding strength; `|` is loosest, as in Tempo. */
export const QUERY_PRECEDENCE: Readonly<Record<string, number>> = (() => {
  const table: Record<string, number> = { '|': 1, '&&': 2, '||': 2, '+': 4, '-': 4, '*': 5, '/': 5, '%': 5, '^': 6 };
  for (const op of [...SPANSET_OPS, ...COMPARISONS]) {
    table[op] ??= 3;
  }
  return table;
})();

export function combine(c: Cursor, op: Token, left: QueryValue, right: QueryValue): QueryValue {
  const o = op.text;
  const span = { from: valueFrom(left), to: valueTo(right) };
  if (o === '|') {
    return pipe(c, op, left, right);
  }
  if (SPANSET_OPS.has(o) && left.t === 'spanset' && right.t === 'spanset') {
    return {
      t: 'spanset',
      node: { type: 'SpansetBinary', op: o as SpansetOp, left: left.node, right: right.node, ...span },
    };
  }
  if (COMPARISONS.has(o)) {
    return compare(c, op, o as FilterOp, left, right);
  }
  if (ARITHMETIC.has(o)) {
    return arithmetic(c, op, o as ArithmeticOp, left, right);
  }
  if (left.t !== 'spanset' || right.t !== 'spanset') {
    const bad = left.t !== 'spanset' ? left : right;
    return c.fail(op, `${describe(op)} needs a spanset on both sides, not ${valueNoun(bad)}`);
  }
  return c.fail(op, `unexpected ${describe(op)}`);
}

function compare(c: Cursor, op: Token, o: FilterOp, left: QueryValue, right: QueryValue): QueryValue {
  if (left.t === 'scalar' && right.t === 'scalar') {
    if (!scalarHasAggregate(left.node) && !scalarHasAggregate(right.node)) {
      c.failAt(left.node.from, right.node.to, 'a scalar filter needs an aggregate such as count() on one side');
    }
    return {
      t: 'scalarFilter',
      node: {
        type: 'ScalarFilter',
        op: o,
        left: left.node,
        right: right.node,
        from: left.node.from,
        to: right.node.to,
      },
    };
  }
  if (left.t === 'metricsFn' || left.t === 'secondStages') {
    const stage = metricsFilter(c, op, o, right);
    left.stages.push(stage);
    return { ...left, to: stage.to };
  }
  if (left.t === 'spanset' && right.t === 'spanset') {
    return c.fail(op, `${describe(op)} cannot combine spansets; use &&, ||, or a structural operator such as >>`);
  }
  if (left.t === 'metrics') {
    const stage = metricsFilter(c, op, o, right);
    return staged(left.node, [stage]);
  }
  const bad = left.t === 'scalar' ? right : left;
  return c.fail(op, `${describe(op)} compares aggregates and numbers, not ${valueNoun(bad)}`);
}

function metricsFilter(c: Cursor, op: Token, o: FilterOp, right: QueryValue): MetricsSecondStage {
  if (right.t !== 'scalar' || right.node.type !== 'Static') {
    return c.fail(op, `a comparison on metrics results takes a number, not ${valueNoun(right)}`);
  }
  return { type: 'MetricsFilter', op: o, value: right.node, from: op.from, to: right.node.to };
}

function arithmetic(c: Cursor, op: Token, o: ArithmeticOp, left: QueryValue, right: QueryValue): QueryValue {
  if (left.t === 'scalar' && right.t === 'scalar') {
    const node: ScalarExpr = {
      type: 'ScalarBinary',
      op: o,
      left: left.node,
      right: right.node,
      from: left.node.from,
      to: right.node.to,
    };
    return { t: 'scalar', node };
  }
  if ((left.t === 'metrics' || left.t === 'scalar') && (right.t === 'metrics' || right.t === 'scalar')) {
    if (!METRICS_ARITHMETIC.has(o)) {
      c.fail(op, `metrics arithmetic supports + - * /, not ${describe(op)}`);
    }
    const l = toMetricsOperand(c, left);
    const r = toMetricsOperand(c, right);
    return {
      t: 'metrics',
      node: { type: 'MetricsBinary', op: o as '+' | '-' | '*' | '/', left: l, right: r, from: l.from, to: r.to },
    };
  }
  if (left.t === 'pipeline' || right.t === 'pipeline' || left.t === 'spanset' || right.t === 'spanset') {
    return c.fail(
      op,
      `${describe(op)} cannot combine spansets; arithmetic works on numbers, aggregates and parenthesised metrics queries`
    );
  }
  const bad = left.t === 'scalar' || left.t === 'metrics' ? right : left;
  return c.fail(
    op,
    `${describe(op)} cannot take ${valueNoun(bad)}; metrics arithmetic needs parenthesised queries, e.g. ({} | rate()) / 2`
  );
}

function toMetricsOperand(c: Cursor, v: QueryValue): MetricsExpr {
  if (v.t === 'metrics') {
    return v.node;
  }
  if (v.t !== 'scalar') {
    return c.failAt(valueFrom(v), valueTo(v), `metrics arithmetic cannot take ${valueNoun(v)}`);
  }
  return scalarToMetrics(c, v.node);
}

function scalarToMetrics(c: Cursor, e: ScalarExpr): MetricsExpr {
  switch (e.type) {
    case 'Static':
      if (e.value.kind === 'int' || e.value.kind === 'float') {
        return { type: 'MetricsScalar', value: Number(e.value.value), raw: e.raw, from: e.from, to: e.to };
      }
      return c.failAt(e.from, e.to, `durations are not allowed in metrics arithmetic: ${e.raw}`);
    case 'ScalarParen':
      return { type: 'MetricsParen', expr: scalarToMetrics(c, e.expr), from: e.from, to: e.to };
    case 'ScalarBinary':
      if (!METRICS_ARITHMETIC.has(e.op)) {
        return c.failAt(e.from, e.to, `metrics arithmetic supports + - * /, not ${e.op}`);
      }
      return {
        type: 'MetricsBinary',
        op: e.op as '+' | '-' | '*' | '/',
        left: scalarToMetrics(c, e.left),
        right: scalarToMetrics(c, e.right),
        from: e.from,
        to: e.to,
      };
    case 'Aggregate':
    case 'ScalarPipeline':
      return c.failAt(e.from, e.to, 'aggregates cannot be combined with metrics queries');
  }
}

/**
 * Second stages after a parenthesised metrics query or arithmetic (`(A) / (B) > 0.5`,
 * `(A) + (B) | topk(5)`): they apply to the whole result, so they wrap it.
 */
function staged(node: MetricsExpr, stages: readonly MetricsSecondStage[]): QueryValue {
  const to = stages[stages.length - 1].to;
  if (node.type === 'MetricsStaged') {
    return { t: 'metrics', node: { ...node, stages: [...node.stages, ...stages], to } };
  }
  return { t: 'metrics', node: { type: 'MetricsStaged', expr: node, stages, from: node.from, to } };
}

function pipe(c: Cursor, op: Token, left: QueryValue, right: QueryValue): QueryValue {
  if (left.t === 'metrics') {
    if (left.node.type === 'MetricsQuery' && right.t === 'secondStages') {
      const q = left.node;
      const ownStages = left.ownStages ?? [...q.secondStages];
      for (const s of right.stages) {
        ownStages.push(s);
      }
      return { t: 'metrics', node: { ...q, secondStages: ownStages, to: right.to }, ownStages };
    }
    if (right.t === 'secondStages') {
      return staged(left.node, right.stages);
    }
    return c.failAt(
      valueFrom(right),
      valueTo(right),
      `only topk(), bottomk() or a comparison can follow a metrics function, not ${valueNoun(right)}`
    );
  }
  const pipeline = toPipeline(c, left);
  if (right.t === 'metricsFn') {
    const node = {
      type: 'MetricsQuery' as const,
      pipeline,
      fn: right.node,
      secondStages: right.stages,
      from: pipeline.from,
      to: right.to,
    };
    return { t: 'metrics', node, ownStages: right.stages };
  }
  if (right.t === 'scalar' && right.node.type === 'Aggregate') {
    // `{ .a } | count()`: only valid wrapped in parentheses as a comparison operand; toPipeline
    // and toStage refuse it anywhere else.
    return { t: 'scalarPipeline', pipeline, aggregate: right.node, from: pipeline.from, to: right.node.to };
  }
  const stage = toStage(c, op, right);
  const stages = left.t === 'pipeline' ? left.stages : [...pipeline.stages];
  stages.push(stage);
  return { t: 'pipeline', node: { type: 'Pipeline', stages, from: pipeline.from, to: stage.to }, stages };
}

function toStage(c: Cursor, op: Token, v: QueryValue): PipelineStage {
  switch (v.t) {
    case 'spanset':
    case 'scalarFilter':
    case 'groupBy':
    case 'coalesce':
    case 'select':
      return v.node;
    case 'scalar':
      return c.failAt(v.node.from, v.node.to, 'an aggregate in a pipeline must be compared, e.g. | count() > 1');
    case 'secondStages':
      return c.failAt(v.from, v.to, 'topk() and bottomk() must follow a metrics function such as rate()');
    default:
      return c.failAt(valueFrom(v), valueTo(v), `${valueNoun(v)} cannot follow ${describe(op)} here`);
  }
}

/** A value that can start a pipeline; coalesce() and bare aggregates cannot. */
export function toPipeline(c: Cursor, v: QueryValue): PipelineNode {
  switch (v.t) {
    case 'pipeline':
      return v.node;
    case 'spanset':
    case 'scalarFilter':
    case 'groupBy':
    case 'select':
      return { type: 'Pipeline', stages: [v.node], from: v.node.from, to: v.node.to };
    case 'coalesce':
      return c.failAt(v.node.from, v.node.to, 'a pipeline cannot start with coalesce()');
    case 'scalar':
      return c.failAt(v.node.from, v.node.to, 'an aggregate must be compared, e.g. count() > 1');
    case 'metricsFn':
      return c.failAt(
        v.node.from,
        v.to,
        `${v.node.name}() needs a spanset pipeline before it, e.g. {} | ${v.node.name}()`
      );
    case 'secondStages':
      return c.failAt(v.from, v.to, 'topk() and bottomk() must follow a metrics function such as rate()');
    case 'metrics':
      return c.failAt(v.node.from, v.node.to, 'a metrics query cannot be used as a spanset');
    case 'scalarPipeline':
      return c.failAt(
        v.aggregate.from,
        v.aggregate.to,
        'an aggregate in a pipeline must be compared, e.g. | count() > 1'
      );
  }
}
