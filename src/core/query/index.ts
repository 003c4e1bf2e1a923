/** The executor: TraceQL against Jaeger or Tempo through the planner, with the engine finishing. */
export { createBackend } from './createBackend';
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
  Backend,
  BackendConfig,
  BackendHealth,
  BackendKind,
  Explained,
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  Operation,
  QueryStats,
  SearchOptions,
  SearchOutcome,
  Window,
} from './types';
