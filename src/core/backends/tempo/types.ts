import type { InstantMetricsResponse, MetricsResponse, SearchResponse } from '../../engine';

export type { SearchResponse };
export type { TagScope, TagValue } from '../types';

export interface TempoBuildInfo {
  /** As reported, e.g. `v3.0.3`, `2.9.0`, `main-ad33aa8`; '' when the server did not say. */
  readonly version: string;
  readonly revision: string;
}

export interface TempoDetection {
  readonly version: string;
  readonly message: string;
}

export interface TempoSearchParams {
  /** TraceQL, sent as is. */
  readonly q: string;
  /** Nanoseconds since the epoch; sent as whole seconds, widened outwards. */
  readonly start?: bigint;
  readonly end?: bigint;
  readonly limit?: number;
  readonly spss?: number;
}

/**
 * Tempo's answers are read straight into the engine's own model (the engine's results mirror
 * Tempo's JSON, so one set of types serves both); what only Tempo says is its completeness.
 */
export interface TempoStatus {
  /** `PARTIAL` when Tempo could not read every block. */
  readonly status?: string;
  readonly message?: string;
}

/** `/api/metrics/query_range`, in the engine's model (promLabels computed from the labels). */
export type QueryRangeResponse = MetricsResponse & TempoStatus;

/** `/api/metrics/query` (instant), in the engine's model. */
export type QueryInstantResponse = InstantMetricsResponse & TempoStatus;
