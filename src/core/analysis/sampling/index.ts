export { otEntry, parseThreshold, probabilityFromTraceState, thresholdForProbability } from './tracestate';
export type { ThresholdResult } from './tracestate';
export { evidenceOfRoot, samplerOfRoot, strategyProbability } from './sampler';
export type { JaegerStrategy, SamplerInfo, SamplerKind } from './sampler';
export { estimateSampling } from './estimate';
export { SamplingFold, rootOf, type SamplingRowsOptions } from './samplingFold';
export type { SamplingInput, ServiceSampling } from './estimate';
export {
  CANDIDATE_RATES,
  DEFAULT_CPU_BUDGET_PERCENT,
  DEFAULT_CPU_MICROS_PER_REQUEST,
  DEFAULT_CPU_MICROS_PER_SPAN,
  DEFAULT_STORAGE_BUDGET_GB_PER_DAY,
  costAt,
  suggestRate,
  whatIf,
} from './cost';
export type { Cost, CostModel, WhatIfInput, WhatIfRow } from './cost';
