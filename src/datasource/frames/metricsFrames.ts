import { createDataFrame, DataFrameType, DataTopic, FieldType, type DataFrame, type Labels } from '@grafana/data';

import type { MetricsResult, MetricsSeries } from '../client/types';
import { traceViewLink, type SelfRef } from './links';
import { metricsUnit } from './metricsUnits';
import { otlpAttributes } from './values';

/** The exemplar label Tempo uses for the trace id (`trace:id`), and older spellings. */
const TRACE_ID_LABELS = ['trace:id', 'traceId', 'trace_id', 'traceID'];

export interface MetricsFrameContext {
  self: SelfRef;
  refId?: string;
  instant: boolean;
  /** Query text, to name series without labels. */
  query: string;
}

function labelsOf(series: MetricsSeries): Labels {
  const attrs = otlpAttributes(series.labels);
  return Object.fromEntries(Object.entries(attrs).map(([k, v]) => [k, String(v)]));
}

function seriesName(labels: Labels, fallback: string): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return fallback;
  }
  return `{${entries.map(([k, v]) => `${k}="${v}"`).join(', ')}}`;
}

/**
 * Legend text like Prometheus's: the label value alone for one label (`frontend`), `k=v` pairs for
 * several; without it Grafana prints the frame name, the field name and the labels all together.
 */
export function displayName(labels: Labels, fallback: string): string {
  const entries = Object.entries(labels);
  if (entries.length === 0) {
    return fallback;
  }
  if (entries.length === 1) {
    return entries[0][1];
  }
  return entries.map(([k, v]) => `${k}=${v}`).join(', ');
}

/** The series' values and axis say what they measure: spans/s, spans, seconds (see metricsUnit). */
function valueConfig(labels: Labels, ctx: MetricsFrameContext, unit: string | undefined) {
  return { displayNameFromDS: displayName(labels, ctx.query), ...(unit ? { unit } : {}) };
}

function rangeFrame(series: MetricsSeries, ctx: MetricsFrameContext, unit: string | undefined): DataFrame {
  const labels = labelsOf(series);
  const samples = series.samples ?? [];
  return createDataFrame({
    name: seriesName(labels, ctx.query),
    refId: ctx.refId,
    fields: [
      { name: 'time', type: FieldType.time, config: {}, values: samples.map((s) => Number(s.timestampMs)) },
      {
        name: 'value',
        type: FieldType.number,
        config: valueConfig(labels, ctx, unit),
        labels,
        values: samples.map((s) => s.value),
      },
    ],
    meta: { preferredVisualisationType: 'graph' },
  });
}

function instantFrame(
  series: MetricsSeries,
  ctx: MetricsFrameContext,
  atMs: number,
  unit: string | undefined
): DataFrame {
  const labels = labelsOf(series);
  return createDataFrame({
    name: seriesName(labels, ctx.query),
    refId: ctx.refId,
    fields: [
      { name: 'time', type: FieldType.time, config: {}, values: [atMs] },
      {
        name: 'value',
        type: FieldType.number,
        config: valueConfig(labels, ctx, unit),
        labels,
        values: [series.value ?? null],
      },
    ],
  });
}

/**
 * One exemplar frame for all series: Grafana draws exemplars from annotation frames named
 * `exemplar`, and the trace id opens the trace view.
 */
function exemplarFrame(result: MetricsResult, ctx: MetricsFrameContext): DataFrame | undefined {
  const rows: Array<{ time: number; value: number; traceId: string; labels: Record<string, string> }> = [];
  for (const series of result.series) {
    const seriesLabels = labelsOf(series);
    for (const ex of series.exemplars ?? []) {
      const attrs = otlpAttributes(ex.labels);
      const idKey = TRACE_ID_LABELS.find((k) => attrs[k] !== undefined);
      if (!idKey) {
        continue;
      }
      const labels: Record<string, string> = { ...seriesLabels };
      for (const [k, v] of Object.entries(attrs)) {
        if (k !== idKey) {
          labels[k] = String(v);
        }
      }
      rows.push({ time: Number(ex.timestampMs), value: ex.value, traceId: String(attrs[idKey]), labels });
    }
  }
  if (rows.length === 0) {
    return undefined;
  }
  const labelKeys = [...new Set(rows.flatMap((r) => Object.keys(r.labels)))].sort();
  return createDataFrame({
    name: 'exemplar',
    refId: ctx.refId,
    meta: { dataTopic: DataTopic.Annotations, custom: { resultType: 'exemplar' } },
    fields: [
      { name: 'Time', type: FieldType.time, config: {}, values: rows.map((r) => r.time) },
      { name: 'Value', type: FieldType.number, config: {}, values: rows.map((r) => r.value) },
      {
        name: 'traceId',
        type: FieldType.string,
        config: { displayNameFromDS: 'Trace ID', links: [traceViewLink(ctx.self)] },
        values: rows.map((r) => r.traceId),
      },
      ...labelKeys.map((k) => ({
        name: k,
        type: FieldType.string,
        config: {},
        values: rows.map((r) => r.labels[k] ?? null),
      })),
    ],
  });
}

/**
 * histogram_over_time() answers one series per `__bucket` (its upper bound, in seconds for
 * durations); with no other labels they make one `heatmap-rows` frame, so the latency heatmap
 * (and Grafana's) draws them directly. The time of a row is the sample's stamp, the END of the
 * step it counts ((t - step, t], Tempo 2.9+), which is how heatmap-rows times are read (xMax).
 */
function histogramRowsFrame(series: readonly MetricsSeries[], ctx: MetricsFrameContext): DataFrame | null {
  const bucketOf = (s: MetricsSeries) =>
    s.labels.length === 1 && s.labels[0].key === '__bucket' ? otlpAttributes(s.labels).__bucket : undefined;
  if (ctx.instant || series.length === 0 || series.some((s) => bucketOf(s) === undefined || !s.samples)) {
    return null;
  }
  const times = [...new Set(series.flatMap((s) => (s.samples ?? []).map((x) => Number(x.timestampMs))))].sort(
    (a, b) => a - b
  );
  const at = new Map(times.map((t, i) => [t, i]));
  const buckets = [...series].sort((a, b) => Number(bucketOf(a)) - Number(bucketOf(b)));
  return createDataFrame({
    name: ctx.query,
    refId: ctx.refId,
    meta: { type: DataFrameType.HeatmapRows },
    fields: [
      { name: 'time', type: FieldType.time, config: {}, values: times },
      ...buckets.map((s) => {
        const values = new Array<number>(times.length).fill(0);
        for (const x of s.samples ?? []) {
          values[at.get(Number(x.timestampMs)) as number] = x.value;
        }
        const bucket = String(bucketOf(s));
        return { name: bucket, type: FieldType.number, config: { unit: 's' }, labels: { __bucket: bucket }, values };
      }),
    ],
  });
}

/** TraceQL metrics results as Grafana time series (or instant values) plus an exemplar frame. */
export function buildMetricsFrames(result: MetricsResult, ctx: MetricsFrameContext, instantAtMs: number): DataFrame[] {
  const rows = histogramRowsFrame(result.series, ctx);
  const unit = rows ? undefined : metricsUnit(ctx.query);
  const frames = rows
    ? [rows]
    : result.series.map((s) => (ctx.instant ? instantFrame(s, ctx, instantAtMs, unit) : rangeFrame(s, ctx, unit)));
  const exemplars = ctx.instant ? undefined : exemplarFrame(result, ctx);
  return exemplars ? [...frames, exemplars] : frames;
}
