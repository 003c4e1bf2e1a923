import { getAttribute } from '../../model/attributes';
import type { Span, Trace } from '../../model/types';
import { LatencyAccumulator } from './latency';
import { peerOfClientSpan } from './peers';
import {
  edgeId,
  type NodeKind,
  type RedFigures,
  type ServiceGraph,
  type ServiceGraphEdge,
  type ServiceGraphNode,
} from './types';

export interface BuildServiceGraphOptions {
  /** Seconds the traces cover; request rates are requests / windowSeconds. */
  readonly windowSeconds: number;
  /** 'peers' adds databases, caches, queues and external peers named by client spans. */
  readonly detail?: 'services' | 'peers';
}

/** Running RED figures for one node or edge. */
class RedAccumulator {
  requests = 0;
  errors = 0;
  readonly latency = new LatencyAccumulator();

  add(failed: boolean, durationNanos: number): void {
    this.requests++;
    if (failed) {
      this.errors++;
    }
    this.latency.add(durationNanos / 1e6);
  }

  figures(windowSeconds: number | null): RedFigures {
    const s = this.latency.summary();
    return {
      requests: this.requests,
      errors: this.errors,
      requestRate: windowSeconds && windowSeconds > 0 ? this.requests / windowSeconds : null,
      errorRate: this.requests > 0 ? this.errors / this.requests : 0,
      p50Ms: s?.p50Ms ?? null,
      p95Ms: s?.p95Ms ?? null,
      p99Ms: s?.p99Ms ?? null,
      avgMs: s?.avgMs ?? null,
    };
  }
}

interface NodeAcc {
  kind: NodeKind;
  namespace?: string;
  namedBy?: string;
  red: RedAccumulator;
}

class GraphAccumulator {
  readonly nodes = new Map<string, NodeAcc>();
  readonly edges = new Map<string, { source: string; target: string; red: RedAccumulator }>();

  node(id: string, kind: NodeKind): NodeAcc {
    let n = this.nodes.get(id);
    if (!n) {
      n = { kind, red: new RedAccumulator() };
      this.nodes.set(id, n);
    } else if (kind === 'service' && n.kind !== 'service') {
      // A name first seen as a peer turned out to be an instrumented service: the service wins.
      n.kind = 'service';
      n.namedBy = undefined;
    }
    return n;
  }

  edge(source: string, target: string): RedAccumulator {
    const id = edgeId(source, target);
    let e = this.edges.get(id);
    if (!e) {
      e = { source, target, red: new RedAccumulator() };
      this.edges.set(id, e);
    }
    return e.red;
  }
}

function serviceNode(acc: GraphAccumulator, span: Span): NodeAcc {
  const n = acc.node(span.resource.serviceName, 'service');
  if (n.namespace === undefined) {
    const ns = getAttribute(span.resource.attributes, 'service.namespace');
    if (typeof ns === 'string' && ns !== '') {
      n.namespace = ns;
    }
  }
  return n;
}

function addTrace(acc: GraphAccumulator, trace: Trace, peers: boolean): void {
  const byId = new Map<string, Span>();
  for (const s of trace.spans) {
    byId.set(s.spanId, s);
  }
  // Client spans that have an instrumented child in another service: the child speaks for the call.
  const answered = new Set<string>();
  for (const span of trace.spans) {
    const node = serviceNode(acc, span);
    const parent = span.parentSpanId === '' ? undefined : byId.get(span.parentSpanId);
    const callerService = parent?.resource.serviceName;
    if (parent !== undefined && callerService === span.resource.serviceName) {
      continue; // an inner span, not an entry into the service
    }
    // An entry span: a root, an orphan (parent not in this trace) or a call from another service.
    const failed = span.statusCode === 'error';
    node.red.add(failed, span.durationNanos);
    if (parent !== undefined && callerService !== undefined) {
      serviceNode(acc, parent);
      acc.edge(callerService, span.resource.serviceName).add(failed, span.durationNanos);
      answered.add(parent.spanId);
    }
  }
  if (!peers) {
    return;
  }
  for (const span of trace.spans) {
    if (answered.has(span.spanId)) {
      continue;
    }
    const peer = peerOfClientSpan(span);
    if (peer === undefined || peer.id === span.resource.serviceName) {
      continue;
    }
    const node = acc.node(peer.id, peer.kind);
    if (node.kind !== 'service' && node.namedBy === undefined) {
      node.namedBy = peer.namedBy;
    }
    // Nobody on the far side reported, so the client span's status and duration are the call's.
    const failed = span.statusCode === 'error';
    node.red.add(failed, span.durationNanos);
    acc.edge(span.resource.serviceName, peer.id).add(failed, span.durationNanos);
  }
}

/**
 * Builds the service graph from traces.
 *
 * - A call counts once per callee entry span whose parent span belongs to another service; its
 *   latency is the callee entry span's duration and it failed when that span has error status.
 * - Nodes carry RED figures of all their entry spans (roots and orphans included).
 * - With detail 'peers', a client or producer span without an instrumented child in another service
 *   is a call to a peer named by the span (see peerOfClientSpan); the client span's status and
 *   duration stand for the call.
 * Output is sorted by id so the same traces always give the same graph.
 */
export function buildServiceGraph(traces: Iterable<Trace>, opts: BuildServiceGraphOptions): ServiceGraph {
  const acc = new GraphAccumulator();
  const peers = opts.detail === 'peers';
  for (const trace of traces) {
    addTrace(acc, trace, peers);
  }
  const window = opts.windowSeconds > 0 ? opts.windowSeconds : null;
  const nodes: ServiceGraphNode[] = [...acc.nodes.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, n]) => ({
      id,
      kind: n.kind,
      ...(n.namespace !== undefined ? { namespace: n.namespace } : {}),
      ...(n.namedBy !== undefined ? { namedBy: n.namedBy } : {}),
      ...n.red.figures(window),
    }));
  const edges: ServiceGraphEdge[] = [...acc.edges.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, e]) => ({ id, source: e.source, target: e.target, ...e.red.figures(window) }));
  return { nodes, edges, windowSeconds: window, source: 'traces' };
}
