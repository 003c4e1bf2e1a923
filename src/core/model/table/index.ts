/** Traces as columns (see spanTable.ts): what decoders produce and frames and the engine read. */
export { findAttribute, compareStart, type AttributePair, type EventRow, type SpanTable } from './spanTable';
export { spanTableOf, traceFromTable, withPartial } from './tableTraces';
export { toEpochMs, toUnixNanos } from './unixTime';
