/** The one trace model and its codecs. Shells, backends, the engine and the CLI import from here. */
export * from './types';
export { WholeDouble, doubleAttribute } from './wholeDouble';
export { decodeTraces, decodeJaegerV1, decodeOtlp } from './decode/decodeTraces';
export { detectTraceFormat, type TraceFormat } from './decode/detectTraceFormat';
export { parseJsonBody } from './json/parseJsonBody';
export { base64ToHex, hexToBase64, normalizeTraceId, normalizeSpanId } from './ids';
export { newAttributeMap, getAttribute, attributeMapFrom, EMPTY_ATTRIBUTES } from './attributes';
export { encodeJaegerV1, encodeJaegerApiV3, encodeTempoV1, encodeTempoV2, encodeOtlp } from './encode/encodeTraces';
export type { JaegerTraceJson } from './encode/jaegerV1';
export type { OtlpResourceSpans } from './encode/otlp';
