import { FieldType, formattedValueToString, getValueFormat } from '@grafana/data';

import type { ServiceSampling } from '../../core/analysis/sampling';
import { SAMPLING_TABLE, readSamplingFrame, samplingFrame } from './samplingFrames';

const row: ServiceSampling = {
  service: 'frontend',
  sampler: 'tracestate',
  samplerDetail: 'tracestate ot=th:c',
  probability: 0.25,
  storedTraces: 4,
  storedSpans: 8,
  spansPerTrace: 2,
  storedTracesPerSecond: 0.4,
  storedSpansPerSecond: 0.8,
  bytesPerSpan: 1000,
  estimatedRequests: 16,
  estimatedRequestsPerSecond: 1.6,
  estimatedRequestsInterval: [4, 30],
  effectiveRate: 0.25,
  errorTraces: 1,
  errorRate: 0.25,
  notes: [],
};
const unknown: ServiceSampling = {
  ...row,
  service: 'web',
  sampler: 'unknown',
  probability: null,
  estimatedRequests: null,
  estimatedRequestsPerSecond: null,
  estimatedRequestsInterval: null,
  effectiveRate: null,
  notes: ['no probability'],
};

describe('sampling frame', () => {
  it('names every column in words and gives each rate the unit of what it counts (regression #19)', () => {
    const frame = samplingFrame([row, unknown], { windowSeconds: 10 });
    const shown = (name: string) => frame.fields.find((f) => f.name === name)?.config;
    for (const field of frame.fields) {
      expect(field.config.displayNameFromDS).toMatch(/^[A-Z][a-z]*( [a-z]+)*(, [a-z]+)?$|^SDK$/);
    }
    expect(shown('storedTracesPerSecond')?.displayNameFromDS).toBe('Stored trace rate');
    const format = (name: string, v: number) => formattedValueToString(getValueFormat(shown(name)?.unit)(v, 1));
    // Traces per second, not Grafana's "req/s": stored traces are not requests.
    expect(format('storedTracesPerSecond', 0.4)).toBe('0.4 traces/s');
    expect(format('storedSpansPerSecond', 0.8)).toBe('0.8 spans/s');
    expect(format('estimatedRequestsPerSecond', 1.6)).toBe('1.6 req/s');
    // A column with no estimate in any row is still a number column.
    const none = samplingFrame([unknown], { windowSeconds: 10 });
    expect(none.fields.find((f) => f.name === 'probability')?.type).toBe(FieldType.number);
  });

  it('round-trips rows, keeping missing estimates as null', () => {
    const frame = samplingFrame([row, unknown], { windowSeconds: 10, datasourceUid: 'tl' });
    expect(frame.name).toBe(SAMPLING_TABLE);
    const read = readSamplingFrame(frame);
    expect(read?.rows).toEqual([row, unknown]);
    expect(read?.meta).toEqual({ windowSeconds: 10, datasourceUid: 'tl', sources: undefined });
  });

  it('ignores other frames', () => {
    const frame = samplingFrame([row], { windowSeconds: 10 });
    expect(readSamplingFrame({ ...frame, name: 'x', meta: {} })).toBeUndefined();
  });
});
