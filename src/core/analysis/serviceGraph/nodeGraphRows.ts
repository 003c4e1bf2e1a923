import type { NodeKind, ServiceGraph, ServiceGraphEdge, ServiceGraphNode } from './types';

/**
 * Plain rows for Grafana's node-graph frames (nodes and edges). Grafana's own Node Graph reads the
 * standard fields (title, mainstat, arc__*, detail__*, icon, thickness); TraceLens' panel reads the
 * raw numeric fields (kind, requests, errors, requestRate, errorRate, p50Ms, p95Ms, p99Ms) so it
 * does not have to parse display strings. FIELD_SPECS says how to type and label each field.
 */
export interface NodeGraphNodeRow {
  id: string;
  title: string;
  subtitle: string;
  mainstat: number | null;
  secondarystat: number | null;
  arc__success: number;
  arc__errors: number;
  color: string;
  icon: string;
  detail__kind: string;
  detail__requests: number;
  detail__errors: number;
  detail__error_rate: number;
  detail__p50: number | null;
  detail__p95: number | null;
  detail__p99: number | null;
  kind: NodeKind;
  namespace: string;
  /** `service.name` of a namespaced service (its id is `namespace/name`); '' otherwise. */
  service: string;
  requests: number;
  errors: number;
  requestRate: number | null;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface NodeGraphEdgeRow {
  id: string;
  source: string;
  target: string;
  mainstat: number | null;
  secondarystat: number | null;
  thickness: number;
  color: string;
  detail__requests: number;
  detail__errors: number;
  detail__error_rate: number;
  detail__p50: number | null;
  detail__p95: number | null;
  detail__p99: number | null;
  requests: number;
  errors: number;
  requestRate: number | null;
  errorRate: number;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
}

export interface NodeGraphRows {
  nodes: NodeGraphNodeRow[];
  edges: NodeGraphEdgeRow[];
}

export interface FieldSpec {
  readonly name: string;
  readonly type: 'string' | 'number';
  /** Grafana unit id for field.config.unit. */
  readonly unit?: string;
  readonly displayName?: string;
}

const RED_FIELD_SPECS: FieldSpec[] = [
  { name: 'detail__requests', type: 'number', unit: 'short', displayName: 'Requests' },
  { name: 'detail__errors', type: 'number', unit: 'short', displayName: 'Errors' },
  { name: 'detail__error_rate', type: 'number', unit: 'percentunit', displayName: 'Error rate' },
  { name: 'detail__p50', type: 'number', unit: 'ms', displayName: 'p50' },
  { name: 'detail__p95', type: 'number', unit: 'ms', displayName: 'p95' },
  { name: 'detail__p99', type: 'number', unit: 'ms', displayName: 'p99' },
  { name: 'requests', type: 'number', unit: 'short' },
  { name: 'errors', type: 'number', unit: 'short' },
  { name: 'requestRate', type: 'number', unit: 'reqps' },
  { name: 'errorRate', type: 'number', unit: 'percentunit' },
  { name: 'p50Ms', type: 'number', unit: 'ms' },
  { name: 'p95Ms', type: 'number', unit: 'ms' },
  { name: 'p99Ms', type: 'number', unit: 'ms' },
];

/** Field order and types for the nodes frame; mainstat is p95 latency, secondarystat the request rate. */
export const NODE_FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'id', type: 'string' },
  { name: 'title', type: 'string' },
  { name: 'subtitle', type: 'string' },
  { name: 'mainstat', type: 'number', unit: 'ms', displayName: 'p95 latency' },
  { name: 'secondarystat', type: 'number', unit: 'reqps', displayName: 'Requests per second' },
  { name: 'arc__success', type: 'number', displayName: 'Success' },
  { name: 'arc__errors', type: 'number', displayName: 'Errors' },
  { name: 'color', type: 'string' },
  { name: 'icon', type: 'string' },
  { name: 'detail__kind', type: 'string', displayName: 'Kind' },
  ...RED_FIELD_SPECS.slice(0, 6),
  { name: 'kind', type: 'string' },
  { name: 'namespace', type: 'string' },
  { name: 'service', type: 'string' },
  ...RED_FIELD_SPECS.slice(6),
];

