/**
 * Bytes fetched from the real Jaeger (and the real Zipkin, when the stack runs it) with pushdown (the executor: planner conditions become Jaeger search
 * parameters, the engine finishes) versus without (fetch every trace of every service, then evaluate),
 * for a set of queries. Figures are ratios against the fetch-everything baseline measured in the same
 * run; each line also says whether both ways found the same traces. Needs the stack
 * (scripts/stack/start.sh --traffic 200); without it, says so and measures nothing.
 */
import { nodeTransport } from '../src/core/transport/nodeTransport';
import { createBackend } from '../src/core/backends';
import { searchTraces } from '../src/core/engine';
import { errorMessage } from '../src/core/errors';
import { decodeZipkin } from '../src/core/backends/zipkin';
import { decodeTraces, type Trace } from '../src/core/model';
import { parseTraceQL } from '../src/core/traceql';
import { groupAlive } from '../scripts/stack/processes';
import { readState, stateDirFromEnv, stateFile } from '../scripts/stack/stackState';

const QUERIES = [
  '{ resource.service.name = "database" && duration > 200ms }',
  '{ resource.service.name = "user-service" && name = "search_users" }',
  '{ resource.service.name = "redis-manual" && status = error }',
  '{ resource.service.name = "mysql" } | avg(duration) > 300ms',
  '{ span.db.system = "sqlite" }',
  '{ status = error }',
];

interface Baseline {
  bytes: number;
  requests: number;
  traces: Trace[];
}

/** Without pushdown: one unfiltered search per service, every answer counted, traces merged by ID. */
async function fetchEverything(queryUrl: string, sinceMs: number, untilMs: number): Promise<Baseline> {
  const servicesRes = await fetch(`${queryUrl}/api/v3/services`, { signal: AbortSignal.timeout(10_000) });
  const servicesBody = await servicesRes.text();
  const services = (JSON.parse(servicesBody) as { services: string[] }).services;
  let bytes = Buffer.byteLength(servicesBody);
  const byId = new Map<string, Trace>();
  for (const service of services) {
    const params = new URLSearchParams({
      'query.service_name': service,
      'query.start_time_min': new Date(sinceMs).toISOString(),
      'query.start_time_max': new Date(untilMs).toISOString(),
      'query.num_traces': '10000',
    });
    const res = await fetch(`${queryUrl}/api/v3/traces?${params}`, { signal: AbortSignal.timeout(30_000) });
    const body = await res.text();
    bytes += Buffer.byteLength(body);
    if (res.status === 200) {
      for (const t of decodeTraces(JSON.parse(body))) {
        byId.set(t.traceId, t);
      }
    }
  }
  return { bytes, requests: services.length + 1, traces: [...byId.values()] };
}

function matchedIds(query: string, traces: Trace[]): Set<string> {
  const parsed = parseTraceQL(query);
  if (!parsed.ok) {
    throw new Error(`${query}: ${parsed.error.message}`);
  }
  const r = searchTraces(parsed.value, traces, { limit: 1_000_000, spss: 1 });
  if (!r.ok) {
    throw r.error;
  }
  return new Set(r.response.traces.map((t) => t.traceID));
}

