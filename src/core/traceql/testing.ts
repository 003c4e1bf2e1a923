import { RootNode } from './ast';
import { parseTraceQL } from './index';

/** Test helper: the AST without from/to, so tests can compare shapes. */
export function withoutPositions<T>(value: T): unknown {
  return JSON.parse(
    JSON.stringify(value, (key, v: unknown) => {
      if (key === 'from' || key === 'to') {
        return undefined;
      }
      return typeof v === 'bigint' ? `${v}n` : v;
    })
  );
}

/** Test helper: parses a query that must be valid, failing the test with the message otherwise. */
export function mustParse(text: string): RootNode {
  const r = parseTraceQL(text);
  if (!r.ok) {
    throw new Error(
      `expected ${JSON.stringify(text)} to parse: ${r.error.message} at ${r.error.line}:${r.error.column}`
    );
  }
  return r.value;
}
