import { RootNode } from './ast';
import { ParseResult, TraceQLDiagnostic } from './diagnostics';
import { parseSyntax } from './parser';
import { caretLines } from './positions';
import { validateTraceQL } from './validate';

/**
 * The TraceQL front end: parse (syntax and Tempo's semantic checks), print, interpolate Grafana
 * variables, format diagnostics, and highlight. Nothing here throws on any input.
 */

/** Parses and validates; the first problem by position is the error. */
export function parseTraceQL(text: string): ParseResult<RootNode> {
  const parsed = parseSyntax(text);
  if (!parsed.ok) {
    return parsed;
  }
  try {
    const problems = validateTraceQL(parsed.value, text);
    return problems.length === 0 ? parsed : { ok: false, error: problems[0] };
  } catch (e) {
    // Validation walks a tree the parser already bounded in depth; this guard keeps the promise.
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        message: `query could not be checked: ${message}`,
        from: 0,
        to: text.length,
        line: 1,
        column: 1,
        token: '',
      },
    };
  }
}

/** `line 1, column 12: unexpected ...` with the source line and a caret under the offending text. */
export function formatDiagnostic(text: string, d: TraceQLDiagnostic): string {
  const { source, caret } = caretLines(text, d.from, d.to);
  return `line ${d.line}, column ${d.column}: ${d.message}\n${source}\n${caret}`;
}

export { parseSyntax } from './parser';
export { validateTraceQL } from './validate';
export { printTraceQL, printField, printSpanset, printPipeline, printMetricsFn } from './printer';
export { formatDuration, formatStaticValue, quoteString, printAttribute, printIntrinsic } from './printLiterals';
export { interpolateTemplateVariables, escapeRegex } from './interpolate';
export type { TemplateVariables } from './interpolate';
export { tokenizeForHighlight } from './highlight';
export type { HighlightKind, HighlightSpan } from './highlight';
export { offsetToLineColumn, caretLines } from './positions';
export type { LineColumn } from './positions';
export { lex } from './lexer';
export type { Token, TokenKind, AttributeRef } from './tokens';
export { INTRINSIC_TYPES } from './fieldTypes';
export type { FieldType } from './fieldTypes';
export { LEGACY_INTRINSICS, SCOPED_INTRINSICS, CANONICAL_SPELLING, isKnownHint } from './names';
export * from './ast';
export * from './diagnostics';
