/** Short, readable durations for axes and tooltips: 850ns, 12.5µs, 3.2ms, 1.25s, 2m5s. */
export function formatDurationNs(ns: number): string {
  if (!Number.isFinite(ns)) {
    return '–';
  }
  const abs = Math.abs(ns);
  if (abs < 1e3) {
    return `${trim(ns)}ns`;
  }
  if (abs < 1e6) {
    return `${trim(ns / 1e3)}µs`;
  }
  if (abs < 1e9) {
    return `${trim(ns / 1e6)}ms`;
  }
  if (abs < 60e9) {
    return `${trim(ns / 1e9)}s`;
  }
  const minutes = Math.floor(ns / 60e9);
  const seconds = Math.round((ns - minutes * 60e9) / 1e9);
  return seconds ? `${minutes}m${seconds}s` : `${minutes}m`;
}

function trim(v: number): string {
  const rounded =
    Math.abs(v) >= 100 ? Math.round(v) : Math.abs(v) >= 10 ? Math.round(v * 10) / 10 : Math.round(v * 100) / 100;
  return String(rounded);
}

/**
 * A duration as a TraceQL literal that means exactly `ns`, in the clearest form: whole hours or
 * minutes when it is one, else the largest of s, ms and us that keeps a whole part, with as many
 * decimals as exactness needs (Tempo reads durations with Go's parser, which takes decimals
 * exactly). A log bucket edge like 25165824 ns is not whole in any unit above ns, and reads
 * `25.165824ms` rather than `25165824ns`. A fractional `ns` (a sub-bucket edge below 2^r ns) is
 * floored: span durations are whole nanoseconds, so `> x` and `> floor(x)` keep the same spans, as
 * do `<= x` and `<= floor(x)`.
 */
export function traceqlDuration(ns: number): string {
  const n = Math.floor(ns);
  if (!Number.isFinite(n) || n <= 0) {
    return `${Number.isFinite(n) ? Math.max(0, n) : 0}ns`;
  }
  for (const [size, unit] of WHOLE_UNITS) {
    if (n % size === 0) {
      return `${n / size}${unit}`;
    }
  }
  for (const [size, digits, unit] of DECIMAL_UNITS) {
    if (n >= size) {
      const whole = Math.floor(n / size);
      const fraction = String(n - whole * size)
        .padStart(digits, '0')
        .replace(/0+$/, '');
      return `${whole}${fraction ? `.${fraction}` : ''}${unit}`;
    }
  }
  return `${n}ns`;
}

/** Units a literal uses only when the value is a whole number of them (60 s is not a decimal unit). */
const WHOLE_UNITS: ReadonlyArray<readonly [number, string]> = [
  [3600e9, 'h'],
  [60e9, 'm'],
];

/** Decimal units: size in ns, digits after the point that reach 1 ns, and the TraceQL suffix. */
const DECIMAL_UNITS: ReadonlyArray<readonly [number, number, string]> = [
  [1e9, 9, 's'],
  [1e6, 6, 'ms'],
  [1e3, 3, 'us'],
];
