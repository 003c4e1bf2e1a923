export { compileAnchoredRegex, anchoredRegexCacheSize } from './compileAnchoredRegex';
export type { AnchoredRegex } from './compileAnchoredRegex';
