/**
 * What tracing costs and what a sampling rate would change. Inputs come from the estimates
 * (real request rate, spans per trace, bytes per span, error share) and from measured SDK cost.
 */

/**
 * CPU the OpenTelemetry JS SDK spends per recorded span, in microseconds: the panel's default,
 * overridable in its options. Measured by bench/overhead.bench.ts on 2026-11-25 (Node 20.20, SDK 2.12 /
 * 0.223, HTTP auto-instrumentation, OTLP/HTTP export, five demo services on a shared 2-core machine):
 * (service CPU at 100% sampling − CPU untraced) ÷ spans stored, 446, 483 and 508 µs in three runs.
 * It includes the instrumentation's per-request cost, which sampling does not remove: at 1% sampling
 * the same services still used ~3.2 ms more CPU per 12-span request than untraced, and the marginal
 * cost of recording a span (100% vs 1%) was ~180-240 µs. So at low rates this figure underestimates.
 */
export const DEFAULT_CPU_MICROS_PER_SPAN = 480;

/** Default budgets from the tracing guide: "monitor tracing overhead (<1% CPU impact)". */
export const DEFAULT_CPU_BUDGET_PERCENT = 1;
export const DEFAULT_STORAGE_BUDGET_GB_PER_DAY = 10;

export interface CostModel {
  readonly cpuMicrosPerSpan: number;
  /** Bytes one stored span takes; null when unknown (then storage is not estimated). */
  readonly bytesPerSpan: number | null;
}

export interface Cost {
  readonly spansPerSecond: number;
  /** SDK CPU as a percentage of one core. */
  readonly cpuPercentOfCore: number;
  readonly storageGBPerDay: number | null;
}

export function costAt(spansPerSecond: number, model: CostModel): Cost {
  return {
    spansPerSecond,
    cpuPercentOfCore: ((spansPerSecond * model.cpuMicrosPerSpan) / 1e6) * 100,
    storageGBPerDay: model.bytesPerSpan === null ? null : (spansPerSecond * model.bytesPerSpan * 86_400) / 1e9,
  };
}

export interface WhatIfRow {
  readonly rate: number;
  readonly cost: Cost;
  readonly tracesPerSecond: number;
  /** Error traces kept per hour at the observed error share. */
  readonly errorTracesPerHour: number;
  /**
   * Expected relative error of an hourly p99 latency estimate: the p99 rests on the ~1% of kept
   * traces above it, a binomial count with relative standard error 1/√(0.01·n).
   */
  readonly p99RelativeError: number;
  readonly withinBudget: boolean;
}

export interface WhatIfInput {
  readonly requestsPerSecond: number;
  readonly spansPerTrace: number;
  readonly errorRate: number;
  readonly model: CostModel;
  readonly cpuBudgetPercent: number;
  readonly storageBudgetGBPerDay: number;
}

export const CANDIDATE_RATES: readonly number[] = [0.001, 0.01, 0.05, 0.1, 1];

export function whatIf(input: WhatIfInput, rates: readonly number[] = CANDIDATE_RATES): WhatIfRow[] {
  return rates.map((rate) => {
    const tracesPerSecond = input.requestsPerSecond * rate;
    const cost = costAt(tracesPerSecond * input.spansPerTrace, input.model);
    const keptPerHour = tracesPerSecond * 3600;
    const withinBudget =
      cost.cpuPercentOfCore <= input.cpuBudgetPercent &&
      (cost.storageGBPerDay === null || cost.storageGBPerDay <= input.storageBudgetGBPerDay);
    return {
      rate,
      cost,
      tracesPerSecond,
      errorTracesPerHour: keptPerHour * input.errorRate,
      p99RelativeError: keptPerHour > 0 ? 1 / Math.sqrt(0.01 * keptPerHour) : Infinity,
      withinBudget,
    };
  });
}

/**
 * The highest rate that fits both budgets (more data is better when it is affordable), rounded down
 * to two significant digits; null when even the smallest candidate is over budget.
 */
export function suggestRate(input: WhatIfInput): number | null {
  const perUnitRate = whatIf(input, [1])[0].cost;
  const limits: number[] = [1];
  if (perUnitRate.cpuPercentOfCore > 0) {
    limits.push(input.cpuBudgetPercent / perUnitRate.cpuPercentOfCore);
  }
  if (perUnitRate.storageGBPerDay !== null && perUnitRate.storageGBPerDay > 0) {
    limits.push(input.storageBudgetGBPerDay / perUnitRate.storageGBPerDay);
  }
  const best = Math.min(...limits);
  if (best < 1e-5) {
    return null;
  }
  const magnitude = 10 ** Math.floor(Math.log10(best) - 1);
  return Math.min(1, Math.floor(best / magnitude) * magnitude);
}
