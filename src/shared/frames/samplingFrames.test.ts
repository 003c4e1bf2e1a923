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
