/**
 * (c) Faults between TraceLens and the real Jaeger, injected by a loopback proxy: Jaeger going away
 * mid-query, no answer (timeout), a body that stalls, HTTP 500 and malformed JSON. Each must end in a
 * TraceLensError of the right kind naming the cause, within a bounded time.
 */
import { nodeTransport } from '../../src/core/transport/nodeTransport';
import { createBackend } from '../../src/core/backends';
import { JaegerClient } from '../../src/core/backends/jaeger';
import { isTraceLensError, type TraceLensErrorKind } from '../../src/core/errors';
import { FaultProxy } from './support/faultProxy';
import { searchTraceIds } from './support/rawTraces';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
const TIMEOUT_MS = 800;
let proxy: FaultProxy;
let traceId: string;

beforeAll(async () => {
  const ids = await searchTraceIds(stack.jaeger.queryUrl, 'frontend', Date.now() - 6 * 3600_000, Date.now() + 60_000);
  expect(ids.length).toBeGreaterThan(0);
  traceId = ids[0];
});

beforeEach(async () => {
  proxy = await FaultProxy.start(stack.jaeger.queryUrl);
});

afterEach(async () => {
  await proxy.shutdown();
});

function client(): JaegerClient {
  return new JaegerClient(nodeTransport(proxy.url, { timeoutMs: TIMEOUT_MS }), { timeoutMs: TIMEOUT_MS });
}

/** Runs `work`, expects a TraceLensError of `kind` within `withinMs`, and returns its message. */
async function expectFailure(work: Promise<unknown>, kind: TraceLensErrorKind, withinMs: number): Promise<string> {
  const started = Date.now();
  const outcome = await work.then(
    () => ({ ok: true as const }),
    (e: unknown) => ({ ok: false as const, e })
  );
  const elapsed = Date.now() - started;
  if (outcome.ok) {
    throw new Error(`expected a ${kind} error, but the call succeeded`);
  }
  expect(isTraceLensError(outcome.e)).toBe(true);
  const err = outcome.e as { kind: string; message: string };
  expect({ kind: err.kind, message: err.message }).toEqual({ kind, message: expect.any(String) });
  expect(elapsed).toBeLessThan(withinMs);
  return err.message;
}

describe('faults between the client and the real Jaeger', () => {
  it('passes through the proxy when nothing is wrong (the proxy itself is transparent)', async () => {
    const trace = await client().getTrace(traceId);
    expect(trace.traceId).toBe(traceId);
    expect(trace.spans.length).toBeGreaterThan(0);
  });

  it('reports Jaeger going away mid-query as unreachable, then refuses cleanly', async () => {
    const c = client();
    await c.detect(); // the API version is known; the next request is the one that dies
    proxy.mode = 'hang';
    const inFlight = c.getTrace(traceId);
    setTimeout(() => void proxy.shutdown(), 150);
    const first = await expectFailure(inFlight, 'unreachable', 3000);
    expect(first).toContain('127.0.0.1');
    const again = await expectFailure(c.getTrace(traceId), 'unreachable', 3000);
    expect(again).toContain(proxy.url.replace('http://', ''));
  });

  it('times out when Jaeger never answers', async () => {
    const c = client();
    await c.detect();
    proxy.mode = 'hang';
    const message = await expectFailure(c.getTrace(traceId), 'timeout', TIMEOUT_MS + 2000);
    expect(message).toContain(`${TIMEOUT_MS} ms`);
  });

  it('times out when the answer stalls halfway through the body', async () => {
    const c = client();
    await c.detect();
    proxy.mode = 'stall-body';
    await expectFailure(c.getTrace(traceId), 'timeout', TIMEOUT_MS + 2000);
  });

  it('turns HTTP 500 into an http error carrying the status and the server message', async () => {
    const c = client();
    await c.detect();
    proxy.mode = 'status-500';
    const message = await expectFailure(c.getTrace(traceId), 'http', 3000);
    expect(message).toContain('storage failure');
  });

  it('turns truncated JSON into a malformed error', async () => {
    const c = client();
    await c.detect();
    proxy.mode = 'truncate';
    await expectFailure(c.getTrace(traceId), 'malformed', 3000);
  });

  it('reports a connection reset as unreachable', async () => {
    const c = client();
    await c.detect();
    proxy.mode = 'reset';
    await expectFailure(c.getTrace(traceId), 'unreachable', 3000);
  });

  it('fails detection with a clear error when the server is not reachable at all', async () => {
    await proxy.shutdown();
    const message = await expectFailure(client().detect(), 'unreachable', 3000);
    expect(message).toContain(proxy.url.replace('http://', ''));
  });
});

describe('faults through the executor (planner fan-out + engine)', () => {
  const window = () => ({
    start: BigInt(Date.now() - 3600_000) * 1_000_000n,
    end: BigInt(Date.now() + 60_000) * 1_000_000n,
  });
  // Faults that need the real answer first (truncation) wait for the proxy to read all of it.
  const backend = (timeoutMs = TIMEOUT_MS) =>
    createBackend({
      kind: 'jaeger',
      transport: nodeTransport(proxy.url, { timeoutMs }),
      searchDepth: 1000,
    });

  it('fails a fanned-out search cleanly when Jaeger goes away after the service list', async () => {
    const b = backend();
    await b.detect();
    proxy.mode = 'hang';
    const inFlight = b.search('{ status = error }', window());
    setTimeout(() => void proxy.shutdown(), 150);
    const message = await expectFailure(inFlight, 'unreachable', 5000);
    expect(message).toContain('127.0.0.1');
  });

  it('turns a 500 during a search into an http error with the server message', async () => {
    const b = backend();
    await b.detect();
    proxy.mode = 'status-500';
    const message = await expectFailure(b.search('{ resource.service.name = "database" }', window()), 'http', 5000);
    expect(message).toContain('storage failure');
  });

  it('turns truncated search JSON into a malformed error', async () => {
    const b = backend(15_000);
    await b.detect();
    proxy.mode = 'truncate';
    await expectFailure(b.search('{ resource.service.name = "database" }', window()), 'malformed', 20_000);
  });

  it('times out a search Jaeger never answers', async () => {
    const b = backend();
    await b.detect();
    proxy.mode = 'hang';
    await expectFailure(b.search('{ resource.service.name = "database" }', window()), 'timeout', TIMEOUT_MS + 3000);
  });
});
