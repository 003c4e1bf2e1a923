import { Cursor, describe } from './cursor';
import { combine, QUERY_PRECEDENCE, toPipeline } from './combine';
import { isAggregate, isMetricsFunction } from './names';
import { keywordLiteral, literalFromToken, negativeLiteral } from './parseField';
import { parseMetricsFn } from './parseMetrics';
import { parseAggregate, parseCoalesce, parseGroupBy, parseSelect, parseSpansetFilter, parseTopK } from './parseStages';
import { QueryValue } from './queryValues';
import { Token } from './tokens';

/**
 * The query level: spansets, pipelines, scalar filters and metrics, joined by `|`, spanset
 * operators, comparisons and arithmetic. Precedence climbing keeps it linear in the query length;
 * combine.ts decides what each operator means.
 */
export function parseQueryValue(c: Cursor, minPrecedence = 1): QueryValue {
  return c.nested(() => {
    let left = parseQueryPrimary(c);
    for (;;) {
      const op = c.peek();
      const prec = op.kind === 'op' ? QUERY_PRECEDENCE[op.text] : undefined;
      if (prec === undefined || prec < minPrecedence) {
        return left;
      }
      c.next();
      const right = parseQueryValue(c, op.text === '^' ? prec : prec + 1);
      left = combine(c, op, left, right);
    }
  });
}

function parseQueryPrimary(c: Cursor): QueryValue {
  const t = c.peek();
  switch (t.kind) {
    case 'lbrace':
      return { t: 'spanset', node: parseSpansetFilter(c) };
    case 'lparen':
      return parseParenthesised(c);
    case 'ident':
      return parseWord(c, t);
    case 'int':
    case 'float':
    case 'duration':
      c.next();
      return { t: 'scalar', node: literalFromToken(t) };
    case 'op':
      if (t.text === '-') {
        c.next();
        const lit = negativeLiteral(c, t);
        if (lit !== undefined) {
          return { t: 'scalar', node: lit };
        }
      }
      return c.fail(t, `unexpected ${describe(t)}, expected a spanset such as { }`);
    case 'eof': {
      // `count() >` with nothing after it: the comparison lacks its value, which is what to say.
      // (After a spanset, `>` is the child operator and a spanset is the right thing to ask for.)
      const before = c.peek(-1) as Token | undefined;
      const operand = c.peek(-2) as Token | undefined;
      if (before && before.kind === 'op' && COMPARISONS.has(before.text) && operand?.text === ')') {
        return c.fail(
          t,
          `unexpected end of query: \`${before.text}\` needs a value after it, e.g. count() ${before.text} 2`
        );
      }
      return c.fail(t, 'unexpected end of query, expected a spanset such as { }');
    }
    case 'string':
      return c.fail(
        t,
        `unexpected ${describe(t)}: strings belong inside a spanset filter such as { .a = ${describe(t).slice(1, -1)} }`
      );
    case 'attribute':
    case 'scopedIntrinsic':
      return c.fail(
        t,
        `unexpected ${describe(t)}: conditions go inside braces, e.g. { ${describe(t).slice(1, -1)} = ... }`
      );
    default:
      return c.fail(t, `unexpected ${describe(t)}, expected a spanset such as { }`);
  }
}

const COMPARISONS = new Set(['=', '!=', '>', '>=', '<', '<=']);

function parseWord(c: Cursor, t: Token): QueryValue {
  const w = t.text;
  if (isAggregate(w)) {
    return { t: 'scalar', node: parseAggregate(c) };
  }
  if (w === 'minInt' || w === 'maxInt') {
    c.next();
    return { t: 'scalar', node: keywordLiteral(t) ?? c.fail(t, `unexpected ${describe(t)}`) };
  }
  if (isMetricsFunction(w)) {
    const node = parseMetricsFn(c);
    return { t: 'metricsFn', node, stages: [], to: node.to };
  }
  switch (w) {
    case 'by':
      return { t: 'groupBy', node: parseGroupBy(c) };
    case 'coalesce':
      return { t: 'coalesce', node: parseCoalesce(c) };
    case 'select':
      return { t: 'select', node: parseSelect(c) };
    case 'topk':
    case 'bottomk': {
      const stage = parseTopK(c);
      return { t: 'secondStages', stages: [stage], from: stage.from, to: stage.to };
    }
    default:
      const hint = w.length <= 30 ? ` such as { .${w} = ... }` : '';
      return c.fail(t, `unexpected ${describe(t)}, expected a spanset${hint} or a pipeline function`);
  }
}

/** `( ... )`: the inside decides whether this groups spansets, a pipeline, a scalar or metrics. */
function parseParenthesised(c: Cursor): QueryValue {
  const open = c.next();
  const inner = parseQueryValue(c, 1);
  const close = c.expect('rparen', '`)` or an operator');
  const span = { from: open.from, to: close.to };
  switch (inner.t) {
    case 'spanset':
      return { t: 'spanset', node: { type: 'SpansetParen', expr: inner.node, ...span } };
    case 'scalar':
      return { t: 'scalar', node: { type: 'ScalarParen', expr: inner.node, ...span } };
    case 'metrics':
      return { t: 'metrics', node: { type: 'MetricsParen', expr: inner.node, ...span } };
    case 'scalarPipeline':
      // Tempo's wrapped scalar pipeline, an operand of a comparison: `({ .a } | count()) > 2`.
      return {
        t: 'scalar',
        node: { type: 'ScalarPipeline', pipeline: inner.pipeline, aggregate: inner.aggregate, ...span },
      };
    default:
      return { t: 'spanset', node: { type: 'WrappedPipeline', pipeline: toPipeline(c, inner), ...span } };
  }
}
