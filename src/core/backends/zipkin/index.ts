/** Zipkin: API v2 searches from the planner's pushdown, the engine finishing; dependencies. */
import { defineBackend } from '../types';
import { decodeZipkin, looksLikeZipkin } from './decode';
import { explainZipkinPlan } from './explain';
import { ZipkinBackend } from './executor';
import { zipkinQueryNotices } from './notices';
import { ZIPKIN_PATHS } from './paths';
import { planZipkinQuery } from './plan';

export const zipkin = defineBackend({
  kind: 'zipkin',
  label: 'Zipkin',
  defaultUrl: 'http://localhost:9411',
  paths: ZIPKIN_PATHS,
  features: { dependencies: true, samplingStrategies: false, serviceGraphMetrics: false, traceqlMetrics: false },
  cliHelp: 'a live Zipkin, API v2 (e.g. http://127.0.0.1:9411); it stores names lower-cased',
  planner: {
    flags: [],
    explain: (root, window, { searchDepth }) => explainZipkinPlan(planZipkinQuery(root, window, searchDepth ?? 100)),
  },
  traceFiles: { detect: looksLikeZipkin, decode: decodeZipkin },
  queryNotices: (query) => zipkinQueryNotices(query).map((n) => n.text),
  create: (options) => new ZipkinBackend(options.transport, options),
});

export { ZipkinClient } from './client';
export type { ZipkinClientOptions, ZipkinSearchParams } from './client';
export { decodeZipkin, looksLikeZipkin } from './decode';
export { encodeZipkinTrace, encodeZipkinTraces } from './encode';
export { capitalisedNames, resourceAttributesZipkinLacks } from './names';
export type { CapitalisedName } from './names';
export { ZIPKIN_PATHS } from './paths';
export type { ZipkinPathTemplate } from './paths';
export { planZipkinQuery } from './plan';
export type { ZipkinPlan } from './plan';
export type { ZipkinPushdown, ZipkinCondition } from './pushdown';
export type { ZipkinAnnotation, ZipkinDependencyLink, ZipkinEndpoint, ZipkinKind, ZipkinSpan } from './types';
