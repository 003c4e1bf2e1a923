/**
 * Minimum table column widths, in pixels, for the columns whose values have a known length: a
 * table shares its width evenly between columns, so in a half-width dashboard panel a 32-digit
 * trace id was cut to a dozen digits and the duration to "76" without its unit. Grafana's tables
 * read `custom.minWidth` and scroll sideways rather than cut these. Sized for Grafana's table font
 * (Inter, 14 px: hex digits are about 8.5 px) plus the cell's padding.
 */
export const MIN_WIDTH = {
  /** 32 hex digits (Tempo, Jaeger v2, W3C trace ids). */
  traceId: 310,
  /** 16 hex digits. */
  spanId: 180,
  /** `2026-12-05 08:16:47.123`. */
  time: 200,
  /** `1.05 s`, `752 µs`, `12.3 min`, and the header with its sort arrow. */
  duration: 110,
} as const;

/** Field config for a column that needs at least `px` pixels. */
export function minWidth(px: number): { custom: { minWidth: number } } {
  return { custom: { minWidth: px } };
}
