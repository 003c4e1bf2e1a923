/**
 * Issue #17's proof on the real Jaeger: 1,500 generated traces (more than one search returns) sent
 * over OTLP/HTTP into a window of their own, a known share of calls failing. The service graph, the
 * latency count and the sampling estimates TraceLens computes through a whole-window scan must
 * equal the figures counted here from the spans as they were sent (plain code over the generator's
 * own records, sharing nothing with the analyses), and say `complete`; with a trace budget below
 * the window, the CLI's JSON must say `"complete": false` and why.
 */
import { runLatency, runSampling, runServiceGraph } from '../../../src/core/analysis/runners';
import { createBackend } from '../../../src/core/backends';
import { seededRandom } from '../../../src/core/seededRandom';
import { nodeTransport } from '../../../src/core/transport/nodeTransport';
import { graphCommand } from '../../../src/cli/commands/graph';
import { fakeIO } from '../../../src/cli/testing';
import { waitForTracesSettled } from '../../../scripts/stack/jaegerCounts';
import { requireStack } from '../support/stackHandle';

const stack = requireStack();
const TRACES = 1500;
const MINUTE_NS = 60_000_000_000n;

/** One span as it is sent, and all the ground truth needs to know about it. */
interface SentSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  namespace: string;
  service: string;
  name: string;
  /** OTLP: 2 server, 3 client. */
  kind: 2 | 3;
  failed: boolean;
  startNs: bigint;
  durationNs: bigint;
  traceState: string;
}

// A run-specific namespace keeps this run's traces apart from any earlier run's on a reused stack.
const RUN = `cn${process.pid.toString(36)}${Math.floor(Date.now() / 1000).toString(36)}`;
const DEPLOY_A = `${RUN}-a`;
const DEPLOY_B = `${RUN}-b`;
// Ten days back: no demo traffic there, so the window holds only generated traces.
const WINDOW_START = ((BigInt(Date.now()) * 1_000_000n) / MINUTE_NS) * MINUTE_NS - 14_400n * MINUTE_NS;
const WINDOW = { start: WINDOW_START, end: WINDOW_START + 30n * MINUTE_NS };

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');

/**
 * frontend → gateway → auth, and in 60% of traces gateway → users → db. 20% of traces come from a
 * second deployment that reuses the names (namespace B). Each callee's server span fails with its
 * own probability; A's roots carry a tracestate threshold (p = 1/2 or 1/4), B's carry none.
 */
function generate(): SentSpan[] {
  const random = seededRandom(1717);
  const spans: SentSpan[] = [];
  const width = Number(WINDOW.end - WINDOW.start);
  for (let i = 0; i < TRACES; i++) {
    const traceId = `${hex(0x17, 8)}${hex(i + 1, 8)}${hex(Math.floor(random() * 0xffffffff), 8)}${hex(i, 8)}`;
    const namespace = i % 5 === 4 ? DEPLOY_B : DEPLOY_A;
    const t0 = WINDOW.start + BigInt(Math.floor(random() * (width - 2e9)));
    let next = 1;
    const add = (
      parent: SentSpan | undefined,
      service: string,
      kind: 2 | 3,
      failP: number,
      offsetMs: number,
      ms: number
    ) => {
      const s: SentSpan = {
        traceId,
        spanId: hex(i * 16 + next++, 16),
        parentSpanId: parent?.spanId ?? '',
        namespace,
        service,
        name: kind === 2 ? `${service} handle` : `${service} call`,
        kind,
        failed: random() < failP,
        startNs: t0 + BigInt(offsetMs * 1e6),
        durationNs: BigInt(Math.round(ms * 1e6)),
        traceState: '',
      };
      spans.push(s);
      return s;
    };
    const root = add(undefined, 'cn-frontend', 2, 0.02, 0, 40 + random() * 60);
    if (namespace === DEPLOY_A) {
      root.traceState = i % 3 === 0 ? 'ot=th:c' : 'ot=th:8';
    }
    const toGateway = add(root, 'cn-frontend', 3, 0, 1, 35);
    const gateway = add(toGateway, 'cn-gateway', 2, 0.04, 2, 30 + random() * 20);
    const toAuth = add(gateway, 'cn-gateway', 3, 0, 3, 8);
    add(toAuth, 'cn-auth', 2, 0.1, 4, 5 + random() * 5);
    if (random() < 0.6) {
      const toUsers = add(gateway, 'cn-gateway', 3, 0, 10, 15);
      const users = add(toUsers, 'cn-users', 2, 0.05, 11, 12 + random() * 10);
      const toDb = add(users, 'cn-users', 3, 0, 12, 6);
      add(toDb, 'cn-db', 2, 0.03, 13, 4 + random() * 3);
    }
  }
  return spans;
}

