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

/** A duration as a TraceQL literal, in the largest unit that keeps it an integer (exact). */
export function traceqlDuration(ns: number): string {
  const n = Math.round(ns);
  const units: Array<[number, string]> = [
    [3600e9, 'h'],
    [60e9, 'm'],
    [1e9, 's'],
    [1e6, 'ms'],
    [1e3, 'us'],
  ];
  for (const [size, unit] of units) {
    if (n !== 0 && n % size === 0) {
      return `${n / size}${unit}`;
    }
  }
  return `${n}ns`;
}
