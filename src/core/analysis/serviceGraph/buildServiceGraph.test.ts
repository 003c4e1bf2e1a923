import { buildServiceGraph } from './buildServiceGraph';
import { guideTraces } from '../../model/testing/guideTraces';
import { ServiceGraphFold } from './graphFold';
import { call, traceOf } from './testing/callTree';
import type { ServiceGraph } from './types';

const client = (service: string, ms: number, children: Parameters<typeof call>[2] = [], extra = {}) =>
  call(service, ms, children, { kind: 'client', ...extra });

/** frontend → api-gateway → {auth-service, user-service → postgresql}, the guide's request path. */
function requestPath(opts: { authError?: boolean; userError?: boolean; dbError?: boolean; ms?: number }) {
  const ms = opts.ms ?? 0;
  return traceOf(
    call('frontend', 100 + ms, [
      client('frontend', 90 + ms, [
        call('api-gateway', 80 + ms, [
          client('api-gateway', 25, [call('auth-service', 20, [], { error: opts.authError })]),
          client('api-gateway', 35, [
            call(
              'user-service',
              30 + ms,
              [
                // an inner span: the same service, so not a call
                call(
                  'user-service',
                  12,
                  [
                    client('user-service', 10 + ms, [], {
                      attrs: { 'db.system': 'postgresql', 'db.name': 'users' },
                      error: opts.dbError,
                    }),
                  ],
                  { kind: 'internal' }
                ),
              ],
              { error: opts.userError }
            ),
          ]),
        ]),
      ]),
    ])
  );
}

const edge = (g: ServiceGraph, id: string) => g.edges.find((e) => e.id === id);
const node = (g: ServiceGraph, id: string) => g.nodes.find((n) => n.id === id);

