export { compileAnchoredRegex, anchoredRegexCacheSize, MAX_PATTERN_LENGTH } from './compileAnchoredRegex';
export type { AnchoredRegex } from './compileAnchoredRegex';
