import {
  edgeId,
  type RedFigures,
  type ServiceGraph,
  type ServiceGraphEdge,
  type ServiceGraphNode,
} from '../serviceGraph';

export type GroupBy = 'namespace' | 'prefix';

export interface GroupOptions {
  readonly by: GroupBy;
  /** Group names the user expanded: their members are drawn one by one. */
  readonly expanded?: ReadonlySet<string>;
  /** Smaller groups are not collapsed, since a group of one hides nothing (default 2). */
  readonly minMembers?: number;
}

export interface GroupedGraph {
  /** The graph with each collapsed group as one node whose id is groupNodeId(name). */
  readonly graph: ServiceGraph;
  /** Collapsed group node id → member node ids. */
  readonly members: ReadonlyMap<string, readonly string[]>;
}

const GROUP_PREFIX = 'group:';

export function groupNodeId(name: string): string {
  return GROUP_PREFIX + name;
}

export function groupNameOf(nodeId: string): string | undefined {
  return nodeId.startsWith(GROUP_PREFIX) ? nodeId.slice(GROUP_PREFIX.length) : undefined;
}

/**
 * The group a node belongs to: its `service.namespace`, or the part of its name before the first
 * '-', '.', '_' or '/' ("checkout-api" → "checkout"). Peers (databases, queues...) stay ungrouped:
 * they are what users look for between groups.
 */
export function groupKey(node: ServiceGraphNode, by: GroupBy): string | undefined {
  if (node.kind !== 'service') {
    return undefined;
  }
  if (by === 'namespace') {
    return node.namespace;
  }
  const m = /^(.+?)[-._/]/.exec(node.id);
  return m ? m[1] : undefined;
}

/**
 * Sums of requests and errors are exact; the percentiles of a merged group are the largest of its
 * parts' (an upper bound, since the parts' samples are gone), and the mean is request-weighted.
 */
function mergeRed(parts: readonly RedFigures[]): RedFigures {
  const requests = parts.reduce((a, p) => a + p.requests, 0);
  const errors = parts.reduce((a, p) => a + p.errors, 0);
  const max = (pick: (p: RedFigures) => number | null) => {
    const xs = parts.map(pick).filter((x): x is number => x !== null);
    return xs.length > 0 ? Math.max(...xs) : null;
  };
  const timed = parts.filter((p) => p.avgMs !== null && p.requests > 0);
  const timedRequests = timed.reduce((a, p) => a + p.requests, 0);
  return {
    requests,
    errors,
    requestRate: parts.some((p) => p.requestRate === null) ? null : parts.reduce((a, p) => a + (p.requestRate ?? 0), 0),
    errorRate: requests > 0 ? errors / requests : 0,
    p50Ms: max((p) => p.p50Ms),
    p95Ms: max((p) => p.p95Ms),
    p99Ms: max((p) => p.p99Ms),
    avgMs: timedRequests > 0 ? timed.reduce((a, p) => a + (p.avgMs ?? 0) * p.requests, 0) / timedRequests : null,
  };
}

/** Collapses groups into single nodes (calls inside a group disappear; calls across are summed). */
export function groupServiceGraph(graph: ServiceGraph, opts: GroupOptions): GroupedGraph {
  const minMembers = opts.minMembers ?? 2;
  const byGroup = new Map<string, ServiceGraphNode[]>();
  for (const n of graph.nodes) {
    const key = groupKey(n, opts.by);
    if (key !== undefined && !opts.expanded?.has(key)) {
      byGroup.set(key, [...(byGroup.get(key) ?? []), n]);
    }
  }
  const owner = new Map<string, string>();
  const members = new Map<string, string[]>();
  const groupNodes: ServiceGraphNode[] = [];
  for (const [name, nodes] of byGroup) {
    if (nodes.length < minMembers) {
      continue;
    }
    const id = groupNodeId(name);
    members.set(
      id,
      nodes.map((n) => n.id)
    );
    nodes.forEach((n) => owner.set(n.id, id));
    groupNodes.push({
      id,
      kind: 'service',
      ...(opts.by === 'namespace' ? { namespace: name } : {}),
      ...mergeRed(nodes),
    });
  }
  const nodes = [...graph.nodes.filter((n) => !owner.has(n.id)), ...groupNodes].sort((a, b) =>
    a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  );
  const merged = new Map<string, ServiceGraphEdge[]>();
  for (const e of graph.edges) {
    const source = owner.get(e.source) ?? e.source;
    const target = owner.get(e.target) ?? e.target;
    if (source === target && source !== e.source) {
      continue; // a call inside a collapsed group
    }
    const id = edgeId(source, target);
    merged.set(id, [...(merged.get(id) ?? []), { ...e, id, source, target }]);
  }
  const edges: ServiceGraphEdge[] = [...merged.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, parts]) =>
      parts.length === 1 ? parts[0] : { id, source: parts[0].source, target: parts[0].target, ...mergeRed(parts) }
    );
  return { graph: { ...graph, nodes, edges }, members };
}
