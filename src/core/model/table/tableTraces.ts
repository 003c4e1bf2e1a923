import type { Span, Trace } from '../types';
import { tableFromSpans } from './fromSpans';
import { spansOf } from './materialize';
import type { SpanTable } from './spanTable';

/** Decoded traces and their tables; a WeakMap so a table never outlives its trace. */
const DECODED = new WeakMap<Trace, SpanTable>();
/** Tables made on demand for traces that came as Span objects. */
const DERIVED = new WeakMap<Trace, SpanTable>();

/**
 * A Trace over a table. `spans` is an ordinary enumerable property to every reader (spread, JSON,
 * deep equality), but its Span objects are made the first time it is read, so paths that read the
 * table (trace frames, the engine's filters) never make them.
 */
export function traceFromTable(table: SpanTable, warnings: readonly string[], partial: boolean): Trace {
  let spans: Span[] | undefined;
  const trace = { traceId: table.traceId } as {
    traceId: string;
    spans: readonly Span[];
    warnings: readonly string[];
    partial?: boolean;
  };
  Object.defineProperty(trace, 'spans', {
    enumerable: true,
    get: () => (spans ??= spansOf(table)),
  });
  trace.warnings = warnings;
  if (partial) {
    trace.partial = true;
  }
  DECODED.set(trace, table);
  return trace;
}

/** The table of any trace: the decoder's, or one made once from its Span objects. */
export function spanTableOf(trace: Trace): SpanTable {
  const decoded = DECODED.get(trace);
  if (decoded !== undefined) {
    return decoded;
  }
  let table = DERIVED.get(trace);
  // Traces are not to be mutated, but a test that pushes a span must not read a stale table.
  if (table === undefined || table.length !== trace.spans.length) {
    table = tableFromSpans(trace.traceId, trace.spans);
    DERIVED.set(trace, table);
  }
  return table;
}

/** The same trace marked possibly incomplete, with one more warning, still over its table. */
export function withPartial(trace: Trace, warning: string): Trace {
  return traceFromTable(spanTableOf(trace), [...trace.warnings, warning], true);
}
