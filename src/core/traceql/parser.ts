import { codeUnitName, loneSurrogateAt } from '../unicode';
import { HintNode, RootNode } from './ast';
import { Cursor, describe, ParseFailure } from './cursor';
import { TraceQLDiagnostic, ParseResult } from './diagnostics';
import { nodeBeyondDepth, tooDeepMessage } from './depth';
import { lex } from './lexer';
import { parseHints } from './parseHints';
import { parseQueryValue } from './parseQuery';
import { toPipeline } from './combine';
import { offsetToLineColumn } from './positions';

/**
 * Parses TraceQL into the AST (syntax only; validate.ts adds Tempo's semantic checks). Never
 * throws: every failure becomes one diagnostic with line, column and the offending token.
 */
export function parseSyntax(text: string): ParseResult<RootNode> {
  try {
    return { ok: true, value: parseRoot(text) };
  } catch (e) {
    if (e instanceof ParseFailure) {
      return { ok: false, error: makeDiagnostic(text, e.message, e.from, e.to, e.token) };
    }
    // The nesting limit should make this unreachable; it stays so the API can promise not to throw.
    const message = e instanceof Error ? `query could not be parsed: ${e.message}` : 'query could not be parsed';
    return { ok: false, error: makeDiagnostic(text, message, 0, text.length, '') };
  }
}

function parseRoot(text: string): RootNode {
  const c = new Cursor(text, lex(text));
  const lone = loneSurrogateAt(text);
  if (lone >= 0) {
    c.failAt(
      lone,
      lone + 1,
      `the query contains an unpaired UTF-16 surrogate (${codeUnitName(text, lone)}), which is not a character`
    );
  }
  const value = parseQueryValue(c, 1);
  const query = value.t === 'metrics' ? value.node : toPipeline(c, value);
  const hints: HintNode[] = [];
  // Tempo takes several with(...) groups in a row, as if their hints were written in one.
  while (c.isWord('with')) {
    hints.push(...parseHints(c));
  }
  const end = c.peek();
  if (end.kind !== 'eof' && hints.length > 0) {
    c.fail(end, `unexpected ${describe(end)}: with(...) hints must come at the very end of the query`);
  }
  if (end.kind !== 'eof') {
    c.fail(end, `unexpected ${describe(end)} after the end of the query`);
  }
  const root: RootNode = { type: 'Root', query, hints, from: query.from, to: c.lastEnd() };
  const deep = nodeBeyondDepth(root);
  if (deep !== undefined) {
    c.failAt(deep.from, deep.to, tooDeepMessage());
  }
  return root;
}

export function makeDiagnostic(
  text: string,
  message: string,
  from: number,
  to: number,
  token: string
): TraceQLDiagnostic {
  const { line, column } = offsetToLineColumn(text, from);
  return { message: message.replace(/\s*[\r\n]+\s*/g, ' '), from, to, line, column, token };
}
