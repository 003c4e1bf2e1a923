/** Series inside the metrics engine: labels, one value per step (NaN = no value), exemplars. */
import type { Label } from './labels';

export interface Exemplar {
  readonly labels: readonly Label[];
  /** NaN until attached: rate/count exemplars take their series' value at the end, as in Tempo. */
  value: number;
  readonly step: number;
  readonly timestampMs: string;
}

export interface Series {
  readonly labels: readonly Label[];
  readonly key: string;
  readonly values: Float64Array;
  readonly exemplars: Exemplar[];
}

/** Insertion-ordered, keyed by the Prometheus-style label text. */
export type SeriesSet = Map<string, Series>;

export const MAX_EXEMPLARS = 100;
export const MAX_EXEMPLARS_PER_STEP = 2;
