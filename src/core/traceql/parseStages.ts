import {
  AggregateNode,
  AttributeNode,
  CoalesceNode,
  GroupByNode,
  IntrinsicNode,
  MetricsSecondStage,
  SelectNode,
  SpansetFilterNode,
} from './ast';
import { Cursor, describe } from './cursor';
import { isAggregate } from './names';
import { attributeFromToken, intrinsicFromToken, parseFieldExpr } from './parseField';
import { Token } from './tokens';

/** Pipeline stages that are function-like words: aggregates, by(), coalesce(), select(), topk(). */

export function parseSpansetFilter(c: Cursor): SpansetFilterNode {
  const open = c.expect('lbrace', '`{`');
  if (c.isKind('rbrace')) {
    const close = c.next();
    return { type: 'SpansetFilter', expr: null, from: open.from, to: close.to };
  }
  const expr = c.nested(() => parseFieldExpr(c));
  if (c.isKind('comma')) {
    c.fail(c.peek(), 'conditions in { } are combined with && or ||, not commas');
  }
  const close = c.expect('rbrace', '`}` or an operator');
  return { type: 'SpansetFilter', expr, from: open.from, to: close.to };
}

function openParen(c: Cursor, word: Token): void {
  if (!c.isKind('lparen')) {
    const t = c.peek();
    c.fail(t, `unexpected ${describe(t)}, expected \`(\` after ${word.text}`);
  }
  c.next();
}

export function parseAggregate(c: Cursor): AggregateNode {
  const word = c.next();
  if (!isAggregate(word.text)) {
    return c.fail(word, `unknown aggregate ${describe(word)}`);
  }
  openParen(c, word);
  if (word.text === 'count') {
    const close = c.expect('rparen', '`)`: count() takes no argument');
    return { type: 'Aggregate', fn: 'count', arg: null, from: word.from, to: close.to };
  }
  if (c.isKind('rparen')) {
    c.fail(c.peek(), `${word.text}() needs a field to aggregate, e.g. ${word.text}(duration)`);
  }
  const arg = parseFieldExpr(c);
  const close = c.expect('rparen', '`)`');
  return { type: 'Aggregate', fn: word.text, arg, from: word.from, to: close.to };
}

export function parseGroupBy(c: Cursor): GroupByNode {
  const word = c.next();
  openParen(c, word);
  if (c.isKind('rparen')) {
    c.fail(c.peek(), 'by() needs a field to group by, e.g. by(resource.service.name)');
  }
  const expr = parseFieldExpr(c);
  const close = c.expect('rparen', '`)`: by() takes one expression');
  return { type: 'GroupBy', expr, from: word.from, to: close.to };
}

export function parseCoalesce(c: Cursor): CoalesceNode {
  const word = c.next();
  openParen(c, word);
  const close = c.expect('rparen', '`)`: coalesce() takes no argument');
  return { type: 'Coalesce', from: word.from, to: close.to };
}

/** One attribute or intrinsic, as `select()`, metrics `by ()` and metrics arguments take. */
export function parseFieldRef(c: Cursor, context: string): AttributeNode | IntrinsicNode {
  const t = c.peek();
  if (t.kind === 'attribute') {
    c.next();
    return attributeFromToken(t);
  }
  if (t.kind === 'ident' || t.kind === 'scopedIntrinsic') {
    const node = intrinsicFromToken(c, t);
    if (node !== undefined) {
      c.next();
      return node;
    }
  }
  return c.fail(t, `unexpected ${describe(t)}: ${context} takes attributes or intrinsics`);
}

/** Comma-separated field references up to the closing parenthesis. */
export function parseFieldRefList(
  c: Cursor,
  context: string
): { fields: Array<AttributeNode | IntrinsicNode>; close: Token } {
  if (c.isKind('rparen')) {
    c.fail(c.peek(), `${context} needs at least one attribute`);
  }
  const fields = [parseFieldRef(c, context)];
  while (c.isKind('comma')) {
    c.next();
    fields.push(parseFieldRef(c, context));
  }
  const close = c.expect('rparen', '`,` or `)`');
  return { fields, close };
}

export function parseSelect(c: Cursor): SelectNode {
  const word = c.next();
  openParen(c, word);
  const { fields, close } = parseFieldRefList(c, 'select()');
  return { type: 'Select', fields, from: word.from, to: close.to };
}

/** `topk(n)` / `bottomk(n)`, second stages of a metrics query. */
export function parseTopK(c: Cursor): MetricsSecondStage {
  const word = c.next();
  openParen(c, word);
  const n = c.expect('int', `a whole number: ${word.text}(n) keeps n series`);
  const close = c.expect('rparen', '`)`');
  return { type: word.text === 'topk' ? 'TopK' : 'BottomK', n: Number(n.num ?? 0), from: word.from, to: close.to };
}
