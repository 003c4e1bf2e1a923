/**
 * The generic half of planning: which conditions every answer trace must satisfy on one span
 * (requiredSpans), shared comparison helpers, and the plan and explanation shapes. Each backend's
 * own planner (what it can push down, how it explains itself) lives in its folder under
 * core/backends.
 */
export { isoWindow, windowJson } from './explain';
export type { PlanExplanation } from './explain';
export { requiredSpanCandidates, conjunctsOf } from './requiredSpans';
export type { Candidate, Conjunct } from './requiredSpans';
export { DEFAULT_SEARCH_DEPTH } from './types';
export type { QueryPlan, TimeWindow } from './types';
export { FLIP, comparison, scalarString } from './comparison';
export type { Cmp, Comparison } from './comparison';
export { comparesAttributeWithNumber, differencesFromTempo, differencesText } from './differencesFromTempo';