describe('buildServiceGraph', () => {
  const traces = [
    requestPath({ authError: true }),
    requestPath({ userError: true, ms: 10 }),
    requestPath({ dbError: true, ms: 20 }),
  ];

  it('counts one call per callee entry span whose parent is in another service', () => {
    const g = buildServiceGraph(traces, { windowSeconds: 60 });
    expect(g.edges.map((e) => [e.id, e.requests])).toEqual([
      ['api-gateway->auth-service', 3],
      ['api-gateway->user-service', 3],
      ['frontend->api-gateway', 3],
    ]);
    expect(g.nodes.map((n) => n.id)).toEqual(['api-gateway', 'auth-service', 'frontend', 'user-service']);
  });

  it('counts an error when the callee entry span failed, and rates over the window', () => {
    const g = buildServiceGraph(traces, { windowSeconds: 60 });
    expect(edge(g, 'api-gateway->auth-service')).toMatchObject({ errors: 1, errorRate: 1 / 3, requestRate: 3 / 60 });
    expect(edge(g, 'api-gateway->user-service')).toMatchObject({ errors: 1 });
    expect(edge(g, 'frontend->api-gateway')).toMatchObject({ errors: 0, errorRate: 0 });
  });

  it("takes edge latency from the callee's entry spans (exact nearest-rank percentiles)", () => {
    const g = buildServiceGraph(traces, { windowSeconds: 60 });
    // api-gateway entry spans: 80, 90, 100 ms
    expect(edge(g, 'frontend->api-gateway')).toMatchObject({ p50Ms: 90, p95Ms: 100, p99Ms: 100, avgMs: 90 });
  });

  it('gives nodes RED figures of their entry spans, roots included', () => {
    const g = buildServiceGraph(traces, { windowSeconds: 10 });
    expect(node(g, 'frontend')).toMatchObject({ requests: 3, errors: 0, p50Ms: 110, requestRate: 0.3 });
    expect(node(g, 'user-service')).toMatchObject({ requests: 3, errors: 1, p50Ms: 40 });
  });

  it('leaves uninstrumented peers out unless detail is peers', () => {
    const g = buildServiceGraph(traces, { windowSeconds: 60 });
    expect(node(g, 'postgresql')).toBeUndefined();
  });

  it('names a database from db.system and takes errors and latency from the client span', () => {
    const g = buildServiceGraph(traces, { windowSeconds: 60, detail: 'peers' });
    expect(node(g, 'postgresql')).toMatchObject({
      kind: 'database',
      requests: 3,
      errors: 1,
      namedBy: 'db.system=postgresql',
    });
    expect(edge(g, 'user-service->postgresql')).toMatchObject({ requests: 3, errors: 1, p50Ms: 20, p99Ms: 30 });
  });

  it('classifies caches, queues and external peers, preferring peer.service for the name', () => {
    const t = traceOf(
      call('checkout', 50, [
        client('checkout', 1, [], { attrs: { 'db.system': 'redis' } }),
        client('checkout', 2, [], { kind: 'producer', attrs: { 'messaging.system': 'kafka' } }),
        client('checkout', 3, [], { attrs: { 'server.address': 'api.stripe.com' } }),
        client('checkout', 4, [], { attrs: { 'peer.service': 'orders-db', 'db.system': 'mysql' } }),
        client('checkout', 5, []), // says nothing about its peer: no node
      ])
    );
    const g = buildServiceGraph([t], { windowSeconds: 1, detail: 'peers' });
    expect(g.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['api.stripe.com', 'external'],
      ['checkout', 'service'],
      ['kafka', 'queue'],
      ['orders-db', 'database'],
      ['redis', 'cache'],
    ]);
  });

  it('does not add a peer for a client span whose callee is instrumented', () => {
    const t = traceOf(
      call('a', 10, [
        client('a', 9, [call('b', 8)], { attrs: { 'peer.service': 'b-alias', 'server.address': 'b.local' } }),
      ])
    );
    const g = buildServiceGraph([t], { windowSeconds: 1, detail: 'peers' });
    expect(g.edges.map((e) => e.id)).toEqual(['a->b']);
  });

  it('keeps cycles as edges in both directions', () => {
    const t = traceOf(call('a', 10, [client('a', 9, [call('b', 8, [client('b', 7, [call('a', 6)])])])]));
    const g = buildServiceGraph([t], { windowSeconds: 1 });
    expect(g.edges.map((e) => [e.id, e.requests])).toEqual([
      ['a->b', 1],
      ['b->a', 1],
    ]);
    expect(node(g, 'a')?.requests).toBe(2);
  });

  it('counts an orphan span (parent outside the trace) as a node entry but not as a call', () => {
    const t = traceOf(call('late', 5), { orphanParent: 'ffffffffffffffff' });
    const g = buildServiceGraph([t], { windowSeconds: 1 });
    expect(g.edges).toEqual([]);
    expect(node(g, 'late')?.requests).toBe(1);
  });

  it('identifies a service by service.namespace and name, keeping the name for queries', () => {
    const t = traceOf(call('shop-cart', 5, [], { namespace: 'shop' }));
    expect(node(buildServiceGraph([t], { windowSeconds: 1 }), 'shop/shop-cart')).toMatchObject({
      namespace: 'shop',
      service: 'shop-cart',
      requests: 1,
    });
  });

  it('keeps two deployments that reuse a service name apart (regression #17: HotROD and demo frontend)', () => {
    const demo = traceOf(
      call(
        'frontend',
        10,
        [client('frontend', 9, [call('api', 8, [], { namespace: 'demo' })], { namespace: 'demo' })],
        {
          namespace: 'demo',
        }
      )
    );
    const hotrod = traceOf(call('frontend', 20, [client('frontend', 19, [call('customer', 18)])]));
    const g = buildServiceGraph([demo, hotrod, hotrod], { windowSeconds: 1 });
    expect(g.nodes.map((n) => [n.id, n.requests])).toEqual([
      ['customer', 2],
      ['demo/api', 1],
      ['demo/frontend', 1],
      ['frontend', 2],
    ]);
    expect(g.edges.map((e) => [e.id, e.requests])).toEqual([
      ['demo/frontend->demo/api', 1],
      ['frontend->customer', 2],
    ]);
  });

  it("resolves a peer named by peer.service to the instrumented service of the caller's namespace", () => {
    // One call reached api (instrumented child), one did not (only the client span exists).
    const reached = traceOf(
      call('web', 10, [client('web', 9, [call('api', 8, [], { namespace: 'shop' })], { namespace: 'shop' })], {
        namespace: 'shop',
      })
    );
    const unanswered = traceOf(
      call('web', 10, [client('web', 9, [], { namespace: 'shop', attrs: { 'peer.service': 'api' }, error: true })], {
        namespace: 'shop',
      })
    );
    const g = buildServiceGraph([reached, unanswered], { windowSeconds: 1, detail: 'peers' });
    expect(g.nodes.map((n) => n.id)).toEqual(['shop/api', 'shop/web']);
    expect(edge(g, 'shop/web->shop/api')).toMatchObject({ requests: 2, errors: 1, p50Ms: 8, p99Ms: 9 });
    expect(node(g, 'shop/api')).toMatchObject({ requests: 2, p99Ms: 9 });
    // Resolving the peer into the service happens per snapshot, never into the running figures.
    const fold = new ServiceGraphFold({ detail: 'peers' });
    fold.add(reached);
    fold.add(unanswered);
    const first = fold.graph(1);
    expect(fold.graph(1)).toEqual(first);
    expect(first).toEqual(g);
  });

  it('gives null request rates without a window and null latency without calls', () => {
    const g = buildServiceGraph([traceOf(call('a', 1))], { windowSeconds: 0 });
    expect(g.windowSeconds).toBeNull();
    expect(node(g, 'a')?.requestRate).toBeNull();
  });

  it('folds one trace at a time: a snapshot midway does not change the final graph', () => {
    const fold = new ServiceGraphFold({ detail: 'peers' });
    fold.add(traces[0]);
    const early = fold.graph(60);
    expect(edge(early, 'frontend->api-gateway')?.requests).toBe(1);
    fold.add(traces[1]);
    fold.graph(60);
    fold.add(traces[2]);
    expect(fold.graph(60)).toEqual(buildServiceGraph(traces, { windowSeconds: 60, detail: 'peers' }));
    expect(fold.traces).toBe(3);
  });

  it('is deterministic regardless of trace order', () => {
    const a = buildServiceGraph(traces, { windowSeconds: 60, detail: 'peers' });
    const b = buildServiceGraph([...traces].reverse(), { windowSeconds: 60, detail: 'peers' });
    expect(b).toEqual(a);
  });
});

