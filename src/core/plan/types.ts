import type { RootNode } from '../traceql/ast';
import type { TempoFeature } from './capabilities';
import type { JaegerPushdown } from './jaegerPushdown';

export interface TimeWindow {
  /** Nanoseconds since the epoch. */
  readonly start: bigint;
  readonly end: bigint;
}

interface PlanBase {
  readonly queryKind: 'search' | 'metrics';
  /**
   * What the engine evaluates over the fetched traces. Always the whole query: pushdown only
   * narrows which traces are fetched, so re-checking everything keeps the answer exact.
   */
  readonly residual: RootNode;
  readonly window: TimeWindow;
}

export interface JaegerPlan extends PlanBase {
  readonly backend: 'jaeger';
  readonly api: 'v3' | 'v1';
  readonly pushdown: JaegerPushdown;
  /** No service condition could be pushed: one search per service, merged. */
  readonly fanOut: boolean;
  readonly searchDepth: number;
}

export interface UnsupportedUse {
  readonly feature: TempoFeature;
  readonly label: string;
  readonly since: string;
  readonly from: number;
  readonly to: number;
}

/** Tempo runs the query itself. */
export interface TempoNativePlan extends PlanBase {
  readonly backend: 'tempo';
  readonly mode: 'native';
  readonly version: string;
}

/** Tempo is too old for part of the query: it runs a narrowing search, the engine the rest. */
export interface TempoEnginePlan extends PlanBase {
  readonly backend: 'tempo';
  readonly mode: 'engine';
  readonly version: string;
  readonly unsupported: readonly UnsupportedUse[];
  /** TraceQL Tempo can run that every answer trace satisfies (`{}` when nothing is pushable). */
  readonly narrowing: string;
  readonly searchDepth: number;
}

export type QueryPlan = JaegerPlan | TempoNativePlan | TempoEnginePlan;
