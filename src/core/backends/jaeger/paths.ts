import { definePaths } from '../paths';

/** Every path TraceLens requests from Jaeger: api_v3, the v1 JSON API, and remote sampling. */
export const JAEGER_PATHS = definePaths('Jaeger', [
  '/api/v3/traces',
  '/api/v3/trace-summaries',
  '/api/v3/traces/{id}',
  '/api/v3/services',
  '/api/v3/operations',
  '/api/traces',
  '/api/traces/{id}',
  '/api/services',
  '/api/services/{service}/operations',
  '/api/operations',
  '/api/dependencies',
  '/sampling',
] as const);

export type JaegerPathTemplate = (typeof JAEGER_PATHS.templates)[number];
