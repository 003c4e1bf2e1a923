import { escapeLogQLString } from '../links/escape';

/**
 * A TraceQL double-quoted string literal, safe for any value. TraceQL and LogQL both use Go's
 * string-literal syntax, so one escaper serves both.
 */
export function quoteTraceQLString(value: string): string {
  return `"${escapeLogQLString(value)}"`;
}
