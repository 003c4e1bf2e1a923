/** Reading a whole time window through searches that each return a bounded number of traces. */
export { scanWindow } from './scanWindow';
export { completeOver, completenessJson, completenessText, formatCount, lowerBoundText, rangeText } from './describe';
export type { CompletenessJson } from './describe';
export { mergeRanges } from './ranges';
export {
  DEFAULT_MAX_TRACES,
  DEFAULT_SCAN_CONCURRENCY,
  DEFAULT_SLICE_LIMIT,
  type Completeness,
  type IncompleteReason,
  type ScanLane,
  type ScanOptions,
  type SliceAnswer,
  type SliceSearch,
  type TimeRange,
} from './types';
