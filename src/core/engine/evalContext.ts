/** What a compiled field expression reads: one span of an indexed trace, and the event or link in focus. */
import type { SpanEvent, SpanLink } from '../model/types';
import type { TraceIndex } from './traceIndex';

export interface EvalContext {
  ix: TraceIndex;
  /** Span position: row i of `ix.table` (and `ix.spans`). */
  i: number;
  /** The event in focus while an `event.` condition is tried against each event of the span. */
  ev: SpanEvent | null;
  ln: SpanLink | null;
}

export type CompiledField = (c: EvalContext) => import('./values').Value;
