import { edgeId, type ServiceGraph, type ServiceGraphEdge, type ServiceGraphNode } from './types';

export interface DependencyLink {
  readonly parent: string;
  readonly child: string;
  readonly callCount: number;
}

const noLatency = { p50Ms: null, p95Ms: null, p99Ms: null, avgMs: null } as const;

/**
 * The graph from Jaeger's /api/dependencies: call counts only, so errors are 0 and latencies null
 * (the panel shows them as unknown, not as zero). Duplicate parent/child pairs are summed because
 * storage backends disagree on whether they de-duplicate.
 */
export function serviceGraphFromDependencies(
  deps: readonly DependencyLink[],
  opts: { windowSeconds?: number } = {}
): ServiceGraph {
  const window = opts.windowSeconds !== undefined && opts.windowSeconds > 0 ? opts.windowSeconds : null;
  const edgeCounts = new Map<string, { source: string; target: string; count: number }>();
  const received = new Map<string, number>();
  for (const d of deps) {
    if (!d.parent || !d.child || !Number.isFinite(d.callCount) || d.callCount < 0) {
      continue;
    }
    const id = edgeId(d.parent, d.child);
    const e = edgeCounts.get(id) ?? { source: d.parent, target: d.child, count: 0 };
    e.count += d.callCount;
    edgeCounts.set(id, e);
    received.set(d.parent, received.get(d.parent) ?? 0);
    received.set(d.child, (received.get(d.child) ?? 0) + d.callCount);
  }
  const rate = (n: number) => (window ? n / window : null);
  const nodes: ServiceGraphNode[] = [...received.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, requests]) => ({
      id,
      kind: 'service',
      requests,
      errors: 0,
      requestRate: rate(requests),
      errorRate: 0,
      ...noLatency,
    }));
  const edges: ServiceGraphEdge[] = [...edgeCounts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, e]) => ({
      id,
      source: e.source,
      target: e.target,
      requests: e.count,
      errors: 0,
      requestRate: rate(e.count),
      errorRate: 0,
      ...noLatency,
    }));
  return { nodes, edges, windowSeconds: window, source: 'dependencies' };
}
