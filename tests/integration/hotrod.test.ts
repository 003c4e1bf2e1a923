/**
 * (d) HotROD, traffic nobody here wrote: its frontend, customer, mysql, driver, redis-manual and route
 * spans, its simulated redis timeouts and its slow mysql queries. Thresholds come from the fetched traces
 * (the median mysql duration), so the expected answers do not depend on this machine's speed.
 */
import { nodeTransport } from '../../src/core/transport/nodeTransport';
import { createBackend } from '../../src/core/backends';
import { searchTraces } from '../../src/core/engine';
import { decodeTraces, type Trace } from '../../src/core/model';
import { parseTraceQL } from '../../src/core/traceql';
import { aggregates, diffAnswers, groupBy, having, KIND, MS, STATUS, structural, where } from './support/groundTruth';
import type { QueryCase } from './support/queryCases';
import type { RawSpan } from './support/rawTraces';
import { answerFromSearch } from './support/searchAnswers';
import { TraceSnapshot } from './support/snapshot';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
let snap: TraceSnapshot;
let decoded: Trace[];
let cases: QueryCase[];

const svc = (name: string) => (s: RawSpan) => s.service === name;

function hotrodCases(mysqlThresholdMs: number): QueryCase[] {
  return [
    {
      query: '{ resource.service.name = "redis-manual" && status = error }',
      expect: (t) => where(t, (s) => s.service === 'redis-manual' && s.statusCode === STATUS.error),
    },
    {
      query: `{ resource.service.name = "mysql" && duration > ${mysqlThresholdMs}ms }`,
      expect: (t) => where(t, (s) => s.service === 'mysql' && s.durationNs > mysqlThresholdMs * MS),
    },
    {
      query:
        '{ resource.service.name = "driver" && kind = server } >> { resource.service.name = "redis-manual" && status = error }',
      expect: (t) =>
        structural(
          t,
          (s) => s.service === 'driver' && s.kind === KIND.server,
          '>>',
          (s) => s.service === 'redis-manual' && s.statusCode === STATUS.error
        ),
    },
    {
      query: '{ resource.service.name = "customer" } > { resource.service.name = "mysql" }',
      expect: (t) => structural(t, svc('customer'), '>', svc('mysql')),
    },
    {
      query: '{ span.sql.query =~ "SELECT .* customer_id=(123|392)" }',
      expect: (t) =>
        where(
          t,
          (s) =>
            typeof s.attrs['sql.query'] === 'string' &&
            /^(?:SELECT .* customer_id=(123|392))$/.test(s.attrs['sql.query'])
        ),
    },
    {
      query: '{ resource.service.name = "route" } | count() > 5',
      expect: (t) => having(where(t, svc('route')), aggregates.count, (n) => n > 5),
    },
    {
      query: '{ resource.service.name = "redis-manual" } | by(name)',
      expect: (t) => groupBy(where(t, svc('redis-manual')), (s) => s.name),
    },
    {
      query: '{ trace:rootService = "frontend" && name = "/dispatch" && resource.telemetry.sdk.language = "go" }',
      expect: (t) =>
        where(
          t,
          (s) =>
            s.name === '/dispatch' &&
            s.resource['telemetry.sdk.language'] === 'go' &&
            t.spans.find((x) => x.parentSpanId === '')?.service === 'frontend'
        ),
    },
  ];
}

beforeAll(async () => {
  snap = await TraceSnapshot.take(stack.jaeger.queryUrl, Date.now() - 6 * 3600_000);
  decoded = [...snap.traces.values()].flatMap((t) => decodeTraces(JSON.parse(t.body)));
  const mysql = [...snap.traces.values()]
    .flatMap((t) => t.spans.filter(svc('mysql')).map((s) => s.durationNs))
    .sort((a, b) => a - b);
  expect(mysql.length).toBeGreaterThan(0);
  cases = hotrodCases(Math.floor(mysql[Math.floor(mysql.length / 2)] / MS));
});

describe('HotROD traces through the engine agree with ground truth', () => {
  it('has HotROD traces with redis errors and slow mysql spans to query', () => {
    const spans = [...snap.traces.values()].flatMap((t) => t.spans);
    expect(spans.some((s) => s.service === 'redis-manual' && s.statusCode === STATUS.error)).toBe(true);
    expect(spans.some((s) => s.service === 'mysql')).toBe(true);
  });

  it('answers every HotROD query exactly', () => {
    const problems: Record<string, string[]> = {};
    for (const c of cases) {
      const parsed = parseTraceQL(c.query);
      if (!parsed.ok) {
        problems[c.query] = [`does not parse: ${parsed.error.message}`];
        continue;
      }
      const r = searchTraces(parsed.value, decoded, { limit: 1_000_000, spss: 1_000_000 });
      const diff = r.ok
        ? diffAnswers(snap.expected(c), answerFromSearch(r.response))
        : [`engine error: ${r.error.message}`];
      if (diff.length > 0) {
        problems[c.query] = diff.slice(0, 3);
      }
    }
    expect(problems).toEqual({});
    // Most queries must have something to find, or the agreement says little.
    expect(cases.filter((c) => snap.expected(c).size > 0).length).toBeGreaterThanOrEqual(cases.length);
  });
});

describe('HotROD queries through the executor against the real Jaeger agree with ground truth', () => {
  it('answers every HotROD query exactly, with pushdown', async () => {
    const backend = createBackend({
      kind: 'jaeger',
      transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
      searchDepth: 10_000,
    });
    const window = {
      start: BigInt(Date.now() - 6 * 3600_000) * 1_000_000n,
      end: BigInt(Date.now() + 60_000) * 1_000_000n,
    };
    const problems: Record<string, string[]> = {};
    for (const c of cases) {
      const outcome = await backend.search(c.query, { ...window, limit: 1_000_000, spss: 1_000_000 });
      const actual = answerFromSearch(outcome.response);
      await snap.include(actual.keys());
      const diff = diffAnswers(snap.expected(c), actual);
      if (diff.length > 0) {
        problems[c.query] = diff.slice(0, 3);
      }
    }
    expect(problems).toEqual({});
  });
});