/** Zipkin's naive fetch: one search with no parameters but the window, every trace in one answer. */
async function fetchEverythingZipkin(url: string, sinceMs: number, untilMs: number): Promise<Baseline> {
  const params = new URLSearchParams({ endTs: String(untilMs), lookback: String(untilMs - sinceMs), limit: '100000' });
  const res = await fetch(`${url}/api/v2/traces?${params}`, { signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  return { bytes: Buffer.byteLength(body), requests: 1, traces: res.ok ? decodeZipkin(JSON.parse(body)) : [] };
}

/** Demo traffic only: HotROD does not export to Zipkin. */
const ZIPKIN_QUERIES = [
  '{ resource.service.name = "database" && duration > 200ms }',
  '{ resource.service.name = "user-service" && name = "search_users" }',
  '{ span.db.system = "sqlite" }',
  '{ resource.service.name = "api-gateway" && span.http.route = "/api/users/search" }',
  '{ status = error }',
];

const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;

export default async function bench(): Promise<string[]> {
  const dir = stateDirFromEnv();
  const state = readState(dir);
  if (!state || !groupAlive(state.jaeger.pid)) {
    return [
      `pushdown: skipped: no running stack at ${stateFile(dir)} (start it with scripts/stack/start.sh --traffic 200)`,
    ];
  }
  const queryUrl = state.jaeger.queryUrl;
  const sinceMs = Date.now() - 6 * 3600_000;
  const untilMs = Date.now() + 60_000;
  const window = { start: BigInt(sinceMs) * 1_000_000n, end: BigInt(untilMs) * 1_000_000n };
  const backend = createBackend({
    kind: 'jaeger',
    transport: nodeTransport(queryUrl, { timeoutMs: 30_000 }),
    searchDepth: 10_000,
  });

  const base = await fetchEverything(queryUrl, sinceMs, untilMs);
  const lines = [
    `pushdown: baseline fetch-everything ${kb(base.bytes)} in ${base.requests} requests, ${base.traces.length} traces (Jaeger ${queryUrl})`,
  ];
  for (const query of QUERIES) {
    let outcome;
    try {
      outcome = await backend.search(query, { ...window, limit: 1_000_000, spss: 1 });
    } catch (e) {
      lines.push(`pushdown: ${query}: not measured, the executor failed: ${errorMessage(e)}`);
      continue;
    }
    const pushed = new Set(outcome.response.traces.map((t) => t.traceID));
    const expected = matchedIds(query, base.traces);
    const same = pushed.size === expected.size && [...pushed].every((id) => expected.has(id));
    lines.push(
      `pushdown: ${query}: ${(outcome.stats.bytesFetched / base.bytes).toFixed(3)}x the baseline bytes ` +
        `(${kb(outcome.stats.bytesFetched)}, ${outcome.stats.requests} requests), ` +
        `${pushed.size} traces matched, ${same ? 'same traces as without pushdown' : `DIFFERS from ${expected.size} without pushdown`}`
    );
  }
  if (state.zipkin && groupAlive(state.zipkin.pid)) {
    lines.push(...(await zipkinRows(state.zipkin.url, sinceMs, untilMs, window)));
  }
  return lines;
}

async function zipkinRows(
  url: string,
  sinceMs: number,
  untilMs: number,
  window: { start: bigint; end: bigint }
): Promise<string[]> {
  const backend = createBackend({
    kind: 'zipkin',
    transport: nodeTransport(url, { timeoutMs: 60_000 }),
    searchDepth: 10_000,
  });
  const base = await fetchEverythingZipkin(url, sinceMs, untilMs);
  const lines = [
    `pushdown: baseline Zipkin fetch-everything ${kb(base.bytes)} in 1 request, ${base.traces.length} traces (Zipkin ${url})`,
  ];
  for (const query of ZIPKIN_QUERIES) {
    let outcome;
    try {
      outcome = await backend.search(query, { ...window, limit: 1_000_000, spss: 1 });
    } catch (e) {
      lines.push(`pushdown: Zipkin ${query}: not measured, the executor failed: ${errorMessage(e)}`);
      continue;
    }
    const pushed = new Set(outcome.response.traces.map((t) => t.traceID));
    const expected = matchedIds(query, base.traces);
    const same = pushed.size === expected.size && [...pushed].every((id) => expected.has(id));
    lines.push(
      `pushdown: Zipkin ${query}: ${(outcome.stats.bytesFetched / base.bytes).toFixed(3)}x the baseline bytes ` +
        `(${kb(outcome.stats.bytesFetched)}, ${outcome.stats.requests} requests), ` +
        `${pushed.size} traces matched, ${same ? 'same traces as without pushdown' : `DIFFERS from ${expected.size} without pushdown`}`
    );
  }
  return lines;
}