/** OTLP/HTTP JSON, written here rather than with TraceLens's encoder. */
function otlpBody(spans: readonly SentSpan[]): string {
  const byResource = new Map<string, SentSpan[]>();
  for (const s of spans) {
    const key = `${s.namespace}\u0000${s.service}`;
    byResource.set(key, [...(byResource.get(key) ?? []), s]);
  }
  const str = (key: string, value: string) => ({ key, value: { stringValue: value } });
  return JSON.stringify({
    resourceSpans: [...byResource.values()].map((list) => ({
      resource: { attributes: [str('service.name', list[0].service), str('service.namespace', list[0].namespace)] },
      scopeSpans: [
        {
          scope: { name: 'complete-numbers-test' },
          spans: list.map((s) => ({
            traceId: s.traceId,
            spanId: s.spanId,
            ...(s.parentSpanId ? { parentSpanId: s.parentSpanId } : {}),
            name: s.name,
            kind: s.kind,
            startTimeUnixNano: String(s.startNs),
            endTimeUnixNano: String(s.startNs + s.durationNs),
            ...(s.traceState ? { traceState: s.traceState } : {}),
            status: { code: s.failed ? 2 : 0 },
          })),
        },
      ],
    })),
  });
}

const SENT = generate();
const id = (s: SentSpan) => `${s.namespace}/${s.service}`;

/** Calls between services, counted from the sent spans: a server span whose parent's parent is in another service. */
function truthEdges(): Map<string, { requests: number; errors: number }> {
  const byId = new Map(SENT.map((s) => [`${s.traceId}/${s.spanId}`, s]));
  const out = new Map<string, { requests: number; errors: number }>();
  for (const s of SENT) {
    const parent = byId.get(`${s.traceId}/${s.parentSpanId}`);
    if (!parent || id(parent) === id(s)) {
      continue;
    }
    const key = `${id(parent)}->${id(s)}`;
    const e = out.get(key) ?? { requests: 0, errors: 0 };
    e.requests++;
    e.errors += s.failed ? 1 : 0;
    out.set(key, e);
  }
  return out;
}

