/**
 * What tracing costs and what a sampling rate would change. Inputs come from the estimates
 * (real request rate, spans per trace, bytes per span, error share) and from measured SDK cost.
 */

/**
 * Tracing CPU has two parts, and sampling only removes one of them. Measured by
 * bench/overhead.bench.ts on 2026-11-25 (Node 20.20, OpenTelemetry JS SDK 2.12 / 0.223, HTTP
 * auto-instrumentation, OTLP/HTTP export; the five demo services, 12 spans per request, 2 cores,
 * CPU time read from /proc), on an idle machine and, earlier, under heavy load:
 * - per recorded span (create, attributes, end, batch export), the extra CPU of 100% over 1%
 *   sampling per extra span stored: 137 µs idle, 180–240 µs loaded;
 * - per request, sampled or not (context propagation, instrumentation hooks), the extra CPU at 1%
 *   sampling over tracing off: 2.5 ms idle, 3.2 ms loaded.
 * The idle figures are the panel's defaults, overridable in its options for other SDKs.
 */
export const DEFAULT_CPU_MICROS_PER_SPAN = 140;
export const DEFAULT_CPU_MICROS_PER_REQUEST = 2500;

/** Default budgets from the tracing guide: "monitor tracing overhead (<1% CPU impact)". */
export const DEFAULT_CPU_BUDGET_PERCENT = 1;
export const DEFAULT_STORAGE_BUDGET_GB_PER_DAY = 10;

export interface CostModel {
  /** CPU to record and export one span. */
  readonly cpuMicrosPerSpan: number;
  /** CPU instrumentation costs per request whether or not it is sampled (0 to leave it out). */
  readonly cpuMicrosPerRequest: number;
  /** Bytes one stored span takes; null when unknown (then storage is not estimated). */
  readonly bytesPerSpan: number | null;
}

export interface Cost {
  readonly spansPerSecond: number;
  /** SDK CPU as a percentage of one core: recording plus the per-request instrumentation floor. */
  readonly cpuPercentOfCore: number;
  /** The part sampling cannot remove (requests × per-request cost); 0 when the request rate is unknown. */
  readonly cpuFloorPercentOfCore: number;
  readonly storageGBPerDay: number | null;
}

/** Cost of recording `spansPerSecond` for `requestsPerSecond` real requests (null: unknown, floor left out). */
export function costAt(spansPerSecond: number, model: CostModel, requestsPerSecond: number | null = null): Cost {
  const floor = requestsPerSecond === null ? 0 : ((requestsPerSecond * model.cpuMicrosPerRequest) / 1e6) * 100;
  return {
    spansPerSecond,
    cpuPercentOfCore: ((spansPerSecond * model.cpuMicrosPerSpan) / 1e6) * 100 + floor,
    cpuFloorPercentOfCore: floor,
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
    const cost = costAt(tracesPerSecond * input.spansPerTrace, input.model, input.requestsPerSecond);
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
 * to two significant digits; null when even a tiny rate is over budget, for example because the
 * per-request instrumentation cost alone exceeds the CPU budget (then no sampling rate helps).
 */
export function suggestRate(input: WhatIfInput): number | null {
  const full = whatIf(input, [1])[0].cost;
  const recordingCpu = full.cpuPercentOfCore - full.cpuFloorPercentOfCore;
  const cpuRoom = input.cpuBudgetPercent - full.cpuFloorPercentOfCore;
  if (cpuRoom <= 0) {
    return null;
  }
  const limits: number[] = [1];
  if (recordingCpu > 0) {
    limits.push(cpuRoom / recordingCpu);
  }
  if (full.storageGBPerDay !== null && full.storageGBPerDay > 0) {
    limits.push(input.storageBudgetGBPerDay / full.storageGBPerDay);
  }
  const best = Math.min(...limits);
  if (best < 1e-5) {
    return null;
  }
  const magnitude = 10 ** Math.floor(Math.log10(best) - 1);
  return Math.min(1, Math.floor(best / magnitude) * magnitude);
}
