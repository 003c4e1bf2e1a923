import { serviceGraphFromDependencies, type ServiceGraph } from '../../../core/analysis/serviceGraph';
import { groupNodeId } from '../../../core/analysis/layout';
import { buildViewModel, type ViewOptions } from './viewModel';

const base = serviceGraphFromDependencies(
  [
    ['web', 'shop-api', 100],
    ['shop-api', 'shop-db', 50],
    ['web', 'auth', 80],
    ['auth', 'users', 40],
  ].map(([parent, child, callCount]) => ({
    parent: String(parent),
    child: String(child),
    callCount: Number(callCount),
  })),
  { windowSeconds: 100 }
);
// auth fails 10% of its calls
const graph: ServiceGraph = {
  ...base,
  nodes: base.nodes.map((n) => (n.id === 'auth' ? { ...n, errors: 8, errorRate: 0.1 } : n)),
  edges: base.edges.map((e) => (e.id === 'web->auth' ? { ...e, errors: 8, errorRate: 0.1 } : e)),
};

const opts: ViewOptions = {
  thresholds: { errorWarnPercent: 1, errorBadPercent: 5, latencyWarnMs: 500, latencyBadMs: 2000 },
  showOnlyErrors: false,
  hideHealthy: false,
  grouping: 'none',
  expanded: new Set(),
  hugeGraphNodes: 1000,
  focusHops: 1,
};

describe('buildViewModel', () => {
  it('passes the graph through untouched by default', () => {
    const vm = buildViewModel(graph, opts);
    expect(vm.graph).toBe(graph);
    expect(vm.dimmed.size).toBe(0);
  });

  it('shows only failing calls and their ends', () => {
    const vm = buildViewModel(graph, { ...opts, showOnlyErrors: true });
    expect(vm.graph.nodes.map((n) => n.id)).toEqual(['auth', 'web']);
    expect(vm.graph.edges.map((e) => e.id)).toEqual(['web->auth']);
    expect(vm.hiddenNodes).toBe(3);
  });

  it('dims what lies outside the focus neighbourhood but keeps it', () => {
    const vm = buildViewModel(graph, { ...opts, focus: 'auth' });
    expect(vm.focusNode).toBe('auth');
    expect([...vm.dimmed].sort()).toEqual(['shop-api', 'shop-api->shop-db', 'shop-db', 'web->shop-api']);
    expect(vm.graph.nodes).toHaveLength(5);
  });

  it('groups by prefix, and focuses the group of a collapsed service', () => {
    const vm = buildViewModel(graph, { ...opts, grouping: 'prefix', focus: 'shop-db' });
    expect(vm.members.get(groupNodeId('shop'))).toEqual(['shop-api', 'shop-db']);
    expect(vm.focusNode).toBe(groupNodeId('shop'));
  });

  it('groups on its own above the huge-graph limit and says so', () => {
    const vm = buildViewModel(graph, { ...opts, hugeGraphNodes: 3 });
    expect(vm.autoGrouped).toBe(true);
    expect(vm.graph.nodes.length).toBeLessThan(graph.nodes.length);
  });
});
