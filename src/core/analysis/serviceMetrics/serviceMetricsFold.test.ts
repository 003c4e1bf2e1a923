import type { InstantMetricsResponse, KeyValue } from '../../engine';
import { ServiceMetricsFold } from './serviceMetricsFold';

const STATS = {
  inspectedTraces: 0,
  inspectedSpans: '0',
  inspectedBytes: '0',
  totalBlocks: 0,
  completedJobs: 1,
  totalJobs: 1,
};
const str = (key: string, v: string): KeyValue => ({ key, value: { stringValue: v } });

function answer(series: Array<{ labels: KeyValue[]; value: number }>): InstantMetricsResponse {
  return { series: series.map((s) => ({ ...s, promLabels: '' })), metrics: STATS };
}

// Tempo-shaped answers: `nil` where a span has no namespace, buckets bounded in seconds (2^20 ns, 2^21 ns).
const counts = answer([
  {
    labels: [str('resource.service.namespace', 'nil'), str('resource.service.name', 'api'), str('status', 'unset')],
    value: 3,
  },
  {
    labels: [str('resource.service.namespace', 'nil'), str('resource.service.name', 'api'), str('status', 'error')],
    value: 1,
  },
  {
    labels: [str('resource.service.namespace', 'shop'), str('resource.service.name', 'api'), str('status', 'ok')],
    value: 2,
  },
]);
const histogram = answer([
  {
    labels: [
      str('resource.service.namespace', 'nil'),
      str('resource.service.name', 'api'),
      { key: '__bucket', value: { doubleValue: 0.001048576 } },
    ],
    value: 3,
  },
  {
    labels: [
      str('resource.service.namespace', 'nil'),
      str('resource.service.name', 'api'),
      { key: '__bucket', value: { doubleValue: 0.002097152 } },
    ],
    value: 1,
  },
  {
    labels: [
      str('resource.service.namespace', 'shop'),
      str('resource.service.name', 'api'),
      { key: '__bucket', value: { doubleValue: 0.004194304 } },
    ],
    value: 2,
  },
]);

describe('ServiceMetricsFold', () => {
  it('reads requests, errors, rates and Tempo-style quantiles per namespace/name', () => {
    const fold = new ServiceMetricsFold();
    fold.addCounts(counts);
    fold.addHistogram(histogram);
    const r = fold.result(10, 'server');
    expect(r.source).toBe('server');
    expect(r.services.map((s) => s.id)).toEqual(['api', 'shop/api']);
    const [plain, shop] = r.services;
    expect(plain).toMatchObject({ service: 'api', requests: 4, errors: 1, requestRate: 0.4, errorRate: 0.25 });
    expect(plain.namespace).toBeUndefined();
    // p50: rank 2 of 4 lies in the first bucket (3 spans), two thirds of the way up its log2 span
    // from 2^19 ns to 2^20 ns; p95 and p99: rank 4 is the top of the second bucket.
    expect(plain.p50Ms).toBeCloseTo(1.048576 * 2 ** (-1 / 3), 9);
    expect(plain.p95Ms).toBeCloseTo(2.097152, 9);
    expect(plain.p99Ms).toBeCloseTo(2.097152, 9);
    expect(shop).toMatchObject({ namespace: 'shop', requests: 2, errors: 0, errorRate: 0 });
    expect(shop.p99Ms).toBeCloseTo(4.194304, 9);
    // Rank 1 of the bucket's 2 spans: half way up from 2^21 ns to 2^22 ns on the log scale.
    expect(shop.p50Ms).toBeCloseTo(4.194304 * 2 ** -0.5, 9);
  });

  it('sums answers for disjoint traces, as the scan folds them', () => {
    const once = new ServiceMetricsFold();
    once.addCounts(counts);
    once.addHistogram(histogram);
    const twice = new ServiceMetricsFold();
    for (let i = 0; i < 2; i++) {
      twice.addCounts(counts);
      twice.addHistogram(histogram);
    }
    const a = once.result(10, 'traces').services[0];
    const b = twice.result(10, 'traces').services[0];
    expect(b.requests).toBe(2 * a.requests);
    expect(b.errors).toBe(2 * a.errors);
    expect(b.p95Ms).toBe(a.p95Ms);
  });

  it('has no rate over an empty window and no quantile without buckets', () => {
    const fold = new ServiceMetricsFold();
    fold.addCounts(counts);
    fold.addHistogram(
      answer([{ labels: [str('resource.service.name', 'api'), str('__bucket', 'not a number')], value: 9 }])
    );
    const s = fold.result(0, 'traces').services[0];
    expect(s.requestRate).toBeNull();
    expect(s.p50Ms).toBeNull();
  });
});
