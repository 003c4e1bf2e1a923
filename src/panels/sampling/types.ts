import {
  DEFAULT_CPU_BUDGET_PERCENT,
  DEFAULT_CPU_MICROS_PER_REQUEST,
  DEFAULT_CPU_MICROS_PER_SPAN,
  DEFAULT_STORAGE_BUDGET_GB_PER_DAY,
} from '../../core/analysis/sampling';

export interface SamplingPanelOptions {
  /** SDK CPU per recorded span in µs (default: our measurement, see bench/overhead.bench.ts). */
  cpuMicrosPerSpan: number;
  /** SDK CPU per request whether sampled or not, in µs (default: our measurement). */
  cpuMicrosPerRequest: number;
  /** Budget for tracing's CPU, in % of one core per service. */
  cpuBudgetPercent: number;
  storageBudgetGBPerDay: number;
  /** Used when response sizes were not measured. */
  fallbackBytesPerSpan: number;
  /** Candidate rates for the what-if table, in percent ("0.1, 1, 5, 10, 100"). */
  candidateRates: string;
}

export const DEFAULT_OPTIONS: SamplingPanelOptions = {
  cpuMicrosPerSpan: DEFAULT_CPU_MICROS_PER_SPAN,
  cpuMicrosPerRequest: DEFAULT_CPU_MICROS_PER_REQUEST,
  cpuBudgetPercent: DEFAULT_CPU_BUDGET_PERCENT,
  storageBudgetGBPerDay: DEFAULT_STORAGE_BUDGET_GB_PER_DAY,
  fallbackBytesPerSpan: 600,
  candidateRates: '0.1, 1, 5, 10, 100',
};

/** "0.1, 1, 5%" → [0.001, 0.01, 0.05]; values outside (0, 100] are dropped. */
export function parseRates(text: string | undefined): number[] {
  const rates = (text ?? '')
    .split(/[\s,;]+/)
    .map((v) => Number(v.replace(/%$/, '')))
    .filter((v) => Number.isFinite(v) && v > 0 && v <= 100)
    .map((v) => v / 100);
  const unique = Array.from(new Set(rates)).sort((a, b) => a - b);
  return unique.length ? unique : [0.001, 0.01, 0.05, 0.1, 1];
}
