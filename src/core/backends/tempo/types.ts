import type { KeyValue, SearchResponse } from '../../engine';

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

export interface MetricsSample {
  readonly timestampMs: string;
  /** Tempo omits zero values (jsonpb); they are filled in as 0. NaN stays NaN. */
  readonly value: number;
}

export interface MetricsExemplar {
  readonly labels: readonly KeyValue[];
  readonly value: number;
  readonly timestampMs: string;
}

export interface MetricsSeries {
  readonly labels: readonly KeyValue[];
  readonly samples: readonly MetricsSample[];
  readonly exemplars: readonly MetricsExemplar[];
}

/** Tempo's `/api/metrics/query_range` response. */
export interface QueryRangeResponse {
  readonly series: readonly MetricsSeries[];
  readonly metrics?: object;
  readonly status?: string;
  readonly message?: string;
}

export interface InstantSeries {
  readonly labels: readonly KeyValue[];
  readonly value: number;
}

/** Tempo's `/api/metrics/query` (instant) response. */
export interface QueryInstantResponse {
  readonly series: readonly InstantSeries[];
  readonly metrics?: object;
  readonly status?: string;
  readonly message?: string;
}
