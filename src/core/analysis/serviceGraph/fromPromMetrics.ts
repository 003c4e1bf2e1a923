import { edgeId, type NodeKind, type ServiceGraph, type ServiceGraphEdge, type ServiceGraphNode } from './types';

/**
 * One already-fetched Prometheus sample of Tempo's service-graph metrics, for example the result of
 * `sum by (client, server, connection_type, le) (increase(traces_service_graph_request_server_seconds_bucket[1h]))`.
 * `value` is the increase over the window (a count), not a per-second rate.
 */
export interface PromSample {
  readonly metric: Readonly<Record<string, string>>;
  readonly value: number;
}

const REQUESTS = 'traces_service_graph_request_total';
const FAILED = 'traces_service_graph_request_failed_total';
const SERVER_BUCKET = 'traces_service_graph_request_server_seconds_bucket';

/** Tempo's metrics-generator marks edges to uninstrumented peers with connection_type. */
function kindOfConnection(connectionType: string | undefined): NodeKind {
  switch (connectionType) {
    case 'database':
      return 'database';
    case 'messaging_system':
      return 'queue';
    case 'virtual_node':
      return 'external';
    default:
      return 'service';
  }
}

/**
 * Prometheus' histogram_quantile: find the bucket holding rank q·total and interpolate linearly
 * inside it. Returns seconds, or null without data. The +Inf bucket answers with the highest finite
 * bound, as Prometheus does.
 */
export function histogramQuantile(q: number, buckets: ReadonlyArray<{ le: number; count: number }>): number | null {
  const sorted = [...buckets].sort((a, b) => a.le - b.le);
  const total = sorted.length > 0 ? sorted[sorted.length - 1].count : 0;
  if (total <= 0) {
    return null;
  }
  const rank = q * total;
  let prevLe = 0;
  let prevCount = 0;
  for (const b of sorted) {
    if (b.count >= rank) {
      if (!Number.isFinite(b.le)) {
        return prevLe;
      }
      const inBucket = b.count - prevCount;
      return inBucket <= 0 ? b.le : prevLe + ((b.le - prevLe) * (rank - prevCount)) / inBucket;
    }
    prevLe = Number.isFinite(b.le) ? b.le : prevLe;
    prevCount = b.count;
  }
  return prevLe;
}

interface Acc {
  requests: number;
  errors: number;
  buckets: Map<number, number>;
}

function newAcc(): Acc {
  return { requests: 0, errors: 0, buckets: new Map() };
}

function figures(a: Acc, window: number | null) {
  const bucketList = [...a.buckets.entries()].map(([le, count]) => ({ le, count }));
  const ms = (q: number) => {
    const s = histogramQuantile(q, bucketList);
    return s === null ? null : s * 1000;
  };
  return {
    requests: a.requests,
    errors: a.errors,
    requestRate: window ? a.requests / window : null,
    errorRate: a.requests > 0 ? Math.min(1, a.errors / a.requests) : 0,
    p50Ms: ms(0.5),
    p95Ms: ms(0.95),
    p99Ms: ms(0.99),
    // Buckets give no exact sum; the _sum series is not part of this input.
    avgMs: null,
  };
}

/**
 * The service graph from Tempo's service-graph metrics (client → server edges). Node figures are
 * the sums over the node's incoming edges, with their server-side latency buckets merged (buckets
 * with the same bound add up because they are cumulative counts).
 */
export function serviceGraphFromPromMetrics(
  series: readonly PromSample[],
  opts: { windowSeconds?: number } = {}
): ServiceGraph {
  const window = opts.windowSeconds !== undefined && opts.windowSeconds > 0 ? opts.windowSeconds : null;
  const edges = new Map<string, { source: string; target: string; acc: Acc }>();
  const nodes = new Map<string, { kind: NodeKind; acc: Acc }>();
  const node = (id: string, kind: NodeKind) => {
    const n = nodes.get(id) ?? { kind, acc: newAcc() };
    if (kind !== 'service' && n.kind === 'service' && n.acc.requests === 0) {
      n.kind = kind;
    }
    nodes.set(id, n);
    return n;
  };
  for (const s of series) {
    const { client, server } = s.metric;
    const name = s.metric.__name__;
    if (!client || !server || !Number.isFinite(s.value) || s.value < 0) {
      continue;
    }
    node(client, 'service');
    const target = node(server, kindOfConnection(s.metric.connection_type));
    const id = edgeId(client, server);
    const e = edges.get(id) ?? { source: client, target: server, acc: newAcc() };
    edges.set(id, e);
    if (name === REQUESTS) {
      e.acc.requests += s.value;
      target.acc.requests += s.value;
    } else if (name === FAILED) {
      e.acc.errors += s.value;
      target.acc.errors += s.value;
    } else if (name === SERVER_BUCKET) {
      const le = s.metric.le === '+Inf' ? Infinity : Number(s.metric.le);
      if (Number.isNaN(le)) {
        continue;
      }
      e.acc.buckets.set(le, (e.acc.buckets.get(le) ?? 0) + s.value);
      target.acc.buckets.set(le, (target.acc.buckets.get(le) ?? 0) + s.value);
    }
  }
  const byId = <T>(a: [string, T], b: [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  const nodeList: ServiceGraphNode[] = [...nodes.entries()]
    .sort(byId)
    .map(([id, n]) => ({ id, kind: n.kind, ...figures(n.acc, window) }));
  const edgeList: ServiceGraphEdge[] = [...edges.entries()]
    .sort(byId)
    .map(([id, e]) => ({ id, source: e.source, target: e.target, ...figures(e.acc, window) }));
  return { nodes: nodeList, edges: edgeList, windowSeconds: window, source: 'metrics' };
}
