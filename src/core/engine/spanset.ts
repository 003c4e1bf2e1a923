/** Spansets inside the engine: span positions of one indexed trace, plus the spanset's attributes. */
import type { Value } from './values';

export interface SpansetAttribute {
  /** `by(resource.service.name)`, `count()`, `avg(duration)`... as Tempo names them. */
  readonly name: string;
  readonly value: Value;
}

export interface IndexedSpanset {
  /** Ascending span positions in the trace index. */
  readonly spans: readonly number[];
  readonly attributes: readonly SpansetAttribute[];
}

/** A per-trace failure Tempo reports as a query error rather than an empty result. */
export class SpansetEvalError extends Error {}

export const MULTIPLE_SPANSETS_ERROR =
  'spanset operators are not supported for multiple spansets per trace. consider using coalesce()';
