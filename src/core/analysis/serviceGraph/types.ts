/**
 * The service dependency graph with RED figures (rate, errors, duration), independent of where it
 * came from: raw traces, Jaeger's /api/dependencies call counts or Tempo's service-graph metrics.
 */

export type NodeKind = 'service' | 'database' | 'cache' | 'queue' | 'external';

export const NODE_KINDS: readonly NodeKind[] = ['service', 'database', 'cache', 'queue', 'external'];

/** Rate, errors and duration of the calls into a node or along an edge. */
export interface RedFigures {
  /** Calls counted in the window. */
  readonly requests: number;
  /** Calls among `requests` that failed. */
  readonly errors: number;
  /** Calls per second over the window; null when the source gave no window. */
  readonly requestRate: number | null;
  /** errors / requests, from 0 to 1; 0 when there were no requests. */
  readonly errorRate: number;
  /** Latency percentiles and mean in milliseconds; null when the source has no durations (Jaeger dependencies). */
  readonly p50Ms: number | null;
  readonly p95Ms: number | null;
  readonly p99Ms: number | null;
  readonly avgMs: number | null;
}

export interface ServiceGraphNode extends RedFigures {
  /** Service name, or for an uninstrumented peer the name its clients gave it. */
  readonly id: string;
  readonly kind: NodeKind;
  /**
   * `service.namespace` of the service's resource when it has one. The node's identity is then
   * `namespace/name`, so two deployments that reuse a service name are two nodes.
   */
  readonly namespace?: string;
  /** `service.name` when the id is not just the name (namespaced services). */
  readonly service?: string;
  /** For peers: which attribute named it (`db.system=postgresql`, `peer.service`, ...). */
  readonly namedBy?: string;
}

export interface ServiceGraphEdge extends RedFigures {
  /** `${source}->${target}`; unique because edges are aggregated per ordered pair. */
  readonly id: string;
  readonly source: string;
  readonly target: string;
}

export type ServiceGraphSource = 'traces' | 'dependencies' | 'metrics' | 'frames';

export interface ServiceGraph {
  readonly nodes: readonly ServiceGraphNode[];
  readonly edges: readonly ServiceGraphEdge[];
  /** Seconds the figures cover; null when unknown. */
  readonly windowSeconds: number | null;
  readonly source: ServiceGraphSource;
  /**
   * 'server' when the service nodes' figures are the backend's own aggregates over every server
   * span in the window (Tempo's TraceQL metrics) rather than counts from `source`; absent otherwise.
   */
  readonly nodeFigures?: 'server';
}

export function edgeId(source: string, target: string): string {
  return `${source}->${target}`;
}
