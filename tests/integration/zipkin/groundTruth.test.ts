/**
 * The real Zipkin, fed by the same instrumented demo services as Jaeger (OpenTelemetry's Zipkin
 * exporter): the decoder and engine, and the executor with its pushdown, must give exactly the answers
 * computed independently from the raw Zipkin JSON; and the same TraceQL must give the same answers
 * over Jaeger and over Zipkin for the traffic both hold.
 */
import { searchTraces } from '../../../src/core/engine';
import { createBackend, type Backend } from '../../../src/core/backends';
import { capitalisedNames, decodeZipkin } from '../../../src/core/backends/zipkin';
import { nodeTransport } from '../../../src/core/transport/nodeTransport';
import type { Trace } from '../../../src/core/model';
import { parseTraceQL } from '../../../src/core/traceql';
import { answerOf, diffAnswers, type Answer } from '../support/groundTruth';
import { QUERY_CASES } from '../support/queryCases';
import { answerFromSearch } from '../support/searchAnswers';
import { TraceSnapshot } from '../support/snapshot';
import { requireStack } from '../support/stackHandle';
import { fetchAllZipkinTraces } from '../support/zipkinRawTraces';
import type { RawTrace } from '../support/rawTraces';

const stack = requireStack();
const zipkinUrl = stack.zipkin?.url;
const sinceMs = Date.now() - 6 * 3600_000;
const untilMs = Date.now() + 60_000;
const window = { start: BigInt(sinceMs) * 1_000_000n, end: BigInt(untilMs) * 1_000_000n };
const ALL = { limit: 1_000_000, spss: 1_000_000 };
let raw: Map<string, RawTrace>;
let decoded: Trace[];
let zipkin: Backend;

beforeAll(async () => {
  if (!zipkinUrl) {
    throw new Error('the running stack has no Zipkin (started with --no-zipkin?): restart it with scripts/stack');
  }
  raw = await fetchAllZipkinTraces(zipkinUrl, sinceMs, untilMs);
  decoded = [...raw.values()].flatMap((t) => decodeZipkin(JSON.parse(t.body)));
  zipkin = createBackend({
    kind: 'zipkin',
    transport: nodeTransport(zipkinUrl, { timeoutMs: 30_000 }),
    searchDepth: 10_000,
  });
});

const expected = (c: (typeof QUERY_CASES)[number]): Answer => answerOf(raw.values(), c.expect);

describe('ground truth from the raw Zipkin traces', () => {
  it('covers enough traces, every span, and most queries non-empty', () => {
    expect(raw.size).toBeGreaterThanOrEqual(20);
    expect(decoded.reduce((n, t) => n + t.spans.length, 0)).toBe(
      [...raw.values()].reduce((n, t) => n + t.spans.length, 0)
    );
    const nonEmpty = QUERY_CASES.filter((c) => expected(c).size > 0);
    expect(nonEmpty.length / QUERY_CASES.length).toBeGreaterThanOrEqual(0.8);
  });
});

describe('engine over decoded Zipkin traces agrees with ground truth', () => {
  it.each(QUERY_CASES.map((c) => [c.query, c] as const))('%s', (query, c) => {
    const parsed = parseTraceQL(query);
    if (!parsed.ok) {
      throw new Error(parsed.error.message);
    }
    const r = searchTraces(parsed.value, decoded, ALL);
    if (!r.ok) {
      throw r.error;
    }
    expect(diffAnswers(expected(c), answerFromSearch(r.response))).toEqual([]);
  });
});

describe('executor over the real Zipkin (pushdown + engine) agrees with ground truth', () => {
  it.each(QUERY_CASES.map((c) => [c.query, c] as const))('%s', async (query, c) => {
    const out = await zipkin.search(query, { ...window, ...ALL });
    expect(diffAnswers(expected(c), answerFromSearch(out.response))).toEqual([]);
    expect(out.stats.bounded).toBe(false);
  });

  it('pushdown fetches fewer bytes for a selective query than for one that needs every trace', async () => {
    const everything = await zipkin.search('{ }', { ...window, ...ALL });
    const selective = await zipkin.search('{ resource.service.name = "database" && duration > 200ms }', {
      ...window,
      ...ALL,
    });
    expect(selective.stats.bytesFetched).toBeGreaterThan(0);
    expect(selective.stats.bytesFetched).toBeLessThan(everything.stats.bytesFetched / 2);
  });

  it('says a search is bounded when Zipkin returns its limit, and what it returns is exact', async () => {
    const capped = createBackend({ kind: 'zipkin', transport: nodeTransport(zipkinUrl ?? ''), searchDepth: 5 });
    const c = QUERY_CASES.find((x) => x.query === '{ resource.service.name = "user-service" }')!;
    expect(expected(c).size).toBeGreaterThan(5);
    const out = await capped.search(c.query, { ...window, ...ALL });
    expect(out.stats.bounded).toBe(true);
    expect(out.notices.map((n) => n.text).join(' ')).toMatch(/limit of 5 traces/);
    const got = answerFromSearch(out.response);
    expect(got.size).toBe(5);
    for (const [id, sets] of got) {
      expect({ id, sets }).toEqual({ id, sets: expected(c).get(id) });
    }
  });

  it('a slice search reports full exactly when the slice holds more traces than its limit', async () => {
    const scan = await zipkin.scan('{ resource.service.name = "frontend" }', window);
    const all = await scan.searches[0].search({ ...window, limit: 100_000 });
    expect(all.full).toBe(false);
    const n = all.traces.length;
    expect((await scan.searches[0].search({ ...window, limit: n })).full).toBe(true);
    expect((await scan.searches[0].search({ ...window, limit: n + 1 })).full).toBe(false);
  });

  it('answers dependencies from /api/v2/dependencies and finds a trace by id', async () => {
    const links = await zipkin.dependencies(window);
    const pairs = links.map((l) => `${l.parent}->${l.child}`);
    expect(pairs).toEqual(expect.arrayContaining(['frontend->api-gateway', 'api-gateway->auth-service']));
    const [id] = raw.keys();
    expect((await zipkin.getTrace(id)).spans).toHaveLength(raw.get(id)!.spans.length);
  });
});

describe('the same TraceQL over Jaeger and over Zipkin, for the traffic both hold', () => {
  let jaegerSnap: TraceSnapshot;
  beforeAll(async () => {
    jaegerSnap = await TraceSnapshot.take(stack.jaeger.queryUrl, sinceMs);
  });
  // Zipkin lower-cases names, so a query naming a span or service with capitals cannot agree.
  const comparable = QUERY_CASES.filter((c) => capitalisedNames(c.query).length === 0);

  it.each(comparable.map((c) => [c.query, c] as const))('%s', async (query, c) => {
    const jaeger = createBackend({
      kind: 'jaeger',
      transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
      searchDepth: 10_000,
    });
    const [overJaeger, overZipkin] = await Promise.all([
      jaeger.search(query, { ...window, ...ALL }),
      zipkin.search(query, { ...window, ...ALL }),
    ]);
    // Only the demo traffic is in both (HotROD exports to Jaeger only).
    const both = (a: Answer) => new Map([...a].filter(([id]) => raw.has(id) && jaegerSnap.traces.has(id)));
    const j = both(answerFromSearch(overJaeger.response));
    expect(diffAnswers(j, both(answerFromSearch(overZipkin.response)))).toEqual([]);
  });

  it('most comparable queries have a non-empty shared answer', () => {
    expect(comparable.length).toBeGreaterThanOrEqual(QUERY_CASES.length - 4);
  });
});
