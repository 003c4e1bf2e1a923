import type { LatencySample } from '../../core/analysis/latency';
import { LATENCY_SAMPLES, latencySamplesFrame, readLatencySamples } from './latencyFrames';

describe('latency samples frame', () => {
  const samples: LatencySample[] = [
    {
      startMs: 1000,
      durationNs: 5e6,
      traceId: 'a'.repeat(32),
      spanId: 'b'.repeat(16),
      attributes: { 'span.http.route': '/x', status: 'error' },
    },
    { startMs: 2000, durationNs: 7e6, traceId: 'c'.repeat(32), spanId: 'd'.repeat(16), attributes: {} },
  ];
  const meta = {
    startMs: 0,
    endMs: 3000,
    stepMs: 1000,
    durationKind: 'span' as const,
    query: '{}',
    datasourceUid: 'tl',
  };

  it('round-trips samples and meta through a data frame', () => {
    const frame = latencySamplesFrame(samples, meta);
    expect(frame.name).toBe(LATENCY_SAMPLES);
    expect(frame.fields.find((f) => f.name === 'duration')?.config.unit).toBe('ns');
    const read = readLatencySamples(frame);
    expect(read?.samples).toEqual(samples);
    expect(read?.meta).toEqual(meta);
  });

  it('ignores frames that are not latency samples', () => {
    const frame = latencySamplesFrame(samples, meta);
    expect(readLatencySamples({ ...frame, name: 'other', meta: {} })).toBeUndefined();
  });
});
