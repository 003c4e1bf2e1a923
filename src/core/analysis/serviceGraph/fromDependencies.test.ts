import { serviceGraphFromDependencies } from './fromDependencies';

describe('serviceGraphFromDependencies', () => {
  it('turns Jaeger call counts into edges and nodes with unknown latency', () => {
    const g = serviceGraphFromDependencies(
      [
        { parent: 'frontend', child: 'api', callCount: 12 },
        { parent: 'api', child: 'db', callCount: 30 },
        { parent: 'frontend', child: 'api', callCount: 3 },
      ],
      { windowSeconds: 60 }
    );
    expect(g.source).toBe('dependencies');
    expect(g.edges.map((e) => [e.id, e.requests, e.requestRate])).toEqual([
      ['api->db', 30, 0.5],
      ['frontend->api', 15, 0.25],
    ]);
    expect(g.nodes.map((n) => [n.id, n.requests])).toEqual([
      ['api', 15],
      ['db', 30],
      ['frontend', 0],
    ]);
    expect(g.edges[0]).toMatchObject({ errors: 0, p50Ms: null, p95Ms: null, p99Ms: null });
  });

  it('skips malformed links and leaves rates null without a window', () => {
    const g = serviceGraphFromDependencies([
      { parent: '', child: 'x', callCount: 1 },
      { parent: 'a', child: 'b', callCount: Number.NaN },
      { parent: 'a', child: 'b', callCount: 2 },
    ]);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0].requestRate).toBeNull();
  });
});
