/**
 * The generic half of answering TraceQL over a backend: parsing, evaluating fetched traces with
 * the engine, merging and ordering, bounded fan-out, and the notices and outcome shapes every
 * backend's executor (in its folder under core/backends) shares.
 */
export { mapBounded } from './mapBounded';
export {
  parseQuery,
  formatStep,
  DEFAULT_LIMIT,
  DEFAULT_SPSS,
  DEFAULT_SEARCH_DEPTH,
  DEFAULT_MAX_CONCURRENCY,
} from './common';
export type {
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  QueryStats,
  SearchOptions,
  SearchOutcome,
  Window,
} from './types';
