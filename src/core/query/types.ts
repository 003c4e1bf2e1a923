import type {
  DependencyLink,
  JaegerOperation,
  QueryInstantResponse,
  QueryRangeResponse,
  SamplingStrategy,
  TagScope,
  TagValue,
} from '../backends';
import type { Transport } from '../backends/transport';
import type { SearchResponse } from '../engine';
import type { Trace } from '../model/types';
import type { PlanExplanation, QueryPlan } from '../plan';

export type BackendKind = 'jaeger' | 'tempo';

export interface BackendConfig {
  readonly kind: BackendKind;
  readonly transport: Transport;
  /** Jaeger's remote-sampling endpoint (port 5778), when configured. */
  readonly samplingTransport?: Transport;
  /** Most traces fetched per backend search for engine-side evaluation (default 100). */
  readonly searchDepth?: number;
  /** Parallel requests when fanning out (Jaeger services, Tempo trace fetches); default 4. */
  readonly maxConcurrency?: number;
}

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
  /** Tempo's /api/metrics/query_range shape. */
  readonly response: QueryRangeResponse;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface InstantMetricsOutcome {
  readonly response: QueryInstantResponse;
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface FetchOutcome {
  readonly traces: readonly Trace[];
  readonly notices: readonly Notice[];
  readonly stats: QueryStats;
}

export interface BackendHealth {
  readonly kind: BackendKind;
  /** 'v3' or 'v1' for Jaeger; 'v2' for Tempo. */
  readonly api: string;
  /** Server version where reported ('' otherwise). */
  readonly version: string;
  /** One line for a health check: what the server is. */
  readonly message: string;
}

export type Operation = JaegerOperation;

export interface Explained extends PlanExplanation {
  readonly plan: QueryPlan;
}

/** One backend, answering TraceQL the same way whatever it is. Every failure is a TraceLensError. */
export interface Backend {
  readonly kind: BackendKind;
  detect(signal?: AbortSignal): Promise<BackendHealth>;
  search(queryText: string, opts: SearchOptions): Promise<SearchOutcome>;
  getTrace(id: string, signal?: AbortSignal): Promise<Trace>;
  services(signal?: AbortSignal): Promise<string[]>;
  operations(service: string, signal?: AbortSignal): Promise<Operation[]>;
  tags(signal?: AbortSignal): Promise<TagScope[]>;
  tagValues(tag: string, query?: string, signal?: AbortSignal): Promise<TagValue[]>;
  metrics(queryText: string, opts: MetricsOptions): Promise<MetricsOutcome>;
  metricsInstant(queryText: string, opts: Window): Promise<InstantMetricsOutcome>;
  fetchTraces(queryText: string, window: Window): Promise<FetchOutcome>;
  dependencies(window: Window): Promise<DependencyLink[]>;
  samplingStrategy(service: string, signal?: AbortSignal): Promise<SamplingStrategy>;
  explain(queryText: string, window: Window): Promise<Explained>;
}
