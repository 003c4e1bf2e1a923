import { definePaths } from '../paths';

/** Every path TraceLens requests from Tempo. */
export const TEMPO_PATHS = definePaths('Tempo', [
  '/api/search',
  '/api/v2/traces/{id}',
  '/api/traces/{id}',
  '/api/v2/search/tags',
  '/api/v2/search/tag/{tag}/values',
  '/api/search/tags',
  '/api/search/tag/{tag}/values',
  '/api/metrics/query_range',
  '/api/metrics/query',
  '/api/status/buildinfo',
  '/api/echo',
  '/ready',
] as const);

export type TempoPathTemplate = (typeof TEMPO_PATHS.templates)[number];
