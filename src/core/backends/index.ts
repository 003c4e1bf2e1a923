export { buildPath, isAllowedPath, traceIdForPath, JAEGER_PATHS, TEMPO_PATHS } from './paths';
export type { JaegerPathTemplate, TempoPathTemplate, PathBackend, PathParams } from './paths';
export { nodeTransport, joinUrl, encodeQuery } from './nodeTransport';
export type { NodeTransportOptions } from './nodeTransport';
export type { HttpRequest, HttpResponse, Transport } from './transport';
