/** The one trace model and its codecs. Shells, backends, the engine and the CLI import from here. */
export * from './types';
export { decodeTraces, decodeJaegerV1, decodeOtlp } from './decode/decodeTraces';
export { detectTraceFormat, type TraceFormat } from './decode/detectTraceFormat';
export { parseJsonBody } from './json/parseJsonBody';
export { base64ToHex, hexToBase64, normalizeTraceId, normalizeSpanId } from './ids';
export { newAttributeMap, getAttribute, attributeMapFrom, EMPTY_ATTRIBUTES } from './attributes';
