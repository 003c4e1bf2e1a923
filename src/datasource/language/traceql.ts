/**
 * The only door from the data source into the core's TraceQL language functions, so the rest of
 * the shell does not care which core file provides them.
 */
import { isMetricsQuery, type RootNode } from '../../core/traceql/ast';
import type { ParseResult, TraceQLDiagnostic } from '../../core/traceql/diagnostics';
import { lex } from '../../core/traceql/lexer';
import { parseSyntax } from '../../core/traceql/parser';
import { printAttribute } from '../../core/traceql/printLiterals';
import { printTraceQL } from '../../core/traceql/printer';
import { validateTraceQL } from '../../core/traceql/validate';

export { interpolateTemplateVariables, type TemplateVariables } from '../../core/traceql/interpolate';
export {
  AGGREGATES,
  KIND_WORDS,
  METRICS_FUNCTIONS,
  STAGE_WORDS,
  STATUS_WORDS,
  VALUE_WORDS,
} from '../../core/traceql/names';
export type { Token, TokenKind } from '../../core/traceql/tokens';
export { printTraceQL };

/** An attribute reference as TraceQL writes it (`span.http.route`, `resource."a b"`). */
export const printAttributeName = printAttribute;

export function tokenize(text: string) {
  return lex(text);
}

/** Syntax first, then Tempo's semantic checks: every problem the editor should underline. */
export function checkTraceQL(text: string): { root?: RootNode; diagnostics: TraceQLDiagnostic[] } {
  const parsed = parseSyntax(text);
  if (!parsed.ok) {
    return { diagnostics: [parsed.error] };
  }
  return { root: parsed.value, diagnostics: validateTraceQL(parsed.value, text) };
}

export function parseTraceQL(text: string): ParseResult<RootNode> {
  return parseSyntax(text);
}

/**
 * Whether the text parses as a metrics query (`{ } | rate()`). Grafana's Tempo runs such a query
 * typed in the TraceQL tab as metrics, so ours does too; text that does not parse is a search, and
 * the search reports the syntax error.
 */
export function isMetricsText(text: string): boolean {
  const parsed = parseSyntax(text);
  return parsed.ok && isMetricsQuery(parsed.value);
}

export type { RootNode, TraceQLDiagnostic };
