/**
 * The backend layer: one folder per tracing backend behind one interface (types.ts) and one
 * registry (registry.ts), plus the HTTP plumbing they share. Shells import from here; a backend's
 * own exports (its client, wire types, planner) are imported from its folder by its own tests.
 */
export { BACKENDS, BACKEND_KINDS, DEFAULT_BACKEND, backendModule, createBackend, isBackendKind } from './registry';
export type { BackendKind } from './registry';
export { defineBackend } from './types';
export type {
  Backend,
  BackendConfig,
  BackendFeatures,
  BackendHealth,
  BackendModule,
  BackendOptions,
  DependencyLink,
  Explained,
  OfflinePlanner,
  Operation,
  PlanFlag,
  SamplingStrategy,
  SliceRequest,
  SliceResult,
  SliceSearch,
  TagScope,
  TagValue,
  WindowScan,
} from './types';
export { buildPath, definePaths, isAllowedPath, traceIdForPath } from './paths';
export type { PathParams, PathSet } from './paths';
export { joinUrl, encodeQuery } from '../transport/url';
export type { HttpRequest, HttpResponse, Transport } from './transport';
export { serverMessage, byteLength } from './http';
