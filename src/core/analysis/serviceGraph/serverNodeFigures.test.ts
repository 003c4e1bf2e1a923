import type { ServiceMetrics } from '../serviceMetrics';
import { withServerNodeFigures } from './serverNodeFigures';
import type { RedFigures, ServiceGraph } from './types';

const red = (requests: number, errors: number): RedFigures => ({
  requests,
  errors,
  requestRate: requests / 60,
  errorRate: requests > 0 ? errors / requests : 0,
  p50Ms: 1,
  p95Ms: 2,
  p99Ms: 3,
  avgMs: 1.5,
});

const graph: ServiceGraph = {
  nodes: [
    { id: 'api', kind: 'service', ...red(10, 1) },
    { id: 'batch', kind: 'service', ...red(4, 0) },
    { id: 'postgresql', kind: 'database', namedBy: 'db.system=postgresql', ...red(10, 0) },
  ],
  edges: [{ id: 'api->postgresql', source: 'api', target: 'postgresql', ...red(10, 0) }],
  windowSeconds: 60,
  source: 'traces',
};

const metrics: ServiceMetrics = {
  windowSeconds: 60,
  source: 'server',
  services: [
    {
      id: 'api',
      service: 'api',
      requests: 120,
      errors: 6,
      requestRate: 2,
      errorRate: 0.05,
      p50Ms: 4,
      p95Ms: 8,
      p99Ms: 16,
    },
    {
      id: 'shop/web',
      service: 'web',
      namespace: 'shop',
      requests: 30,
      errors: 0,
      requestRate: 0.5,
      errorRate: 0,
      p50Ms: null,
      p95Ms: null,
      p99Ms: null,
    },
  ],
};

describe('withServerNodeFigures', () => {
  const { graph: merged, fromTraces } = withServerNodeFigures(graph, metrics);
  const node = Object.fromEntries(merged.nodes.map((n) => [n.id, n]));

  it('replaces a service node’s figures with the server’s, with no mean from another population', () => {
    expect(node.api).toEqual({
      id: 'api',
      kind: 'service',
      requests: 120,
      errors: 6,
      requestRate: 2,
      errorRate: 0.05,
      p50Ms: 4,
      p95Ms: 8,
      p99Ms: 16,
      avgMs: null,
    });
    expect(merged.nodeFigures).toBe('server');
  });

  it('adds services the scan never reached and keeps peers, unnamed services and edges as they were', () => {
    expect(merged.nodes.map((n) => n.id)).toEqual(['api', 'batch', 'postgresql', 'shop/web']);
    expect(node['shop/web']).toMatchObject({ kind: 'service', namespace: 'shop', service: 'web', requests: 30 });
    expect(node.postgresql).toBe(graph.nodes[2]);
    expect(node.batch).toBe(graph.nodes[1]);
    expect(fromTraces).toEqual(['batch']);
    expect(merged.edges).toBe(graph.edges);
  });
});
