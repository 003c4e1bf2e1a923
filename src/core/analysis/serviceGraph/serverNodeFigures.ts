import type { ServiceMetrics } from '../serviceMetrics';
import type { ServiceGraph, ServiceGraphNode } from './types';

/** What `withServerNodeFigures` did, for the notice that tells the user where each figure came from. */
export interface ServerNodeFiguresResult {
  readonly graph: ServiceGraph;
  /** Service nodes the server's answer did not name: their figures are still the traces'. */
  readonly fromTraces: readonly string[];
}

/**
 * The graph with each service node's request count, errors, rate and p50/p95/p99 replaced by the
 * backend's own aggregates over every server span in the window (ServiceMetrics with source
 * 'server'), which hold even when the trace scan behind the edges stopped at its budget. Nodes are
 * matched by id (`namespace/name`, as both sides build it). The server computes no mean, so a
 * replaced node's avgMs is null rather than a figure from another population. A service the server
 * names that the scan never reached is added as a node; service nodes the server does not name (no
 * server spans) and peers (databases, queues, ...) keep their figures from the traces. Edges are
 * untouched: calls between services come only from traces.
 */
export function withServerNodeFigures(graph: ServiceGraph, metrics: ServiceMetrics): ServerNodeFiguresResult {
  const byId = new Map(metrics.services.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const fromTraces: string[] = [];
  const nodes: ServiceGraphNode[] = graph.nodes.map((n) => {
    const s = n.kind === 'service' ? byId.get(n.id) : undefined;
    if (s === undefined) {
      if (n.kind === 'service') {
        fromTraces.push(n.id);
      }
      return n;
    }
    seen.add(n.id);
    return {
      ...n,
      requests: s.requests,
      errors: s.errors,
      requestRate: s.requestRate,
      errorRate: s.errorRate,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
      avgMs: null,
    };
  });
  for (const s of metrics.services) {
    if (!seen.has(s.id)) {
      nodes.push({
        id: s.id,
        kind: 'service',
        ...(s.namespace !== undefined ? { namespace: s.namespace, service: s.service } : {}),
        requests: s.requests,
        errors: s.errors,
        requestRate: s.requestRate,
        errorRate: s.errorRate,
        p50Ms: s.p50Ms,
        p95Ms: s.p95Ms,
        p99Ms: s.p99Ms,
        avgMs: null,
      });
    }
  }
  nodes.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { graph: { ...graph, nodes, nodeFigures: 'server' }, fromTraces };
}
