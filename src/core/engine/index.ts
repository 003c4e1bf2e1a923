/** The TraceQL evaluator: search (Tempo's /api/search semantics and shape) and metrics. */
export { evaluateTrace, compileSearch } from './compileQuery';
export type { CompiledSearch, CompileOutcome, EvalOutcome, ReportedAttribute, Spanset } from './compileQuery';
export type { SpansetAttribute } from './spanset';
export { MULTIPLE_SPANSETS_ERROR } from './spanset';
export type { Value } from './values';
export { indexTrace } from './traceIndex';
export type { TraceIndex } from './traceIndex';
export {
  searchTraces,
  searchTracesCancellable,
  DEFAULT_SEARCH_LIMIT,
  DEFAULT_SPANS_PER_SPANSET,
  ROOT_SPAN_NOT_RECEIVED,
} from './search/searchTraces';
export type { CancellableSearchOptions, SearchOptions, SearchResult } from './search/searchTraces';
export type {
  SearchMetrics,
  SearchResponse,
  SearchSpan,
  SearchSpanSet,
  ServiceStats,
  TraceSearchMetadata,
} from './search/searchResponse';
export { toAnyValue, formatGoDuration } from './search/anyValue';
export type { AnyValue, KeyValue } from './search/anyValue';
export { evaluateMetrics, evaluateMetricsInstant, adjustedCount, metricsFetchWindow } from './metrics';
export type {
  InstantMetricsResponse,
  InstantMetricsResult,
  InstantSeries,
  MetricsExemplar,
  MetricsRangeOptions,
  MetricsResponse,
  MetricsResult,
  MetricsSample,
  MetricsSeries,
  MetricsStats,
} from './metrics';
