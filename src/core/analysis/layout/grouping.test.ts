import { serviceGraphFromDependencies } from '../serviceGraph';
import { groupKey, groupNameOf, groupNodeId, groupServiceGraph } from './grouping';

const g = serviceGraphFromDependencies(
  [
    ['web', 'checkout-api', 10],
    ['web', 'checkout-worker', 5],
    ['checkout-api', 'checkout-worker', 7],
    ['checkout-api', 'payments', 4],
    ['checkout-worker', 'payments', 6],
  ].map(([parent, child, callCount]) => ({
    parent: String(parent),
    child: String(child),
    callCount: Number(callCount),
  })),
  { windowSeconds: 10 }
);

describe('groupServiceGraph', () => {
  it('collapses services sharing a name prefix and sums the calls across the group boundary', () => {
    const grouped = groupServiceGraph(g, { by: 'prefix' });
    const id = groupNodeId('checkout');
    expect(grouped.members.get(id)).toEqual(['checkout-api', 'checkout-worker']);
    expect(grouped.graph.nodes.map((n) => n.id)).toEqual([id, 'payments', 'web']);
    expect(grouped.graph.edges.map((e) => [e.id, e.requests])).toEqual([
      [`${id}->payments`, 10],
      [`web->${id}`, 15],
    ]);
    expect(grouped.graph.nodes.find((n) => n.id === id)).toMatchObject({ requests: 22, requestRate: 2.2 });
  });

  it('expands a group on request', () => {
    const grouped = groupServiceGraph(g, { by: 'prefix', expanded: new Set(['checkout']) });
    expect(grouped.members.size).toBe(0);
    expect(grouped.graph).toEqual(g);
  });

  it('groups by service.namespace and leaves single members alone', () => {
    const withNs = {
      ...g,
      nodes: g.nodes.map((n) => (n.id.startsWith('checkout') || n.id === 'payments' ? { ...n, namespace: 'shop' } : n)),
    };
    const grouped = groupServiceGraph(withNs, { by: 'namespace' });
    expect(grouped.graph.nodes.map((n) => n.id)).toEqual([groupNodeId('shop'), 'web']);
    expect(groupServiceGraph(withNs, { by: 'namespace', minMembers: 5 }).members.size).toBe(0);
  });

  it('names group ids reversibly and never groups peers', () => {
    expect(groupNameOf(groupNodeId('a-b'))).toBe('a-b');
    expect(groupNameOf('plain')).toBeUndefined();
    expect(groupKey({ ...g.nodes[0], id: 'redis-main', kind: 'cache' }, 'prefix')).toBeUndefined();
  });
});
