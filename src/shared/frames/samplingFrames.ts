import { DataFrame, FieldConfig, FieldType, createDataFrame } from '@grafana/data';

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

/**
 * A column: the field name is the contract the panel and readSamplingFrame read by; the display
 * name is what a table shows (Grafana's table or Explore would otherwise print `storedTracesPerSecond`).
 * Rates of traces and spans get their own count units: Grafana's `reqps` would print "req/s" for
 * what is a rate of stored traces.
 */
function column(
  name: string,
  displayName: string,
  values: ReadonlyArray<string | number | null>,
  unit?: string
): { name: string; type: FieldType; values: Array<string | number | null>; config: FieldConfig } {
  return {
    name,
    // A rate column with no estimate anywhere is still a number column (its nulls say "unknown").
    type: unit === undefined ? FieldType.string : FieldType.number,
    values: [...values],
    config: { displayNameFromDS: displayName, ...(unit ? { unit } : {}) },
  };
}

export function samplingFrame(rows: readonly ServiceSampling[], meta: SamplingMeta, refId = 'A'): DataFrame {
  const col = <T>(pick: (r: ServiceSampling) => T) => rows.map(pick);
  const num = (pick: (r: ServiceSampling) => number | null) => rows.map(pick);
  const text = (pick: (r: ServiceSampling) => string) => rows.map(pick);
  return createDataFrame({
    name: SAMPLING_TABLE,
    refId,
    meta: { custom: { tracelens: SAMPLING_TABLE, ...meta }, preferredVisualisationType: 'table' },
    fields: [
      column(
        'service',
        'Service',
        text((r) => r.service)
      ),
      column(
        'operation',
        'Operation',
        text((r) => r.operation ?? '')
      ),
      column(
        'serviceName',
        'Service name',
        text((r) => r.serviceName ?? '')
      ),
      column(
        'namespace',
        'Namespace',
        text((r) => r.namespace ?? '')
      ),
      column(
        'sdk',
        'SDK',
        text((r) => r.sdk ?? '')
      ),
      column(
        'sampler',
        'Sampler',
        text((r) => r.sampler)
      ),
      column(
        'samplerDetail',
        'Sampler detail',
        text((r) => r.samplerDetail)
      ),
      column(
        'probability',
        'Configured probability',
        num((r) => r.probability),
        'percentunit'
      ),
      column(
        'storedTraces',
        'Stored traces',
        num((r) => r.storedTraces),
        'count:traces'
      ),
      column(
        'storedSpans',
        'Stored spans',
        num((r) => r.storedSpans),
        'count:spans'
      ),
      column(
        'spansPerTrace',
        'Spans per trace',
        num((r) => r.spansPerTrace),
        'short'
      ),
      column(
        'storedTracesPerSecond',
        'Stored trace rate',
        num((r) => r.storedTracesPerSecond),
        'count:traces/s'
      ),
      column(
        'storedSpansPerSecond',
        'Stored span rate',
        num((r) => r.storedSpansPerSecond),
        'count:spans/s'
      ),
      column(
        'bytesPerSpan',
        'Bytes per span',
        num((r) => r.bytesPerSpan),
        'bytes'
      ),
      column(
        'estimatedRequests',
        'Estimated requests',
        num((r) => r.estimatedRequests),
        'count:requests'
      ),
      column(
        'estimatedRequestsPerSecond',
        'Estimated request rate',
        num((r) => r.estimatedRequestsPerSecond),
        'reqps'
      ),
      column(
        'estimatedRequestsLow',
        'Estimated requests, low',
        num((r) => r.estimatedRequestsInterval?.[0] ?? null),
        'count:requests'
      ),
      column(
        'estimatedRequestsHigh',
        'Estimated requests, high',
        num((r) => r.estimatedRequestsInterval?.[1] ?? null),
        'count:requests'
      ),
      column(
        'effectiveRate',
        'Effective sampling rate',
        num((r) => r.effectiveRate),
        'percentunit'
      ),
      column(
        'errorTraces',
        'Error traces',
        num((r) => r.errorTraces),
        'count:traces'
      ),
      column(
        'errorRate',
        'Error rate',
        num((r) => r.errorRate),
        'percentunit'
      ),
      column(
        'notes',
        'Notes',
        col((r) => r.notes.join(' '))
      ),
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
