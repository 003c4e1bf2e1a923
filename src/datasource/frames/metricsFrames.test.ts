import { DataFrameType, DataTopic } from '@grafana/data';

import { heatmapFromCells } from '../../core/analysis/latency/fromCells';
import { readHeatmapFrames } from '../../panels/latencyheatmap/data/readFrames';

import type { MetricsResult } from '../client/types';
import { buildMetricsFrames, displayName } from './metricsFrames';

const self = { uid: 'tl', name: 'TraceLens' };

const result: MetricsResult = {
  notices: [],
  series: [
    {
      labels: [{ key: 'resource.service.name', value: { stringValue: 'api' } }],
      promLabels: '{resource.service.name="api"}',
      samples: [
        { timestampMs: '1700000000000', value: 1.5 },
        { timestampMs: '1700000060000', value: 2 },
      ],
      exemplars: [
        {
          labels: [{ key: 'trace:id', value: { stringValue: 'abc123' } }],
          value: 0.21,
          timestampMs: '1700000012345',
        },
      ],
    },
    { labels: [], promLabels: '{}', samples: [{ timestampMs: '1700000000000', value: 3 }], exemplars: [] },
  ],
};

describe('buildMetricsFrames', () => {
  it('makes one time series per series with labels on the value field', () => {
    const frames = buildMetricsFrames(result, { self, instant: false, query: '{} | rate()', refId: 'A' }, 0);
    expect(frames).toHaveLength(3);
    expect(frames[0].name).toBe('{resource.service.name="api"}');
    expect(frames[0].fields[0].values).toEqual([1700000000000, 1700000060000]);
    expect(frames[0].fields[1]).toMatchObject({ labels: { 'resource.service.name': 'api' }, values: [1.5, 2] });
    expect(frames[1].name).toBe('{} | rate()');
  });

  it('gives the values the unit of what the query measures, for the legend and the axis (regression #19)', () => {
    const rate = buildMetricsFrames(result, { self, instant: false, query: '{} | rate()' }, 0);
    expect(rate.slice(0, 2).map((f) => f.fields[1].config.unit)).toEqual(['count:spans/s', 'count:spans/s']);
    const p99 = buildMetricsFrames(result, { self, instant: true, query: '{} | quantile_over_time(duration, .99)' }, 0);
    expect(p99.map((f) => f.fields[1].config.unit)).toEqual(['s', 's']);
    const ratio = buildMetricsFrames(
      result,
      { self, instant: false, query: '({status=error} | rate()) / ({} | rate())' },
      0
    );
    expect(ratio[0].fields[1].config.unit).toBeUndefined();
  });

  it('adds an exemplar annotation frame whose trace id opens the trace view', () => {
    const ex = buildMetricsFrames(result, { self, instant: false, query: 'q' }, 0)[2];
    expect(ex.name).toBe('exemplar');
    expect(ex.meta?.dataTopic).toBe(DataTopic.Annotations);
    const traceId = ex.fields.find((f) => f.name === 'traceId');
    expect(traceId?.values).toEqual(['abc123']);
    expect(traceId?.config.links?.[0].internal?.query).toMatchObject({ queryType: 'traceId', query: '${__value.raw}' });
    expect(ex.fields.find((f) => f.name === 'resource.service.name')?.values).toEqual(['api']);
  });

  it('makes instant values at the end of the range', () => {
    const frames = buildMetricsFrames(
      { notices: [], series: [{ labels: [], promLabels: '{}', value: 42 }] },
      { self, instant: true, query: 'q' },
      1700000099000
    );
    expect(frames).toHaveLength(1);
    expect(frames[0].fields.map((f) => f.values)).toEqual([[1700000099000], [42]]);
  });
});

describe('metrics legend names', () => {
  it('uses the label value alone for one label and k=v pairs for several', () => {
    expect(displayName({ 'resource.service.name': 'frontend' }, '{} | rate()')).toBe('frontend');
    expect(displayName({ a: '1', b: '2' }, 'q')).toBe('a=1, b=2');
    expect(displayName({}, '{} | rate()')).toBe('{} | rate()');
  });
});

describe('histogram_over_time() frames', () => {
  // Two steps of 60 s stamped at their ends, 1700000060000 and 1700000120000: the samples of the
  // steps (1700000000000, 1700000060000] and (1700000060000, 1700000120000].
  const bucket = (le: number, values: number[]): MetricsResult['series'][number] => ({
    labels: [{ key: '__bucket', value: { doubleValue: le } }],
    promLabels: `{__bucket="${le}"}`,
    samples: values.map((value, i) => ({ timestampMs: String(1700000060000 + i * 60000), value })),
    exemplars: [],
  });
  const histogram: MetricsResult = { notices: [], series: [bucket(0.25, [1, 0]), bucket(0.125, [3, 2])] };

  it('become one heatmap-rows frame, buckets ascending, rows at the step ends', () => {
    const [frame] = buildMetricsFrames(histogram, { self, instant: false, query: 'h' }, 0);
    expect(frame.meta?.type).toBe(DataFrameType.HeatmapRows);
    expect(frame.fields.map((f) => [f.name, f.values])).toEqual([
      ['time', [1700000060000, 1700000120000]],
      ['0.125', [3, 2]],
      ['0.25', [1, 0]],
    ]);
  });

  it('fill the latency heatmap so each column spans (t - step, t]', () => {
    const input = readHeatmapFrames(buildMetricsFrames(histogram, { self, instant: false, query: 'h' }, 0));
    if (input.kind !== 'cells') {
      throw new Error(`expected cells, got ${input.kind}`);
    }
    const grid = heatmapFromCells(input.cells);
    expect({ startMs: grid.startMs, stepMs: grid.stepMs, columns: grid.columns }).toEqual({
      startMs: 1700000000000,
      stepMs: 60000,
      columns: 2,
    });
    expect(grid.total).toBe(6);
  });
});
