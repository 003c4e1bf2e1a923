/**
 * Numbers with their units for the CLI's tables. Durations pick the unit that keeps one to three
 * digits before the point; rates move to per minute, hour or day when per second would print as
 * a string of zeros, so a rare service still reads as a plain number.
 */

/** Three significant digits, without exponent notation or trailing zeros after the point. */
function sig3(x: number): string {
  if (x === 0) {
    return '0';
  }
  const digits = Math.min(20, Math.max(0, 2 - Math.floor(Math.log10(Math.abs(x)))));
  const fixed = x.toFixed(digits);
  return digits === 0 ? fixed : fixed.replace(/\.?0+$/, '');
}

/** A duration given in milliseconds: `850 µs`, `12.3 ms`, `1.05 s`, `2.5 min`; '-' for none. */
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) {
    return '-';
  }
  if (ms === 0) {
    return '0 ms';
  }
  if (ms < 1e-3) {
    return `${sig3(ms * 1e6)} ns`;
  }
  if (ms < 1) {
    return `${sig3(ms * 1e3)} µs`;
  }
  if (ms < 1000) {
    return `${sig3(ms)} ms`;
  }
  if (ms < 60_000) {
    return `${sig3(ms / 1000)} s`;
  }
  return `${sig3(ms / 60_000)} min`;
}

const RATE_UNITS: ReadonlyArray<{ unit: string; seconds: number }> = [
  { unit: '/s', seconds: 1 },
  { unit: '/min', seconds: 60 },
  { unit: '/h', seconds: 3600 },
  { unit: '/day', seconds: 86_400 },
];

/** A rate given per second, in the first unit where it is at least 1 (`0.05/s` → `3/min`). */
export function formatRate(perSecond: number | null): string {
  if (perSecond === null || !Number.isFinite(perSecond)) {
    return '-';
  }
  if (perSecond === 0) {
    return '0/s';
  }
  const u = RATE_UNITS.find((r) => perSecond * r.seconds >= 1) ?? RATE_UNITS[RATE_UNITS.length - 1];
  return `${sig3(perSecond * u.seconds)}${u.unit}`;
}

/** A share given as 0..1: `12.5%`; '-' for none. */
export function formatPercent(share: number | null): string {
  return share === null || !Number.isFinite(share) ? '-' : `${sig3(share * 100)}%`;
}

/** A count with thousands separators that do not depend on the locale: `12,345`. */
export function formatCount(n: number | null): string {
  if (n === null || !Number.isFinite(n)) {
    return '-';
  }
  const [whole, frac] = String(Math.round(n * 10) / 10).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${grouped}.${frac}` : grouped;
}
