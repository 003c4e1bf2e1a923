import type { InstantMetricsResponse, MetricsResponse, SearchResponse } from '../engine';
import type { Trace } from '../model/types';

/** Something the user must see next to the results. */
export interface Notice {
  readonly severity: 'info' | 'warning' | 'error';
  readonly text: string;
}

export interface QueryStats {
  /** Full traces downloaded for engine-side evaluation (0 when the backend answered natively). */
  readonly tracesFetched: number;
  /** Traces the query matched (before the result limit). */
  readonly tracesMatched: number;
  /** Response bytes read from the backend. */
  readonly bytesFetched: number;
  readonly requests: number;
  /** True when the backend returned a capped set, so more traces may match than were seen. */
  readonly bounded: boolean;
}

export interface Window {
  /** Nanoseconds since the epoch. */
  readonly start: bigint;
  readonly end: bigint;
  readonly signal?: AbortSignal;
}

export interface SearchOptions extends Window {
  /** Most traces in the answer (Tempo's default 20). */
  readonly limit?: number;
  /** Spans per spanset (Tempo's default 3). */
  readonly spss?: number;
}

export interface MetricsOptions extends Window {
  /** Step in nanoseconds. */
  readonly step: number;
  readonly exemplars?: number;
}

export interface SearchOutcome {
  /** Tempo's /api/search shape, whether Tempo or the engine produced it. */
  readonly response: SearchResponse;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface MetricsOutcome {
  /** The engine's metrics model (Tempo's /api/metrics/query_range shape), whoever computed it. */
  readonly response: MetricsResponse;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface InstantMetricsOutcome {
  readonly response: InstantMetricsResponse;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface FetchOutcome {
  readonly traces: readonly Trace[];
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}
