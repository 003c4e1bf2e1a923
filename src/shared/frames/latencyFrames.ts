import { DataFrame, FieldType, createDataFrame } from '@grafana/data';

import type { LatencySample, SampleValue } from '../../core/analysis/latency';

/**
 * The frame the TraceLens data source answers a latency query with, and the latency heatmap panel
 * reads. Raw samples (not pre-bucketed cells) travel so the panel can re-bucket at its own
 * resolution and compare any region the user drags against the rest of the window.
 */
export const LATENCY_SAMPLES = 'tracelens-latency-samples';

export interface LatencySamplesMeta {
  readonly startMs: number;
  readonly endMs: number;
  /** Step the query asked for; the panel may choose its own from its width. */
  readonly stepMs?: number;
  readonly durationKind: 'span' | 'trace';
  readonly query: string;
  /** Where exemplar and comparison links should open. */
  readonly datasourceUid?: string;
}

export function latencySamplesFrame(
  samples: readonly LatencySample[],
  meta: LatencySamplesMeta,
  refId = 'A'
): DataFrame {
  return createDataFrame({
    name: LATENCY_SAMPLES,
    refId,
    meta: { custom: { tracelens: LATENCY_SAMPLES, ...meta } },
    fields: [
      { name: 'time', type: FieldType.time, values: samples.map((s) => s.startMs) },
      { name: 'duration', type: FieldType.number, config: { unit: 'ns' }, values: samples.map((s) => s.durationNs) },
      { name: 'traceID', type: FieldType.string, values: samples.map((s) => s.traceId) },
      { name: 'spanID', type: FieldType.string, values: samples.map((s) => s.spanId) },
      { name: 'attributes', type: FieldType.other, values: samples.map((s) => s.attributes) },
    ],
  });
}

function isSampleRecord(v: unknown): v is Record<string, SampleValue> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readLatencySamples(
  frame: DataFrame
): { samples: LatencySample[]; meta: LatencySamplesMeta } | undefined {
  const custom = frame.meta?.custom as (Partial<LatencySamplesMeta> & { tracelens?: string }) | undefined;
  if (frame.name !== LATENCY_SAMPLES && custom?.tracelens !== LATENCY_SAMPLES) {
    return undefined;
  }
  const field = (name: string) => frame.fields.find((f) => f.name === name);
  const time = field('time');
  const duration = field('duration');
  if (!time || !duration) {
    return undefined;
  }
  const traceIds = field('traceID');
  const spanIds = field('spanID');
  const attributes = field('attributes');
  const samples: LatencySample[] = [];
  for (let i = 0; i < frame.length; i++) {
    const attrs: unknown = attributes?.values[i];
    samples.push({
      startMs: Number(time.values[i]),
      durationNs: Number(duration.values[i]),
      traceId: String(traceIds?.values[i] ?? ''),
      spanId: String(spanIds?.values[i] ?? ''),
      attributes: isSampleRecord(attrs) ? attrs : {},
    });
  }
  const startMs = custom?.startMs ?? Math.min(...samples.map((s) => s.startMs));
  const endMs = custom?.endMs ?? Math.max(...samples.map((s) => s.startMs)) + 1;
  return {
    samples,
    meta: {
      startMs,
      endMs,
      stepMs: custom?.stepMs,
      durationKind: custom?.durationKind ?? 'span',
      query: custom?.query ?? '',
      datasourceUid: custom?.datasourceUid,
    },
  };
}
