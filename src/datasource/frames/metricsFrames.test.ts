import { DataTopic } from '@grafana/data';

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
