import type { RootNode } from '../traceql/ast';

export interface TimeWindow {
  /** Nanoseconds since the epoch. */
  readonly start: bigint;
  readonly end: bigint;
}

/**
 * What every backend's plan says. Each backend extends it with its own pushdown (Jaeger's search
 * parameters, the TraceQL Tempo runs, ...) in its folder under core/backends; code outside that
 * folder reads only these fields and the plan's explanation.
 */
export interface QueryPlan {
  /** The registry name of the backend the plan is for. */
  readonly backend: string;
  readonly queryKind: 'search' | 'metrics';
  /**
   * What the engine evaluates over the fetched traces. Always the whole query: pushdown only
   * narrows which traces are fetched, so re-checking everything keeps the answer exact.
   */
  readonly residual: RootNode;
  readonly window: TimeWindow;
}

export const DEFAULT_SEARCH_DEPTH = 100;
