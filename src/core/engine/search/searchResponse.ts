/** The JSON shape of Tempo's `GET /api/search` response (jsonpb: 64-bit numbers as strings). */
import type { KeyValue } from './anyValue';

export interface SearchSpan {
  /** 16 lowercase hex digits. */
  readonly spanID: string;
  /** Only when the query reads the span name (Tempo fills it from the fetched name intrinsic). */
  readonly name?: string;
  readonly startTimeUnixNano: string;
  readonly durationNanos: string;
  readonly attributes: readonly KeyValue[];
}

export interface SearchSpanSet {
  readonly spans: readonly SearchSpan[];
  /** Spans in the spanset before `spss` truncation. */
  readonly matched: number;
  /** by(), aggregate and other spanset-level attributes. */
  readonly attributes: readonly KeyValue[];
}

export interface ServiceStats {
  readonly spanCount: number;
  readonly errorCount: number;
}

export interface TraceSearchMetadata {
  readonly traceID: string;
  readonly rootServiceName: string;
  readonly rootTraceName: string;
  readonly startTimeUnixNano: string;
  /** Whole milliseconds, as Tempo sends it. */
  readonly durationMs: number;
  /**
   * Not in Tempo's answer: the exact duration, which the engine knows when it evaluated the search
   * itself (Jaeger, or Tempo through the engine), so the search table need not round to whole ms.
   */
  readonly durationNanos?: number;
  /**
   * Deprecated by Tempo: the first of spanSets. The engine always writes it; a result read from
   * elsewhere may lack it.
   */
  readonly spanSet?: SearchSpanSet;
  readonly spanSets: readonly SearchSpanSet[];
  readonly serviceStats: Readonly<Record<string, ServiceStats>>;
}

export interface SearchMetrics {
  readonly inspectedTraces: number;
  readonly inspectedSpans: string;
  readonly inspectedBytes: string;
  readonly totalBlocks: number;
  readonly completedJobs: number;
  readonly totalJobs: number;
}

export interface SearchResponse {
  readonly traces: readonly TraceSearchMetadata[];
  readonly metrics: SearchMetrics;
}
