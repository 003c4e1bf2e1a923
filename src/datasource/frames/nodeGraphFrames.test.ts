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
    expect(nodes.meta?.custom).not.toHaveProperty('nodeFigures');
  });

  it("says when the service nodes' figures are the server's own aggregates (#17)", () => {
    const [nodes] = buildNodeGraphFrames({ ...graph, nodeFigures: 'server' }, 'A');
    expect(nodes.meta?.custom).toMatchObject({ source: 'traces', nodeFigures: 'server' });
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

describe("node graph frames carry the data source's logs links", () => {
  const logs = {
    setup: { target: { uid: 'loki-uid', type: 'loki', name: 'Loki' }, options: {} },
    window: { startMs: 1_700_000_000_000, endMs: 1_700_000_600_000 },
  };
  const namespaced: ServiceGraph = {
    ...graph,
    nodes: [...graph.nodes, { id: 'shop/api', kind: 'service', namespace: 'shop', service: 'api', ...red }],
  };

  it("opens each service's logs over the graph's window, as the trace-to-logs settings say (regression #19)", () => {
    const [nodes] = buildNodeGraphFrames(namespaced, 'A', { uid: 'tl' }, logs);
    const urls = nodes.fields.find((f) => f.name === 'logsUrl')?.values.map((u: string) => decodeURIComponent(u));
    expect(urls).toHaveLength(3);
    expect(urls?.[0]).toContain('{service_name=\\"frontend\\"}');
    expect(urls?.[0]).toContain('"datasource":"loki-uid"');
    expect(urls?.[0]).toContain('"from":"1700000000000","to":"1700000600000"');
    // A database the services call has no logs of its own.
    expect(urls?.[1]).toBe('');
    // A namespaced service is found by its namespace too, and by its name, not its graph id.
    expect(urls?.[2]).toContain('{service_name=\\"api\\", service_namespace=\\"shop\\"}');
    expect(nodes.fields.find((f) => f.name === 'logsUrl')?.config.custom).toEqual({ hidden: true });
    expect(nodes.fields.find((f) => f.name === 'id')?.config.links?.[0]).toMatchObject({
      title: 'Logs for this service',
    });
  });

  it('gives a database no logs link even where an empty query would match every document', () => {
    const es = { ...logs, setup: { ...logs.setup, target: { uid: 'es', type: 'elasticsearch', name: 'ES' } } };
    const [nodes] = buildNodeGraphFrames(graph, 'A', { uid: 'tl' }, es);
    const urls = nodes.fields.find((f) => f.name === 'logsUrl')?.values;
    expect(decodeURIComponent(urls?.[0])).toContain('service_name:\\"frontend\\"');
    expect(urls?.[1]).toBe('');
  });

  it('adds no logs field when the data source has no trace-to-logs link', () => {
    const [nodes] = buildNodeGraphFrames(namespaced, 'A', { uid: 'tl' });
    expect(nodes.fields.find((f) => f.name === 'logsUrl')).toBeUndefined();
  });
});
