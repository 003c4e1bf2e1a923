/** Parses TraceQL for engine tests; a query that does not parse is a bug in the test. */
import { parseTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';

export function parse(text: string): RootNode {
  const r = parseTraceQL(text);
  if (!r.ok) {
    throw new Error(`test query does not parse: ${text}: ${r.error.message}`);
  }
  return r.value;
}
