import { definePaths } from '../paths';

/** Zipkin API v2 (zipkin-server 3.5.1): the read endpoints TraceLens uses, nothing else. */
export const ZIPKIN_PATHS = definePaths('Zipkin', [
  '/api/v2/services',
  '/api/v2/spans',
  '/api/v2/remoteServices',
  '/api/v2/traces',
  '/api/v2/trace/{id}',
  '/api/v2/dependencies',
  '/api/v2/autocompleteKeys',
  '/api/v2/autocompleteValues',
] as const);

export type ZipkinPathTemplate = (typeof ZIPKIN_PATHS.templates)[number];
