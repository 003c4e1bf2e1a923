import type { ServiceGraph, ServiceGraphEdge } from './types';

export interface Neighbourhood {
  /** Node ids reached, with their distance in hops from the focus (0 for the focus itself). */
  readonly distance: ReadonlyMap<string, number>;
  /** Edges along which the neighbourhood was reached. */
  readonly edgeIds: ReadonlySet<string>;
}

/**
 * The focus node's upstream and downstream topology, up to `hops` calls away in each direction.
 * Upstream follows callers and downstream follows callees separately, so a sibling (another caller
 * of the same callee) is not pulled in: users asked for "a service and its full upstream and
 * downstream topology" (tempo#5111), not an undirected ball. Unknown ids give an empty result.
 */
export function neighbourhood(graph: ServiceGraph, nodeId: string, hops: number): Neighbourhood {
  const distance = new Map<string, number>();
  const edgeIds = new Set<string>();
  if (!graph.nodes.some((n) => n.id === nodeId)) {
    return { distance, edgeIds };
  }
  const out = new Map<string, ServiceGraphEdge[]>();
  const inc = new Map<string, ServiceGraphEdge[]>();
  for (const e of graph.edges) {
    (out.get(e.source) ?? out.set(e.source, []).get(e.source)!).push(e);
    (inc.get(e.target) ?? inc.set(e.target, []).get(e.target)!).push(e);
  }
  distance.set(nodeId, 0);
  const walk = (adj: Map<string, ServiceGraphEdge[]>, far: (e: ServiceGraphEdge) => string) => {
    const seen = new Set([nodeId]);
    let frontier = [nodeId];
    for (let d = 1; d <= hops && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const e of adj.get(id) ?? []) {
          edgeIds.add(e.id);
          const other = far(e);
          if (!seen.has(other)) {
            seen.add(other);
            next.push(other);
            distance.set(other, Math.min(distance.get(other) ?? Infinity, d));
          }
        }
      }
      frontier = next;
    }
  };
  walk(out, (e) => e.target);
  walk(inc, (e) => e.source);
  return { distance, edgeIds };
}

/** The neighbourhood as a graph of its own (for the CLI and for drawing only the focus). */
export function neighbourhoodGraph(graph: ServiceGraph, nodeId: string, hops: number): ServiceGraph {
  const n = neighbourhood(graph, nodeId, hops);
  return {
    ...graph,
    nodes: graph.nodes.filter((x) => n.distance.has(x.id)),
    edges: graph.edges.filter((e) => n.edgeIds.has(e.id)),
  };
}
