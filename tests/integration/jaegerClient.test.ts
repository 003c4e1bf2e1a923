/**
 * TraceLens's Jaeger client against the real Jaeger: every answer compared with what the raw HTTP API
 * says (fetched here with plain fetch), so a parameter name or shape this Jaeger version does not accept
 * shows up as a failure rather than an empty result.
 */
import { nodeTransport } from '../../src/core/transport/nodeTransport';
import { JaegerClient } from '../../src/core/backends/jaeger';
import { fetchTrace, searchTraceIds, servicesOf } from './support/rawTraces';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
const Q = stack.jaeger.queryUrl;
const client = new JaegerClient(nodeTransport(Q, { timeoutMs: 15_000 }));
const sinceMs = Date.now() - 6 * 3600_000;
const untilMs = Date.now() + 60_000;
const ns = (ms: number) => BigInt(ms) * 1_000_000n;

describe('JaegerClient against the real Jaeger', () => {
  it('detects api_v3', async () => {
    expect((await client.capabilities()).api).toBe('v3');
  });

  it('lists the same services as /api/v3/services', async () => {
    expect((await client.services()).sort()).toEqual((await servicesOf(Q)).sort());
  });

  it('lists the operations /api/v3/operations lists', async () => {
    const raw = (await (await fetch(`${Q}/api/v3/operations?service=user-service`)).json()) as {
      operations: Array<{ name: string; spanKind: string }>;
    };
    const ops = await client.operations('user-service');
    expect(ops.map((o) => o.name).sort()).toEqual(raw.operations.map((o) => o.name).sort());
  });

  it('finds the traces a raw search for a service finds', async () => {
    const raw = await searchTraceIds(Q, 'database', sinceMs, untilMs);
    expect(raw.length).toBeGreaterThan(0);
    const found = await client.findTraces({
      service: 'database',
      start: ns(sinceMs),
      end: ns(untilMs),
      searchDepth: 10_000,
    });
    expect(found.map((t) => t.traceId).sort()).toEqual([...raw].sort());
  });

  it('fetches a trace by ID with every span the raw answer has', async () => {
    const [id] = await searchTraceIds(Q, 'user-service', sinceMs, untilMs);
    const raw = await fetchTrace(Q, id);
    const trace = await client.getTrace(id);
    expect(trace.spans.map((s) => s.spanId).sort()).toEqual(raw.spans.map((s) => s.spanId).sort());
  });

  it('reads the dependency links Jaeger computes, including the guide path', async () => {
    const links = await client.dependencies(ns(untilMs), ns(untilMs - sinceMs));
    const edges = links.map((l) => `${l.parent}->${l.child}`);
    expect(edges).toEqual(
      expect.arrayContaining(['api-gateway->auth-service', 'api-gateway->user-service', 'user-service->database'])
    );
  });
});