describe('buildServiceGraph on the guide traces', () => {
  /*
   * Worked out by hand from the guide traces' spec (src/core/model/testing/guideTraces.ts): a call
   * is a callee's entry span whose parent is in another service.
   * - frontend → api-gateway: the gateway's server span, in all 4 requests; it fails (502) only
   *   when the database is locked. Durations 80, 80, 1235, 80 ms: sorted 80, 80, 80, 1235, so
   *   p50 (rank ceil(0.5 × 4) = 2) is 80 and p95 (rank ceil(3.8) = 4) is 1235.
   * - api-gateway → auth-service: auth's span, 4 requests, failing once (the 401); 10 ms each.
   * - api-gateway → user-service: 3 requests (the refused one stops at auth), failing once (500);
   *   60, 1210, 60 ms, so p50 60 and p95 1210.
   * - user-service → database: 3 requests, failing once (SQLITE_BUSY); 40, 1195, 40 ms.
   */
  it('counts the calls, errors and latencies worked out by hand', () => {
    const g = buildServiceGraph(guideTraces(), { windowSeconds: 60 });
    expect(g.edges.map((e) => [e.id, e.requests, e.errors, e.p50Ms, e.p95Ms])).toEqual([
      ['api-gateway->auth-service', 4, 1, 10, 10],
      ['api-gateway->user-service', 3, 1, 60, 1210],
      ['frontend->api-gateway', 4, 1, 80, 1235],
      ['user-service->database', 3, 1, 40, 1195],
    ]);
    // The frontend's own entry spans are the roots: 4 requests, one failing with 502.
    expect(node(g, 'frontend')).toMatchObject({ requests: 4, errors: 1 });
  });
});
