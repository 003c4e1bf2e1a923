import type { ColorScheme, CountScale } from '../types';

/**
 * Perceptually uniform colour ramps (anchor colours of matplotlib's viridis and magma, and two
 * sequential single-hue ramps), interpolated in RGB between anchors. Perceptual uniformity matters
 * here: equal steps in count must look like equal steps in colour, or hot spots lie.
 */
const RAMPS: Record<ColorScheme, string[]> = {
  viridis: [
    '#440154',
    '#482878',
    '#3e4989',
    '#31688e',
    '#26828e',
    '#1f9e89',
    '#35b779',
    '#6ece58',
    '#b5de2b',
    '#fde725',
  ],
  magma: ['#000004', '#180f3d', '#440f76', '#721f81', '#9e2f7f', '#cd4071', '#f1605d', '#fd9668', '#feca8d', '#fcfdbf'],
  blues: ['#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
  greens: ['#e5f5e0', '#c7e9c0', '#a1d99b', '#74c476', '#41ab5d', '#238b45', '#006d2c', '#00441b'],
};

function parse(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const PARSED: Record<ColorScheme, Array<[number, number, number]>> = {
  viridis: RAMPS.viridis.map(parse),
  magma: RAMPS.magma.map(parse),
  blues: RAMPS.blues.map(parse),
  greens: RAMPS.greens.map(parse),
};

/** Colour for t in [0, 1]. */
export function rampColor(scheme: ColorScheme, t: number): string {
  const ramp = PARSED[scheme];
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (ramp.length - 1);
  const i = Math.min(ramp.length - 2, Math.floor(x));
  const f = x - i;
  const [r1, g1, b1] = ramp[i];
  const [r2, g2, b2] = ramp[i + 1];
  return `rgb(${Math.round(r1 + (r2 - r1) * f)}, ${Math.round(g1 + (g2 - g1) * f)}, ${Math.round(b1 + (b2 - b1) * f)})`;
}

/** Maps a count to [0, 1] so both rare and dense cells stay visible. */
export function countToUnit(count: number, max: number, scale: CountScale): number {
  if (count <= 0 || max <= 0) {
    return 0;
  }
  switch (scale) {
    case 'linear':
      return count / max;
    case 'sqrt':
      return Math.sqrt(count) / Math.sqrt(max);
    case 'log':
      return Math.log1p(count) / Math.log1p(max);
  }
}

export const PERCENTILE_COLORS = ['#FF7A1A', '#F2495C', '#B877D9', '#FADE2A', '#8AB8FF', '#73BF69'];

/** The colour of a non-empty cell: never fully dark, so a single slow request stays visible. */
export function cellColor(scheme: ColorScheme, count: number, maxCount: number, scale: CountScale): string {
  return rampColor(scheme, 0.08 + 0.92 * countToUnit(count, maxCount, scale));
}

/** The count whose colour sits at unit u on the scale: countToUnit's inverse. */
function countAtUnit(u: number, max: number, scale: CountScale): number {
  switch (scale) {
    case 'linear':
      return u * max;
    case 'sqrt':
      return (u * Math.sqrt(max)) ** 2;
    case 'log':
      return Math.expm1(u * Math.log1p(max));
  }
}

export interface ColorScaleLegend {
  /** CSS gradient from a one-span cell's colour to the fullest cell's, in the drawn scale. */
  readonly gradient: string;
  /** Counts labelled under the bar, at their positions (0..1) along it. */
  readonly labels: ReadonlyArray<{ readonly count: number; readonly position: number }>;
}

/**
 * What each colour means, for the legend: the bar runs from 1 span to the fullest cell, coloured
 * exactly as cells are (same ramp, same count scale), with a middle label where that scale puts the
 * halfway colour, so a sqrt or log scale reads as one.
 */
export function colorScaleLegend(scheme: ColorScheme, scale: CountScale, maxCount: number): ColorScaleLegend {
  const max = Math.max(1, Math.round(maxCount));
  const low = countToUnit(1, max, scale);
  const steps = 12;
  const stops: string[] = [];
  for (let i = 0; i <= steps; i++) {
    const f = i / steps;
    const count = countAtUnit(low + (1 - low) * f, max, scale);
    stops.push(`${cellColor(scheme, count, max, scale)} ${Math.round(f * 100)}%`);
  }
  const labels: Array<{ count: number; position: number }> = [{ count: 1, position: 0 }];
  const mid = Math.round(countAtUnit(low + (1 - low) / 2, max, scale));
  if (max >= 3 && mid > 1 && mid < max) {
    labels.push({ count: mid, position: (countToUnit(mid, max, scale) - low) / (1 - low) });
  }
  if (max > 1) {
    labels.push({ count: max, position: 1 });
  }
  return { gradient: `linear-gradient(to right, ${stops.join(', ')})`, labels };
}
