export { buildPath, isAllowedPath, traceIdForPath, JAEGER_PATHS, TEMPO_PATHS } from './paths';
export type { JaegerPathTemplate, TempoPathTemplate, PathBackend, PathParams } from './paths';
export { joinUrl, encodeQuery } from '../transport/url';
export type { HttpRequest, HttpResponse, Transport } from './transport';
export { JaegerClient } from './jaeger/client';
export type { JaegerClientOptions } from './jaeger/client';
export { fetchSamplingStrategy } from './jaeger/sampling';
export type {
  DependencyLink,
  JaegerApi,
  JaegerCapabilities,
  JaegerDetection,
  JaegerOperation,
  JaegerSearchParams,
  JaegerTraceSummary,
  SamplingStrategy,
} from './jaeger/types';
export { serverMessage, byteLength } from './http';
export { TempoClient, toSeconds } from './tempo/client';
export type { TempoClientOptions } from './tempo/client';
export type {
  InstantSeries,
  MetricsExemplar,
  MetricsSample,
  MetricsSeries,
  QueryInstantResponse,
  QueryRangeResponse,
  TagScope,
  TagValue,
  TempoBuildInfo,
  TempoDetection,
  TempoSearchParams,
} from './tempo/types';
