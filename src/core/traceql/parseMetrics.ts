import { AttributeNode, IntrinsicNode, MetricsFnName, MetricsFnNode, SpansetFilterNode } from './ast';
import { Cursor, describe } from './cursor';
import { parseFieldRef, parseFieldRefList, parseSpansetFilter } from './parseStages';
import { Token } from './tokens';

/**
 * Metrics functions (`rate()`, `quantile_over_time(duration, .5, .99)`, `compare({...}, 10)`) and
 * their `by (...)` suffix. Missing required arguments parse, and validate.ts names what is missing,
 * so the editor can show the message on the function rather than on the closing parenthesis.
 */

const TAKES_ATTRIBUTE: ReadonlySet<MetricsFnName> = new Set<MetricsFnName>([
  'min_over_time',
  'max_over_time',
  'avg_over_time',
  'sum_over_time',
  'quantile_over_time',
  'histogram_over_time',
]);

/** Compare's default number of top values per attribute, as Tempo documents it. */
export const COMPARE_DEFAULT_TOP_N = 10;

export function parseMetricsFn(c: Cursor): MetricsFnNode {
  const word = c.next();
  const name = word.text as MetricsFnName;
  if (!c.isKind('lparen')) {
    const t = c.peek();
    c.fail(t, `unexpected ${describe(t)}, expected \`(\` after ${name}`);
  }
  c.next();
  let attr: AttributeNode | IntrinsicNode | null = null;
  const quantiles: number[] = [];
  let compare: MetricsFnNode['compare'] = null;
  if (name === 'compare') {
    compare = parseCompareArgs(c);
  } else if (TAKES_ATTRIBUTE.has(name) && !c.isKind('rparen')) {
    attr = parseFieldRef(c, `${name}()`);
    while (name === 'quantile_over_time' && c.isKind('comma')) {
      c.next();
      quantiles.push(parseNumber(c, 'a quantile between 0 and 1'));
    }
  }
  const close = c.expect(
    'rparen',
    TAKES_ATTRIBUTE.has(name) || name === 'compare' ? '`,` or `)`' : `\`)\`: ${name}() takes no argument`
  );
  if (name === 'compare' && c.isWord('by')) {
    c.fail(c.peek(), 'compare() takes no by(): it already compares every attribute');
  }
  const by = parseMetricsBy(c);
  return { type: 'MetricsFn', name, attr, quantiles, compare, by: by.fields, from: word.from, to: by.to ?? close.to };
}

function parseCompareArgs(c: Cursor): NonNullable<MetricsFnNode['compare']> {
  if (!c.isKind('lbrace')) {
    const t = c.peek();
    c.fail(t, `unexpected ${describe(t)}: compare() needs a selection such as {status = error}`);
  }
  const selector: SpansetFilterNode = parseSpansetFilter(c);
  if (!c.isKind('comma')) {
    return { selector, topN: COMPARE_DEFAULT_TOP_N };
  }
  c.next();
  const topN = parseNumber(c, 'the number of top values');
  if (!c.isKind('comma')) {
    return { selector, topN };
  }
  c.next();
  const start = parseNumber(c, 'a start time');
  c.expect('comma', '`,` and an end time: compare() takes both start and end or neither');
  const end = parseNumber(c, 'an end time');
  return { selector, topN, start, end };
}

function parseNumber(c: Cursor, what: string): number {
  const t: Token = c.peek();
  if (t.kind === 'int' || t.kind === 'float') {
    c.next();
    return Number(t.num ?? 0);
  }
  return c.fail(t, `unexpected ${describe(t)}, expected ${what}`);
}

function parseMetricsBy(c: Cursor): { fields: Array<AttributeNode | IntrinsicNode>; to?: number } {
  if (!c.isWord('by')) {
    return { fields: [] };
  }
  const word = c.next();
  if (!c.isKind('lparen')) {
    const t = c.peek();
    c.fail(t, `unexpected ${describe(t)}, expected \`(\` after ${word.text}`);
  }
  c.next();
  const { fields, close } = parseFieldRefList(c, 'by ()');
  return { fields, to: close.to };
}
