import { DataFrame, DataFrameType, FieldType } from '@grafana/data';

import type { HeatmapCell, LatencySample } from '../../../core/analysis/latency';
import { readLatencySamples, type LatencySamplesMeta } from '../../../shared/frames/latencyFrames';

/** What the panel was given, decided once per data change. */
export type HeatmapInput =
  | { readonly kind: 'samples'; readonly samples: LatencySample[]; readonly meta: LatencySamplesMeta }
  | { readonly kind: 'cells'; readonly cells: HeatmapCell[] }
  | { readonly kind: 'none'; readonly reason: string };

const UNIT_TO_NS: Record<string, number> = { ns: 1, µs: 1e3, us: 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Nanoseconds per unit of a duration field; other data sources mostly send seconds (Tempo, Prometheus). */
export function unitToNs(unit: string | undefined): number {
  return (unit && UNIT_TO_NS[unit]) || 1e9;
}

function cellsFromHeatmapCells(frame: DataFrame): HeatmapCell[] | undefined {
  const field = (name: string) => frame.fields.find((f) => f.name === name);
  const x = field('xMax') ?? field('xMin');
  const yMax = field('yMax');
  const yMin = field('yMin');
  const count = field('count');
  if (!x || !yMax || !count) {
    return undefined;
  }
  const scale = unitToNs(yMax.config.unit ?? (frame.meta?.custom as { yUnit?: string } | undefined)?.yUnit);
  const stepGuess = x.name === 'xMin' ? Number((frame.meta?.custom as { xSize?: number } | undefined)?.xSize ?? 0) : 0;
  const cells: HeatmapCell[] = [];
  for (let i = 0; i < frame.length; i++) {
    const hi = Number(yMax.values[i]) * scale;
    const lo = yMin ? Number(yMin.values[i]) * scale : hi / 2;
    cells.push({
      xMaxMs: Number(x.values[i]) + stepGuess,
      yMinNs: lo,
      yMaxNs: hi,
      count: Number(count.values[i]) || 0,
    });
  }
  return cells;
}

/** heatmap-rows: the first field is time, each other field one bucket named by its upper bound. */
function cellsFromHeatmapRows(frame: DataFrame): HeatmapCell[] | undefined {
  const time = frame.fields.find((f) => f.type === FieldType.time);
  if (!time) {
    return undefined;
  }
  const buckets = frame.fields
    .filter((f) => f !== time && f.type === FieldType.number)
    .map((f) => {
      const label = f.labels?.le ?? f.labels?.__bucket ?? f.config.displayNameFromDS ?? f.name;
      return { field: f, upper: parseFloat(label) * unitToNs(f.config.unit) };
    })
    .filter((b) => Number.isFinite(b.upper))
    .sort((a, b) => a.upper - b.upper);
  if (buckets.length === 0) {
    return undefined;
  }
  const cells: HeatmapCell[] = [];
  for (let i = 0; i < frame.length; i++) {
    buckets.forEach((b, j) => {
      const lower = j > 0 ? buckets[j - 1].upper : b.upper / 2;
      const count = Number(b.field.values[i]) || 0;
      if (count > 0) {
        cells.push({ xMaxMs: Number(time.values[i]), yMinNs: lower, yMaxNs: b.upper, count });
      }
    });
  }
  return cells;
}

export function readHeatmapFrames(frames: readonly DataFrame[]): HeatmapInput {
  for (const frame of frames) {
    const samples = readLatencySamples(frame);
    if (samples) {
      return { kind: 'samples', ...samples };
    }
  }
  for (const frame of frames) {
    const type = frame.meta?.type;
    const cells =
      type === DataFrameType.HeatmapCells
        ? cellsFromHeatmapCells(frame)
        : type === DataFrameType.HeatmapRows
          ? cellsFromHeatmapRows(frame)
          : undefined;
    if (cells) {
      return { kind: 'cells', cells };
    }
  }
  if (frames.length === 0 || frames.every((f) => f.length === 0)) {
    return { kind: 'none', reason: 'No spans matched in this time range.' };
  }
  return {
    kind: 'none',
    reason:
      'This panel needs a TraceLens latency query, or heatmap frames (heatmap-cells or heatmap-rows) from another data source.',
  };
}
