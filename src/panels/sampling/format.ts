/** How the sampling panel writes its numbers: each in a unit a person reads without counting zeros. */

export const formatPercent = (v: number | null | undefined): string => {
  if (v === null || v === undefined || !Number.isFinite(v)) {
    return '–';
  }
  const pct = v * 100;
  return `${pct >= 10 ? pct.toFixed(0) : pct >= 1 ? pct.toFixed(1) : pct.toPrecision(2)}%`;
};

/** Per second, minute, hour or day: the largest period in which the rate reaches one. */
const PERIODS: ReadonlyArray<readonly [number, string]> = [
  [1, 's'],
  [60, 'min'],
  [3600, 'h'],
  [86_400, 'day'],
];

function count(v: number): string {
  const abs = Math.abs(v);
  if (abs >= 1e6) {
    return `${(v / 1e6).toFixed(1)}M`;
  }
  if (abs >= 1e3) {
    return `${(v / 1e3).toFixed(1)}k`;
  }
  if (abs >= 10) {
    return v.toFixed(0);
  }
  if (abs >= 1) {
    return v.toFixed(1);
  }
  return v === 0 ? '0' : String(Number(v.toPrecision(2)));
}

/**
 * A rate given per second, written per second, minute, hour or day so that it reads as a plain
 * number: 0.084/s is "5.0/min", 0.0000078/s is "0.67/day". With a noun: "5.0 traces/min".
 */
export const formatRate = (perSecond: number | null | undefined, noun = ''): string => {
  if (perSecond === null || perSecond === undefined || !Number.isFinite(perSecond)) {
    return '–';
  }
  let [factor, period] = PERIODS[PERIODS.length - 1];
  for (const [f, p] of PERIODS) {
    if (Math.abs(perSecond) * f >= 1 || perSecond === 0) {
      [factor, period] = [f, p];
      break;
    }
  }
  return `${count(perSecond * factor)}${noun ? ` ${noun}` : ''}/${period}`;
};

/** A whole number of requests or traces ("302", "12.4k"). */
export const formatCount = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '–' : n >= 1e4 ? count(n) : String(Math.round(n));

/** Two significant digits without an exponent (toPrecision writes 120 as 1.2e+2). */
const sig2 = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(2));

/** A share of one core: two significant digits, and no exponent for the tiny ones. */
export const formatCpuPercent = (pct: number): string => {
  if (!Number.isFinite(pct)) {
    return '–';
  }
  if (pct === 0) {
    return '0%';
  }
  return pct < 0.01 ? '< 0.01%' : `${sig2(pct)}%`;
};

/** Storage per day in GB, MB or kB, whichever keeps the number at one or more. */
export const formatStoragePerDay = (gb: number | null): string => {
  if (gb === null || !Number.isFinite(gb)) {
    return '–';
  }
  if (gb === 0 || gb >= 1) {
    return gb === 0 ? '0 GB/day' : `${sig2(gb)} GB/day`;
  }
  if (gb >= 1e-3) {
    return `${sig2(gb * 1e3)} MB/day`;
  }
  return `${sig2(gb * 1e6)} kB/day`;
};

/**
 * Above this relative error an hourly p99 is noise: fewer than four kept traces an hour lie above it
 * (1/√(0.01·n) > 0.5 when n < 400), and a percentage like ±5976% says nothing a person can use.
 */
export const P99_USABLE_ERROR = 0.5;

/** The hourly p99's expected relative error, or in words when there is too little to estimate it. */
export const formatP99Error = (relative: number): string => {
  if (!Number.isFinite(relative)) {
    return 'no traces kept';
  }
  return relative > P99_USABLE_ERROR ? 'too few traces to estimate' : `±${formatPercent(relative)}`;
};