async function send(): Promise<void> {
  const byTrace = new Map<string, SentSpan[]>();
  for (const s of SENT) {
    byTrace.set(s.traceId, [...(byTrace.get(s.traceId) ?? []), s]);
  }
  const traces = [...byTrace.values()];
  for (let i = 0; i < traces.length; i += 100) {
    const res = await fetch(`${stack.jaeger.otlpHttpUrl}/v1/traces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: otlpBody(traces.slice(i, i + 100).flat()),
      signal: AbortSignal.timeout(30_000),
    });
    if (!res.ok) {
      throw new Error(`OTLP export answered ${res.status}: ${await res.text()}`);
    }
  }
}

/** Distinct traces of this run Jaeger returns for the window, read with one plain search. */
async function storedTraceCount(): Promise<number> {
  const iso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();
  const params = new URLSearchParams({
    'query.service_name': 'cn-auth',
    'query.start_time_min': iso(WINDOW.start),
    'query.start_time_max': iso(WINDOW.end),
    'query.num_traces': '100000',
  });
  const res = await fetch(`${stack.jaeger.queryUrl}/api/v3/traces?${params}`, { signal: AbortSignal.timeout(30_000) });
  if (res.status === 404) {
    return 0;
  }
  const body = (await res.json()) as {
    result?: {
      resourceSpans?: Array<{
        resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
        scopeSpans?: Array<{ spans?: Array<{ traceId: string }> }>;
      }>;
    };
  };
  const ids = new Set<string>();
  for (const rs of body.result?.resourceSpans ?? []) {
    const ns = rs.resource?.attributes?.find((a) => a.key === 'service.namespace')?.value.stringValue ?? '';
    if (ns.startsWith(RUN)) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const sp of ss.spans ?? []) {
          ids.add(sp.traceId);
        }
      }
    }
  }
  return ids.size;
}

/** Waits until Jaeger's writes of what was sent have settled, then checks every sent trace is searchable. */
async function untilStored(): Promise<void> {
  const sinceMs = Number(WINDOW.start / 1_000_000n);
  await waitForTracesSettled(stack.jaeger.queryUrl, sinceMs, {
    services: ['cn-auth'],
    minSpans: TRACES,
    timeoutMs: 90_000,
  });
  const n = await storedTraceCount();
  if (n !== TRACES) {
    throw new Error(`${n} of ${TRACES} sent traces are searchable in Jaeger`);
  }
}

const backend = () =>
  createBackend({
    kind: 'jaeger',
    transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
    samplingTransport: nodeTransport(stack.jaeger.samplingUrl, { timeoutMs: 10_000 }),
  });
const QUERY = `{ resource.service.namespace =~ "${RUN}-.*" }`;

beforeAll(async () => {
  await send();
  await untilStored();
}, 120_000);

describe('complete numbers over the real Jaeger (#17)', () => {
  it('gives every call of the window in the service graph, exactly as sent, and says complete', async () => {
    const run = await runServiceGraph(backend(), WINDOW, { query: QUERY });
    const got = new Map(run.graph.edges.map((e) => [e.id, { requests: e.requests, errors: e.errors }]));
    const truth = truthEdges();
    expect(got).toEqual(truth);
    expect(truth.get(`${DEPLOY_A}/cn-frontend->${DEPLOY_A}/cn-gateway`)?.requests).toBe(1200);
    expect(run.completeness).toMatchObject({ complete: true });
    expect(run.completeness.tracesScanned).toBeGreaterThanOrEqual(TRACES);
    // More than Jaeger's default search depth of 100, so more than one search was needed.
    expect(run.completeness.requests).toBeGreaterThan(3);
  });

  it('keeps the two deployments that reuse a name apart', async () => {
    const run = await runServiceGraph(backend(), WINDOW, { query: QUERY });
    const ids = run.graph.nodes.map((n) => n.id);
    expect(ids).toContain(`${DEPLOY_A}/cn-frontend`);
    expect(ids).toContain(`${DEPLOY_B}/cn-frontend`);
    expect(run.graph.nodes.find((n) => n.id === `${DEPLOY_B}/cn-frontend`)?.requests).toBe(300);
  });

  it('counts every matched span in the latency analysis', async () => {
    const run = await runLatency(
      backend(),
      `{ resource.service.namespace = "${DEPLOY_A}" && kind = server }`,
      WINDOW,
      'span'
    );
    const truth = SENT.filter((s) => s.namespace === DEPLOY_A && s.kind === 2).length;
    expect(run.samples).toHaveLength(truth);
    expect(run.completeness.complete).toBe(true);
  });

  it('estimates sampling from every root: Σ 1/p for the deployment that says p, nothing borrowed for the other', async () => {
    const run = await runSampling(backend(), WINDOW, { query: QUERY });
    const roots = SENT.filter((s) => s.parentSpanId === '');
    const aRoots = roots.filter((s) => s.namespace === DEPLOY_A);
    const sumW = aRoots.reduce((n, s) => n + (s.traceState === 'ot=th:c' ? 4 : 2), 0);
    const failedW = aRoots.reduce((n, s) => n + (s.failed ? (s.traceState === 'ot=th:c' ? 4 : 2) : 0), 0);
    const a = run.rows.find((r) => r.service === `${DEPLOY_A}/cn-frontend`);
    expect(a).toMatchObject({ sampler: 'tracestate', storedTraces: aRoots.length, estimatedRequests: sumW });
    expect(a?.errorTraces).toBe(aRoots.filter((s) => s.failed).length);
    expect(a?.errorRate).toBeCloseTo(failedW / sumW, 12);
    const b = run.rows.find((r) => r.service === `${DEPLOY_B}/cn-frontend`);
    // Jaeger serves a (default) strategy for "cn-frontend", but two deployments report that name.
    expect(b).toMatchObject({
      sampler: 'unknown',
      storedTraces: roots.length - aRoots.length,
      estimatedRequests: null,
    });
    expect(run.completeness.complete).toBe(true);
  });

  it('with --max-traces below the window, the CLI says "complete": false and why', async () => {
    const io = fakeIO();
    const argv = [
      '--jaeger',
      stack.jaeger.queryUrl,
      '--start',
      String(WINDOW.start),
      '--end',
      String(WINDOW.end),
      '--max-traces',
      '500',
      '--compact',
    ];
    expect(await graphCommand.run(argv, io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: false, tracesScanned: 500, why: { reason: 'budget' } });
    expect(io.err()).toMatch(/Counts are lower bounds: 500 traces read/);
    const all = fakeIO();
    expect(
      await graphCommand.run(
        argv.filter((a, i) => a !== '--max-traces' && argv[i - 1] !== '--max-traces'),
        all
      )
    ).toBe(0);
    expect(JSON.parse(all.out())).toMatchObject({ complete: true });
  });
});
