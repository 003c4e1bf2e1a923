import { definePaths } from '../paths';

/** Every path TraceLens requests from Jaeger's query service: api_v3 and the v1 JSON API. */
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
] as const);

/** Jaeger's remote-sampling endpoint (port 5778): a second URL, so a second allow-list. */
export const JAEGER_SAMPLING_PATHS = definePaths('Jaeger sampling', ['/sampling'] as const);

export type JaegerPathTemplate = (typeof JAEGER_PATHS.templates)[number];
