import { getAttribute } from '../../model/attributes';
import type { Resource, Span, Trace } from '../../model/types';
import { LatencyAccumulator } from './latency';
import { peerOfClientSpan } from './peers';
import {
  edgeId,
  type NodeKind,
  type RedFigures,
  type ServiceGraph,
  type ServiceGraphEdge,
  type ServiceGraphNode,
  type ServiceGraphSource,
} from './types';

/** Running RED figures for one node or edge. */
class RedAccumulator {
  requests = 0;
  errors = 0;
  latency = new LatencyAccumulator();

  add(failed: boolean, durationNanos: number): void {
    this.requests++;
    if (failed) {
      this.errors++;
    }
    this.latency.add(durationNanos / 1e6);
  }

  /** This accumulator plus `other`, as a new one: snapshots never change the running figures. */
  plus(other: RedAccumulator): RedAccumulator {
    const r = new RedAccumulator();
    r.requests = this.requests + other.requests;
    r.errors = this.errors + other.errors;
    r.latency = this.latency.clone();
    r.latency.merge(other.latency);
    return r;
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

/**
 * A service's identity in the graph: `service.namespace` and `service.name` together, so two
 * deployments that reuse a name (HotROD's and the demo's `frontend`) stay two nodes. The id is
 * `namespace/name` when there is a namespace, else the name.
 */
export function serviceIdentity(resource: Resource): { id: string; name: string; namespace?: string } {
  const ns = getAttribute(resource.attributes, 'service.namespace');
  const name = resource.serviceName;
  if (typeof ns === 'string' && ns.trim() !== '') {
    return { id: `${ns}/${name}`, name, namespace: ns };
  }
  return { id: name, name };
}

interface ServiceAcc {
  readonly name: string;
  readonly namespace?: string;
  readonly red: RedAccumulator;
}

interface PeerAcc {
  readonly name: string;
  readonly kind: NodeKind;
  readonly namedBy: string;
  /** The caller's namespace when peer.service named the peer: it may be a service of that namespace. */
  readonly callerNamespace?: string;
  readonly red: RedAccumulator;
}

export interface ServiceGraphFoldOptions {
  /** 'peers' adds databases, caches, queues and external peers named by client spans. */
  readonly detail?: 'services' | 'peers';
}

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The service graph, folded one trace at a time: memory grows with the number of services and
 * calls, not traces, so a whole window can stream through it. `graph()` may be called at any time
 * (progressive results) and does not disturb the running figures.
 *
 * - A call counts once per callee entry span whose parent span belongs to another service; its
 *   latency is the callee entry span's duration and it failed when that span has error status.
 *   This is the one error-rate definition TraceLens uses: calls whose callee span failed.
 * - Nodes carry RED figures of all their entry spans (roots and orphans included).
 * - With detail 'peers', a client or producer span without an instrumented child in another service
 *   is a call to a peer named by the span (see peerOfClientSpan); the client span's status and
 *   duration stand for the call. A peer named by `peer.service` that turns out to be an instrumented
 *   service of the caller's namespace (or, without namespaces, of the same name) is that service.
 */
export class ServiceGraphFold {
  private readonly services = new Map<string, ServiceAcc>();
  private readonly peers = new Map<string, PeerAcc>();
  private readonly serviceEdges = new Map<string, { source: string; target: string; red: RedAccumulator }>();
  /** Keyed by caller id and peer key. */
  private readonly peerEdges = new Map<string, { source: string; peer: string; red: RedAccumulator }>();
  private readonly withPeers: boolean;
  private tracesFolded = 0;

  constructor(opts: ServiceGraphFoldOptions = {}) {
    this.withPeers = opts.detail === 'peers';
  }

  get traces(): number {
    return this.tracesFolded;
  }

  add(trace: Trace): void {
    this.tracesFolded++;
    const byId = new Map<string, Span>();
    for (const s of trace.spans) {
      byId.set(s.spanId, s);
    }
    // Client spans that have an instrumented child in another service: the child speaks for the call.
    const answered = new Set<string>();
    for (const span of trace.spans) {
      const callee = this.service(span.resource);
      const parent = span.parentSpanId === '' ? undefined : byId.get(span.parentSpanId);
      const caller = parent ? this.service(parent.resource) : undefined;
      if (caller !== undefined && caller.id === callee.id) {
        continue; // an inner span, not an entry into the service
      }
      // An entry span: a root, an orphan (parent not in this trace) or a call from another service.
      const failed = span.statusCode === 'error';
      callee.acc.red.add(failed, span.durationNanos);
      if (parent !== undefined && caller !== undefined) {
        this.edge(this.serviceEdges, caller.id, callee.id, { source: caller.id, target: callee.id }).add(
          failed,
          span.durationNanos
        );
        answered.add(parent.spanId);
      }
    }
    if (!this.withPeers) {
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
      const caller = serviceIdentity(span.resource);
      const fromPeerService = peer.namedBy.startsWith('peer.service=');
      const callerNamespace = fromPeerService ? caller.namespace : undefined;
      const key = `${callerNamespace ?? ''}\u0000${peer.id}`;
      let p = this.peers.get(key);
      if (!p) {
        p = { name: peer.id, kind: peer.kind, namedBy: peer.namedBy, callerNamespace, red: new RedAccumulator() };
        this.peers.set(key, p);
      }
      // Nobody on the far side reported, so the client span's status and duration are the call's.
      const failed = span.statusCode === 'error';
      p.red.add(failed, span.durationNanos);
      this.edge(this.peerEdges, caller.id, key, { source: caller.id, peer: key }).add(failed, span.durationNanos);
    }
  }

  /** The graph so far, sorted by id so the same traces always give the same graph. */
  graph(windowSeconds: number | null, source: ServiceGraphSource = 'traces'): ServiceGraph {
    const window = windowSeconds !== null && windowSeconds > 0 ? windowSeconds : null;
    const nodes = new Map<string, { base: ServiceGraphNode | undefined; red: RedAccumulator }>();
    for (const [id, s] of this.services) {
      nodes.set(id, {
        base: {
          id,
          kind: 'service',
          ...(s.namespace !== undefined ? { namespace: s.namespace, service: s.name } : {}),
          ...s.red.figures(window),
        },
        red: s.red,
      });
    }
    const peerIds = new Map<string, string>();
    for (const [key, p] of [...this.peers].sort(byKey)) {
      const asService = this.resolvePeer(p);
      const id = asService ?? p.name;
      peerIds.set(key, id);
      const existing = nodes.get(id);
      if (existing) {
        existing.red = existing.red.plus(p.red);
      } else {
        nodes.set(id, { base: { id, kind: p.kind, namedBy: p.namedBy, ...p.red.figures(window) }, red: p.red });
      }
    }
    const edges = new Map<string, { source: string; target: string; red: RedAccumulator }>();
    for (const e of this.serviceEdges.values()) {
      edges.set(edgeId(e.source, e.target), e);
    }
    for (const e of [...this.peerEdges.values()].sort((a, b) =>
      byKey([a.source + a.peer, 0], [b.source + b.peer, 0])
    )) {
      const target = peerIds.get(e.peer) ?? e.peer;
      const id = edgeId(e.source, target);
      const existing = edges.get(id);
      edges.set(
        id,
        existing ? { ...existing, red: existing.red.plus(e.red) } : { source: e.source, target, red: e.red }
      );
    }
    return {
      nodes: [...nodes].sort(byKey).map(([, n]) => ({ ...(n.base as ServiceGraphNode), ...n.red.figures(window) })),
      edges: [...edges]
        .sort(byKey)
        .map(([id, e]): ServiceGraphEdge => ({ id, source: e.source, target: e.target, ...e.red.figures(window) })),
      windowSeconds: window,
      source,
    };
  }

  /** The service a peer is, if it is one: same name, in the caller's namespace when it had one. */
  private resolvePeer(p: PeerAcc): string | undefined {
    const candidate = p.callerNamespace !== undefined ? `${p.callerNamespace}/${p.name}` : p.name;
    return this.services.has(candidate) ? candidate : undefined;
  }

  private service(resource: Resource): { id: string; acc: ServiceAcc } {
    const identity = serviceIdentity(resource);
    let acc = this.services.get(identity.id);
    if (!acc) {
      acc = { name: identity.name, namespace: identity.namespace, red: new RedAccumulator() };
      this.services.set(identity.id, acc);
    }
    return { id: identity.id, acc };
  }

  private edge<E extends object>(
    map: Map<string, E & { red: RedAccumulator }>,
    from: string,
    to: string,
    init: E
  ): RedAccumulator {
    const id = `${from}\u0000${to}`;
    let e = map.get(id);
    if (!e) {
      e = { ...init, red: new RedAccumulator() };
      map.set(id, e);
    }
    return e.red;
  }
}
