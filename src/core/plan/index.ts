/** The planner: what a backend runs and what the engine finishes, and `explain` in words and JSON. */
export { planQuery, planJaegerQuery, planTempoQuery } from './planQuery';
export { explainPlan } from './explainPlan';
export type { PlanExplanation } from './explainPlan';
export {
  DEFAULT_SEARCH_DEPTH,
  LATEST_TEMPO_RELEASE,
  TEMPO_FEATURE_SINCE,
  jaegerCapabilities,
  tempoCapabilities,
  tempoSupports,
  versionAtLeast,
} from './capabilities';
export type {
  BackendCapabilities,
  JaegerCapabilitiesForPlan,
  TempoCapabilitiesForPlan,
  TempoFeature,
  Version,
} from './capabilities';
export { queryFeatures } from './features';
export type { FeatureUse } from './features';
export { requiredSpanCandidates } from './requiredSpans';
export type { Candidate, Conjunct } from './requiredSpans';
export type { JaegerPushdown, PushedCondition } from './jaegerPushdown';
export type { JaegerPlan, QueryPlan, TempoEnginePlan, TempoNativePlan, TimeWindow, UnsupportedUse } from './types';
