import { histogramQuantile, serviceGraphFromPromMetrics, type PromSample } from './fromPromMetrics';

const s = (name: string, labels: Record<string, string>, value: number): PromSample => ({
  metric: { __name__: name, ...labels },
  value,
});

describe('histogramQuantile', () => {
  it('interpolates inside the bucket as Prometheus does', () => {
    const b = [
      { le: 0.1, count: 50 },
      { le: 0.2, count: 100 },
      { le: Infinity, count: 100 },
    ];
    expect(histogramQuantile(0.5, b)).toBeCloseTo(0.1);
    expect(histogramQuantile(0.75, b)).toBeCloseTo(0.15);
  });

  it('answers the highest finite bound for ranks in +Inf, and null when empty', () => {
    expect(
      histogramQuantile(0.99, [
        { le: 1, count: 1 },
        { le: Infinity, count: 10 },
      ])
    ).toBe(1);
    expect(histogramQuantile(0.5, [])).toBeNull();
  });
});

describe('serviceGraphFromPromMetrics', () => {
  const ab = { client: 'a', server: 'b' };
  const series = [
    s('traces_service_graph_request_total', ab, 100),
    s('traces_service_graph_request_failed_total', ab, 5),
    s('traces_service_graph_request_server_seconds_bucket', { ...ab, le: '0.01' }, 50),
    s('traces_service_graph_request_server_seconds_bucket', { ...ab, le: '0.1' }, 100),
    s('traces_service_graph_request_server_seconds_bucket', { ...ab, le: '+Inf' }, 100),
    s('traces_service_graph_request_total', { client: 'b', server: 'postgres', connection_type: 'database' }, 40),
  ];

  it('builds edges with requests, errors and latency from the server histogram', () => {
    const g = serviceGraphFromPromMetrics(series, { windowSeconds: 100 });
    const e = g.edges.find((x) => x.id === 'a->b')!;
    expect(e).toMatchObject({ requests: 100, errors: 5, errorRate: 0.05, requestRate: 1 });
    expect(e.p50Ms).toBeCloseTo(10);
    expect(e.p95Ms).toBeCloseTo(10 + 90 * 0.9);
  });

  it('sums incoming edges into nodes and takes peer kinds from connection_type', () => {
    const g = serviceGraphFromPromMetrics(series, { windowSeconds: 100 });
    expect(g.nodes.map((n) => [n.id, n.kind, n.requests])).toEqual([
      ['a', 'service', 0],
      ['b', 'service', 100],
      ['postgres', 'database', 40],
    ]);
  });
});
