import { HintNode } from './ast';
import { Cursor, describe } from './cursor';
import { keywordLiteral, literalFromToken } from './parseField';

/** `with (name = value, ...)` after a query. Names are checked by validate.ts, not here. */
export function parseHints(c: Cursor): HintNode[] {
  const word = c.next();
  if (!c.isKind('lparen')) {
    const t = c.peek();
    c.fail(t, `unexpected ${describe(t)}, expected \`(\` after ${word.text}`);
  }
  c.next();
  const hints: HintNode[] = [parseHint(c)];
  while (c.isKind('comma')) {
    c.next();
    hints.push(parseHint(c));
  }
  c.expect('rparen', '`,` or `)`');
  return hints;
}

function parseHint(c: Cursor): HintNode {
  const name = c.expect('ident', 'a hint name such as most_recent');
  c.expectOp('=', `\`=\` after hint ${name.text}`);
  const t = c.peek();
  if (t.kind === 'string' || t.kind === 'int' || t.kind === 'float' || t.kind === 'duration') {
    c.next();
    const value = literalFromToken(t);
    return { name: name.text, value, from: name.from, to: value.to };
  }
  if (t.kind === 'op' && t.text === '-') {
    // Tempo's grammar takes a bare literal here; a sign is a syntax error there too.
    return c.fail(t, `unexpected ${describe(t)}: a hint value takes no sign`);
  }
  const lit = t.kind === 'ident' ? keywordLiteral(t) : undefined;
  if (lit === undefined) {
    return c.fail(c.peek(), `unexpected ${describe(c.peek())}, expected a value for hint ${name.text}`);
  }
  c.next();
  return { name: name.text, value: lit, from: name.from, to: lit.to };
}
