import type { ServiceGraph } from '../../core/analysis/serviceGraph';
import { buildNodeGraphFrames } from './nodeGraphFrames';
import { withNotices } from './notices';

const red = { requests: 10, errors: 1, requestRate: 0.5, errorRate: 0.1, p50Ms: 5, p95Ms: 9, p99Ms: 12, avgMs: 6 };

const graph: ServiceGraph = {
  nodes: [
    { id: 'frontend', kind: 'service', ...red },
    { id: 'sqlite', kind: 'database', namedBy: 'db.system=sqlite', ...red },
  ],
  edges: [{ id: 'frontend->sqlite', source: 'frontend', target: 'sqlite', ...red }],
  windowSeconds: 20,
  source: 'traces',
};

describe('buildNodeGraphFrames', () => {
  it('builds nodes and edges frames for the node graph', () => {
    const [nodes, edges] = buildNodeGraphFrames(graph, 'A');
    expect(nodes.name).toBe('nodes');
    expect(edges.name).toBe('edges');
    expect(nodes.meta?.preferredVisualisationType).toBe('nodeGraph');
    expect(nodes.fields.find((f) => f.name === 'id')?.values).toEqual(['frontend', 'sqlite']);
    expect(nodes.fields.find((f) => f.name === 'icon')?.values).toEqual(['', 'database']);
    expect(nodes.fields.find((f) => f.name === 'arc__errors')?.config.color).toEqual({
      mode: 'fixed',
      fixedColor: 'red',
    });
    expect(edges.fields.find((f) => f.name === 'source')?.values).toEqual(['frontend']);
    expect(edges.fields.find((f) => f.name === 'mainstat')?.config.unit).toBe('reqps');
  });
});

describe('withNotices', () => {
  it('appends notices with their severity to the frame meta', () => {
    const [nodes] = buildNodeGraphFrames(graph);
    const out = withNotices(nodes, [{ severity: 'warning', text: 'scanned 200 of 1,204 traces' }]);
    expect(out.meta?.notices).toEqual([{ severity: 'warning', text: 'scanned 200 of 1,204 traces' }]);
    expect(out.meta?.preferredVisualisationType).toBe('nodeGraph');
  });
});

describe('node graph frames name their data source', () => {
  it('carries the data source uid and type for the panel’s Explore links', () => {
    const [nodes, edges] = buildNodeGraphFrames({ nodes: [], edges: [], windowSeconds: 60, source: 'traces' }, 'A', {
      uid: 'tl-jaeger',
    });
    for (const f of [nodes, edges]) {
      expect(f.meta?.custom).toMatchObject({
        datasourceUid: 'tl-jaeger',
        datasourceType: 'tracelens-traceql-datasource',
      });
    }
  });
});