export const EDGE_FIELD_SPECS: readonly FieldSpec[] = [
  { name: 'id', type: 'string' },
  { name: 'source', type: 'string' },
  { name: 'target', type: 'string' },
  { name: 'mainstat', type: 'number', unit: 'reqps', displayName: 'Requests per second' },
  { name: 'secondarystat', type: 'number', unit: 'ms', displayName: 'p95 latency' },
  { name: 'thickness', type: 'number' },
  { name: 'color', type: 'string' },
  ...RED_FIELD_SPECS,
];

/** Arc colours in Grafana's node graph come from field config; these are the row-level fill colours. */
export const HEALTH_COLORS = { ok: '#73BF69', warn: '#FF9830', bad: '#F2495C' } as const;

export interface RowOptions {
  /** Error rate (0..1) from which a node or edge is drawn as degraded / failing. */
  readonly warnErrorRate?: number;
  readonly badErrorRate?: number;
}

/** Grafana icon names for peers; services keep their stats in the circle instead of an icon. */
const ICONS: Record<NodeKind, string> = {
  service: '',
  database: 'database',
  cache: 'bolt',
  queue: 'exchange-alt',
  external: 'cloud',
};

function healthColor(errorRate: number, opts: RowOptions): string {
  if (errorRate >= (opts.badErrorRate ?? 0.05)) {
    return HEALTH_COLORS.bad;
  }
  if (errorRate >= (opts.warnErrorRate ?? 0.01)) {
    return HEALTH_COLORS.warn;
  }
  return HEALTH_COLORS.ok;
}

function redDetail(x: ServiceGraphNode | ServiceGraphEdge) {
  return {
    detail__requests: x.requests,
    detail__errors: x.errors,
    detail__error_rate: x.errorRate,
    detail__p50: x.p50Ms,
    detail__p95: x.p95Ms,
    detail__p99: x.p99Ms,
    requests: x.requests,
    errors: x.errors,
    requestRate: x.requestRate,
    errorRate: x.errorRate,
    p50Ms: x.p50Ms,
    p95Ms: x.p95Ms,
    p99Ms: x.p99Ms,
  };
}

export function serviceGraphToNodeGraphRows(graph: ServiceGraph, opts: RowOptions = {}): NodeGraphRows {
  const nodes = graph.nodes.map((n) => {
    // Arcs must sum to 1; a node nobody called (a pure entry point) is drawn all green.
    const errorShare = n.requests > 0 ? n.errorRate : 0;
    return {
      id: n.id,
      title: n.id,
      subtitle: n.kind === 'service' ? (n.namespace ?? '') : (n.namedBy ?? n.kind),
      mainstat: n.p95Ms,
      secondarystat: n.requestRate,
      arc__success: 1 - errorShare,
      arc__errors: errorShare,
      color: healthColor(n.errorRate, opts),
      icon: ICONS[n.kind],
      detail__kind: n.kind,
      kind: n.kind,
      namespace: n.namespace ?? '',
      service: n.service ?? '',
      ...redDetail(n),
    };
  });
  const maxRate = Math.max(1, ...graph.edges.map((e) => e.requestRate ?? e.requests));
  const edges = graph.edges.map((e) => {
    const r = e.requestRate ?? e.requests;
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      mainstat: e.requestRate,
      secondarystat: e.p95Ms,
      // Log scale so one hot edge does not make every other edge a hairline.
      thickness: 1 + Math.round((7 * Math.log1p(r)) / Math.log1p(maxRate)),
      color: healthColor(e.errorRate, opts),
      ...redDetail(e),
    };
  });
  return { nodes, edges };
}
