import { DataFrame, FieldType, createDataFrame } from '@grafana/data';

import type { SamplerKind, ServiceSampling } from '../../core/analysis/sampling';

/**
 * The table the TraceLens data source answers a sampling query with, one row per service (and
 * operation), and the sampling panel reads. Missing estimates travel as null, never as 0.
 */
export const SAMPLING_TABLE = 'tracelens-sampling';

export interface SamplingMeta {
  readonly windowSeconds: number;
  readonly datasourceUid?: string;
  /** Where the probabilities were read from, e.g. the Jaeger sampling URL. */
  readonly sources?: readonly string[];
}

export function samplingFrame(rows: readonly ServiceSampling[], meta: SamplingMeta, refId = 'A'): DataFrame {
  const col = <T>(pick: (r: ServiceSampling) => T) => rows.map(pick);
  return createDataFrame({
    name: SAMPLING_TABLE,
    refId,
    meta: { custom: { tracelens: SAMPLING_TABLE, ...meta }, preferredVisualisationType: 'table' },
    fields: [
      { name: 'service', type: FieldType.string, values: col((r) => r.service) },
      { name: 'operation', type: FieldType.string, values: col((r) => r.operation ?? '') },
      { name: 'serviceName', type: FieldType.string, values: col((r) => r.serviceName ?? '') },
      { name: 'namespace', type: FieldType.string, values: col((r) => r.namespace ?? '') },
      { name: 'sdk', type: FieldType.string, values: col((r) => r.sdk ?? '') },
      { name: 'sampler', type: FieldType.string, values: col((r) => r.sampler) },
      { name: 'samplerDetail', type: FieldType.string, values: col((r) => r.samplerDetail) },
      {
        name: 'probability',
        type: FieldType.number,
        values: col((r) => r.probability),
        config: { unit: 'percentunit' },
      },
      { name: 'storedTraces', type: FieldType.number, values: col((r) => r.storedTraces) },
      { name: 'storedSpans', type: FieldType.number, values: col((r) => r.storedSpans) },
      { name: 'spansPerTrace', type: FieldType.number, values: col((r) => r.spansPerTrace) },
      {
        name: 'storedTracesPerSecond',
        type: FieldType.number,
        values: col((r) => r.storedTracesPerSecond),
        config: { unit: 'reqps' },
      },
      { name: 'storedSpansPerSecond', type: FieldType.number, values: col((r) => r.storedSpansPerSecond) },
      { name: 'bytesPerSpan', type: FieldType.number, values: col((r) => r.bytesPerSpan), config: { unit: 'bytes' } },
      { name: 'estimatedRequests', type: FieldType.number, values: col((r) => r.estimatedRequests) },
      {
        name: 'estimatedRequestsPerSecond',
        type: FieldType.number,
        values: col((r) => r.estimatedRequestsPerSecond),
        config: { unit: 'reqps' },
      },
      {
        name: 'estimatedRequestsLow',
        type: FieldType.number,
        values: col((r) => r.estimatedRequestsInterval?.[0] ?? null),
      },
      {
        name: 'estimatedRequestsHigh',
        type: FieldType.number,
        values: col((r) => r.estimatedRequestsInterval?.[1] ?? null),
      },
      {
        name: 'effectiveRate',
        type: FieldType.number,
        values: col((r) => r.effectiveRate),
        config: { unit: 'percentunit' },
      },
      { name: 'errorTraces', type: FieldType.number, values: col((r) => r.errorTraces) },
      { name: 'errorRate', type: FieldType.number, values: col((r) => r.errorRate), config: { unit: 'percentunit' } },
      { name: 'notes', type: FieldType.string, values: col((r) => r.notes.join(' ')) },
    ],
  });
}

const SAMPLERS: readonly SamplerKind[] = ['tracestate', 'jaeger-tags', 'strategy', 'rate-limited', 'unknown'];

function numOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function readSamplingFrame(frame: DataFrame): { rows: ServiceSampling[]; meta: SamplingMeta } | undefined {
  const custom = frame.meta?.custom as (Partial<SamplingMeta> & { tracelens?: string }) | undefined;
  if (frame.name !== SAMPLING_TABLE && custom?.tracelens !== SAMPLING_TABLE) {
    return undefined;
  }
  const values = (name: string): unknown[] => frame.fields.find((f) => f.name === name)?.values ?? [];
  const rows: ServiceSampling[] = [];
  for (let i = 0; i < frame.length; i++) {
    const v = (name: string) => values(name)[i];
    const sampler = SAMPLERS.includes(v('sampler') as SamplerKind) ? (v('sampler') as SamplerKind) : 'unknown';
    const low = numOrNull(v('estimatedRequestsLow'));
    const high = numOrNull(v('estimatedRequestsHigh'));
    const notes = String(v('notes') ?? '');
    const optional = (name: string) => (v(name) ? String(v(name)) : undefined);
    rows.push({
      service: String(v('service') ?? ''),
      serviceName: optional('serviceName'),
      namespace: optional('namespace'),
      operation: optional('operation'),
      sdk: optional('sdk'),
      sampler,
      samplerDetail: String(v('samplerDetail') ?? ''),
      probability: numOrNull(v('probability')),
      storedTraces: numOrNull(v('storedTraces')) ?? 0,
      storedSpans: numOrNull(v('storedSpans')) ?? 0,
      spansPerTrace: numOrNull(v('spansPerTrace')) ?? 0,
      storedTracesPerSecond: numOrNull(v('storedTracesPerSecond')) ?? 0,
      storedSpansPerSecond: numOrNull(v('storedSpansPerSecond')) ?? 0,
      bytesPerSpan: numOrNull(v('bytesPerSpan')),
      estimatedRequests: numOrNull(v('estimatedRequests')),
      estimatedRequestsPerSecond: numOrNull(v('estimatedRequestsPerSecond')),
      estimatedRequestsInterval: low !== null && high !== null ? [low, high] : null,
      effectiveRate: numOrNull(v('effectiveRate')),
      errorTraces: numOrNull(v('errorTraces')) ?? 0,
      errorRate: numOrNull(v('errorRate')) ?? 0,
      notes: notes ? [notes] : [],
    });
  }
  return {
    rows,
    meta: { windowSeconds: custom?.windowSeconds ?? 0, datasourceUid: custom?.datasourceUid, sources: custom?.sources },
  };
}
