/** What one Jaeger search asks for; built by the planner's pushdown, sent as api_v3 or v1 parameters. */
export interface JaegerSearchParams {
  readonly service?: string;
  readonly operation?: string;
  /** Exact-match attributes, values as Jaeger compares them (strings). */
  readonly attributes?: Readonly<Record<string, string>>;
  /** Span duration bounds in nanoseconds, inclusive. */
  readonly durationMinNs?: number;
  readonly durationMaxNs?: number;
  /** Nanoseconds since the epoch. */
  readonly start: bigint;
  readonly end: bigint;
  /** Most traces Jaeger returns (query.searchDepth / limit). */
  readonly searchDepth: number;
}

export type JaegerApi = 'v3' | 'v1';

/** Found by probing, recorded so every later request uses the API this server has. */
export interface JaegerCapabilities {
  readonly api: JaegerApi;
  /** `/api/v3/trace-summaries` (Jaeger 2.19+): unknown until first asked. */
  readonly traceSummaries: boolean | 'unknown';
}

export interface JaegerDetection {
  readonly api: JaegerApi;
  readonly serviceCount: number;
  readonly message: string;
}

export type { DependencyLink, Operation as JaegerOperation, SamplingStrategy } from '../types';

export interface JaegerTraceSummary {
  readonly traceId: string;
  readonly rootServiceName: string;
  readonly rootOperationName: string;
  readonly startTimeUnixNano: bigint;
  readonly endTimeUnixNano: bigint;
  readonly spanCount: number;
  readonly errorSpanCount: number;
}
