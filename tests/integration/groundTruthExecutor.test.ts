/**
 * (b, second half) The same queries through the executor against the real Jaeger: planner pushdown to
 * Jaeger searches, the engine on what comes back. Answers must equal the ground truth computed from every
 * raw trace; pushdown must never fetch more than fetching everything does.
 */
import { nodeTransport } from '../../src/core/transport/nodeTransport';
import { type Backend, createBackend } from '../../src/core/backends';
import { diffAnswers } from './support/groundTruth';
import { QUERY_CASES } from './support/queryCases';
import { answerFromSearch } from './support/searchAnswers';
import { TraceSnapshot } from './support/snapshot';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
const sinceMs = Date.now() - 6 * 3600_000;
const window = { start: BigInt(sinceMs) * 1_000_000n, end: BigInt(Date.now() + 60_000) * 1_000_000n };
const ALL = { limit: 1_000_000, spss: 1_000_000 };
let snap: TraceSnapshot;
let backend: Backend;

beforeAll(async () => {
  snap = await TraceSnapshot.take(stack.jaeger.queryUrl, sinceMs);
  backend = createBackend({
    kind: 'jaeger',
    transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
    searchDepth: 10_000,
  });
});

describe('executor over the real Jaeger agrees with ground truth', () => {
  it.each(QUERY_CASES.map((c) => [c.query, c] as const))('%s', async (query, c) => {
    const outcome = await backend.search(query, { ...window, ...ALL });
    const actual = answerFromSearch(outcome.response);
    await snap.include(actual.keys()); // traffic that arrived after the snapshot
    expect(diffAnswers(snap.expected(c), actual)).toEqual([]);
    expect(outcome.stats.bounded).toBe(false);
  });
});

describe('pushdown', () => {
  it('fetches fewer bytes for a selective query than for a query that needs every trace', async () => {
    const everything = await backend.search('{ }', { ...window, ...ALL });
    const selective = await backend.search('{ resource.service.name = "database" && duration > 200ms }', {
      ...window,
      ...ALL,
    });
    expect(selective.stats.bytesFetched).toBeGreaterThan(0);
    expect(selective.stats.bytesFetched).toBeLessThan(everything.stats.bytesFetched);
  });
});

describe('bounded searches', () => {
  it('says so when Jaeger returns a capped set, and what it returns is still exact', async () => {
    const capped = createBackend({
      kind: 'jaeger',
      transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
      searchDepth: 5,
    });
    const c = QUERY_CASES.find((x) => x.query === '{ resource.service.name = "user-service" }')!;
    const expected = snap.expected(c);
    expect(expected.size).toBeGreaterThan(5);
    const outcome = await capped.search(c.query, { ...window, ...ALL });
    expect(outcome.stats.bounded).toBe(true);
    // The notice names the cap, so a user knows how to widen it.
    expect(outcome.notices.map((n) => n.text).join(' ')).toMatch(/\b5\b/);
    const actual = answerFromSearch(outcome.response);
    expect(actual.size).toBeGreaterThan(0);
    expect(actual.size).toBeLessThanOrEqual(5);
    for (const [id, sets] of actual) {
      expect({ id, sets }).toEqual({ id, sets: expected.get(id) });
    }
  });
});
