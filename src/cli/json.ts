/** JSON for CLI output: bigint (exact 64-bit values, nanosecond instants) as decimal strings. */
export function toJson(value: unknown, options: { compact?: boolean } = {}): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v),
    options.compact ? undefined : 2
  );
}
