/** JSON shapes of Tempo's `/api/metrics/query_range` and `/api/metrics/query` responses. */
import type { KeyValue } from '../search/anyValue';

export interface MetricsSample {
  /** Unix milliseconds as a string (jsonpb int64). */
  readonly timestampMs: string;
  readonly value: number;
}

export interface MetricsExemplar {
  readonly labels: readonly KeyValue[];
  readonly value: number;
  readonly timestampMs: string;
}

export interface MetricsSeries {
  readonly labels: readonly KeyValue[];
  /** Prometheus-style text of the labels, `{resource.service.name="api"}`. */
  readonly promLabels: string;
  /** Oldest first; steps without a value (NaN) are left out, as Tempo does. */
  readonly samples: readonly MetricsSample[];
  readonly exemplars: readonly MetricsExemplar[];
}

export interface MetricsStats {
  readonly inspectedTraces: number;
  readonly inspectedSpans: string;
  readonly inspectedBytes: string;
  readonly totalBlocks: number;
  readonly completedJobs: number;
  readonly totalJobs: number;
}

export interface MetricsResponse {
  readonly series: readonly MetricsSeries[];
  readonly metrics: MetricsStats;
}

export interface InstantSeries {
  readonly labels: readonly KeyValue[];
  readonly promLabels: string;
  readonly value: number;
}

export interface InstantMetricsResponse {
  readonly series: readonly InstantSeries[];
  readonly metrics: MetricsStats;
}
