export type ColorScheme = 'viridis' | 'magma' | 'blues' | 'greens';
export type CountScale = 'linear' | 'sqrt' | 'log';

export interface LatencyHeatmapOptions {
  /** Sub-buckets per power of two, as log2: 0 = Tempo's histogram_over_time buckets. */
  resolution: number;
  colorScheme: ColorScheme;
  countScale: CountScale;
  /** Percentile lines to draw, comma-separated numbers in 0..100 ("50, 95, 99"). */
  percentileList: string;
  /** Time columns: 0 chooses from the panel width. */
  columns: number;
  exemplarsPerCell: number;
}

export const DEFAULT_OPTIONS: LatencyHeatmapOptions = {
  resolution: 1,
  colorScheme: 'viridis',
  countScale: 'sqrt',
  percentileList: '50, 95, 99',
  columns: 0,
  exemplarsPerCell: 5,
};

/** Parses "50, 95, 99.9": keeps values in (0, 100], sorted and unique; falls back to the default. */
export function parsePercentiles(text: string | undefined): number[] {
  const values = (text ?? '')
    .split(/[\s,;]+/)
    .map((v) => Number(v.replace(/^p/i, '')))
    .filter((v) => Number.isFinite(v) && v > 0 && v <= 100);
  const unique = Array.from(new Set(values)).sort((a, b) => a - b);
  return unique.length ? unique : [50, 95, 99];
}
