/**
 * JSON for CLI output: bigint (exact 64-bit values, nanosecond instants) as decimal strings, and
 * non-finite numbers as the strings jsonpb writes for doubles ("Infinity", "-Infinity", "NaN"),
 * which is how Tempo answers a metrics sample of +Inf; plain JSON has no such numbers and
 * JSON.stringify would print null.
 */
export function toJson(value: unknown, options: { compact?: boolean } = {}): string {
  return JSON.stringify(value, (_key, v: unknown) => jsonValue(v), options.compact ? undefined : 2);
}

function jsonValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    return v.toString();
  }
  if (typeof v === 'number' && !Number.isFinite(v)) {
    return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  }
  return v;
}
