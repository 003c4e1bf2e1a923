import type { ServiceGraph } from '../../core/analysis/serviceGraph';
import type { LatencySample } from '../../core/analysis/latency';
import type { ServiceSampling } from '../../core/analysis/sampling';
import type { Transport } from '../../core/backends/transport';
import type { InstantSeries, MetricsSeries as EngineMetricsSeries, SearchResponse } from '../../core/engine';
import type { Trace } from '../../core/model/types';
import type { Completeness } from '../../core/scan';
import type { BackendKind } from '../types';

/**
 * The data source's view of the core query API. Everything here is the shape the shell consumes;
 * `coreClient.ts` is the only file that knows the core's exact signatures, so a late change in the
 * core is a one-line fix there and tests can hand the data source a fake client.
 */

/**
 * Search and metrics results come in the engine's model (src/core/engine), the same types the
 * core produces, whatever backend answered; nothing here retypes them.
 */
export type { AnyValue, KeyValue, SearchResponse, SearchSpanSet, TraceSearchMetadata } from '../../core/engine';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** Something the user must see next to the results (bounded scan, truncation, partial data). */
export interface BackendNotice {
  severity: NoticeSeverity;
  text: string;
}

export interface SearchResult {
  response: SearchResponse;
  notices: readonly BackendNotice[];
}

/** A range series (samples, exemplars) or an instant one (one value), in the engine's model. */
export type MetricsSeries =
  | (EngineMetricsSeries & { readonly value?: undefined })
  | (InstantSeries & { readonly samples?: undefined; readonly exemplars?: undefined });

export interface MetricsResult {
  series: readonly MetricsSeries[];
  notices: readonly BackendNotice[];
}

export interface TimeWindow {
  /** Epoch milliseconds. */
  startMs: number;
  endMs: number;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface DetectResult {
  /** The registry name of the backend that answered. */
  kind: string;
  /** Server version when the backend reports one. */
  version?: string;
  /** Which read API is used, e.g. 'v3' or 'v1' for Jaeger, 'v2' for Tempo. */
  api: string;
  /** The core's one-line description of the server, e.g. 'Jaeger api_v3, 5 services'. */
  message?: string;
}

export interface SearchRequest {
  query: string;
  window: TimeWindow;
  limit?: number;
  spss?: number;
}

export interface MetricsRequest {
  query: string;
  window: TimeWindow;
  /** Seconds. */
  stepSeconds?: number;
  instant: boolean;
  exemplars?: number;
}

export interface TagScope {
  /** 'resource', 'span', 'intrinsic', 'event', 'link', 'instrumentation'. */
  name: string;
  tags: readonly string[];
}

export interface ServiceGraphRequest {
  /** TraceQL filter choosing the spans the graph is built from; empty for all. */
  query?: string;
  window: TimeWindow;
  detail: 'services' | 'peers';
}

export interface ServiceGraphResult {
  graph: ServiceGraph;
  notices: readonly BackendNotice[];
  /** Whether every trace in the window was read (a progressive result never is). */
  completeness: Completeness;
}

export interface DependencyGraphResult {
  graph: ServiceGraph;
  notices: readonly BackendNotice[];
}

/** An analysis call that can report partial results while it reads the window. */
export interface ProgressOptions<R> extends CallOptions {
  onProgress?: (partial: R) => void;
}

export interface LatencyRequest {
  query: string;
  window: TimeWindow;
  durationKind: 'span' | 'trace';
}

export interface LatencyResult {
  samples: readonly LatencySample[];
  notices: readonly BackendNotice[];
  completeness: Completeness;
}

export interface SamplingRequest {
  query: string;
  window: TimeWindow;
  byOperation: boolean;
}

export interface SamplingResult {
  rows: readonly ServiceSampling[];
  notices: readonly BackendNotice[];
  /** Where probabilities were read from besides the spans (e.g. Jaeger's sampling endpoint). */
  sources: readonly string[];
  completeness: Completeness;
}

export interface TraceLensClient {
  detect(options?: CallOptions): Promise<DetectResult>;
  search(request: SearchRequest, options?: CallOptions): Promise<SearchResult>;
  getTrace(traceId: string, window: TimeWindow | undefined, options?: CallOptions): Promise<Trace>;
  services(options?: CallOptions): Promise<string[]>;
  operations(service: string, options?: CallOptions): Promise<string[]>;
  /** Attribute names by scope; `query` narrows them to spans matching the TraceQL typed so far. */
  tags(request: { query?: string; window?: TimeWindow }, options?: CallOptions): Promise<TagScope[]>;
  /** Values of a TraceQL identifier such as `resource.service.name`. */
  tagValues(tag: string, request: { query?: string; window?: TimeWindow }, options?: CallOptions): Promise<string[]>;
  metrics(request: MetricsRequest, options?: CallOptions): Promise<MetricsResult>;
  /** Plain words: what runs on the backend and what in the browser, and why. */
  explain(query: string, window: TimeWindow): Promise<string>;
  serviceGraph(
    request: ServiceGraphRequest,
    options?: ProgressOptions<ServiceGraphResult>
  ): Promise<ServiceGraphResult>;
  /**
   * The graph from the backend's own call counts (Jaeger's /api/dependencies): no trace is read,
   * so there are no errors or latencies. Rejects where the backend has no such API.
   */
  dependencyGraph(request: { window: TimeWindow }, options?: CallOptions): Promise<DependencyGraphResult>;
  latency(request: LatencyRequest, options?: ProgressOptions<LatencyResult>): Promise<LatencyResult>;
  sampling(request: SamplingRequest, options?: CallOptions): Promise<SamplingResult>;
}

/** What the client is built from; the data source derives it from its instance settings. */
export interface ClientConfig {
  kind: BackendKind;
  transport: Transport;
  /** Jaeger's remote-sampling endpoint, through its own proxy route. */
  samplingTransport?: Transport;
  searchDepth?: number;
  maxConcurrency?: number;
  /** Most traces an analysis reads from its window (default 20,000). */
  maxTraces?: number;
  timeoutMs?: number;
}

export type ClientFactory = (config: ClientConfig) => TraceLensClient;
