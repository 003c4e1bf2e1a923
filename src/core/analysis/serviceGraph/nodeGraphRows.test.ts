import { buildServiceGraph } from './buildServiceGraph';
import { EDGE_FIELD_SPECS, HEALTH_COLORS, NODE_FIELD_SPECS, serviceGraphToNodeGraphRows } from './nodeGraphRows';
import { call, traceOf } from './testing/callTree';

const traces = [0, 1, 2, 3].map((i) =>
  traceOf(
    call('web', 10, [
      call('web', 9, [call('api', 8, [], { error: i === 0 })], { kind: 'client' }),
      call('web', 2, [], { kind: 'client', attrs: { 'db.system': 'redis' } }),
    ])
  )
);

describe('serviceGraphToNodeGraphRows', () => {
  const g = buildServiceGraph(traces, { windowSeconds: 4, detail: 'peers' });
  const rows = serviceGraphToNodeGraphRows(g);

  it('gives every node the standard node-graph fields with arcs summing to one', () => {
    const api = rows.nodes.find((n) => n.id === 'api')!;
    expect(api).toMatchObject({ title: 'api', arc__errors: 0.25, arc__success: 0.75, requests: 4, errors: 1 });
    expect(api.color).toBe(HEALTH_COLORS.bad);
    const web = rows.nodes.find((n) => n.id === 'web')!;
    expect(web.arc__success + web.arc__errors).toBe(1);
    expect(web.color).toBe(HEALTH_COLORS.ok);
  });

  it('marks peers with a kind and a Grafana icon', () => {
    expect(rows.nodes.find((n) => n.id === 'redis')).toMatchObject({
      kind: 'cache',
      icon: 'bolt',
      subtitle: 'db.system=redis',
    });
  });

  it('gives edges source, target, rate as mainstat and a thickness from 1 to 8', () => {
    const e = rows.edges.find((x) => x.id === 'web->api')!;
    expect(e).toMatchObject({ source: 'web', target: 'api', mainstat: 1, requests: 4, errorRate: 0.25 });
    for (const x of rows.edges) {
      expect(x.thickness).toBeGreaterThanOrEqual(1);
      expect(x.thickness).toBeLessThanOrEqual(8);
    }
  });

  it('has a field spec for every row key, in both frames', () => {
    expect(NODE_FIELD_SPECS.map((f) => f.name).sort()).toEqual(Object.keys(rows.nodes[0]).sort());
    expect(EDGE_FIELD_SPECS.map((f) => f.name).sort()).toEqual(Object.keys(rows.edges[0]).sort());
  });
});
