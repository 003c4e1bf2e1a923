/**
 * Bytes fetched from the real Jaeger with pushdown (the executor: planner conditions become Jaeger search
 * parameters, the engine finishes) versus without (fetch every trace of every service, then evaluate),
 * for a set of queries. Figures are ratios against the fetch-everything baseline measured in the same
 * run; each line also says whether both ways found the same traces. Needs the stack
 * (scripts/stack/start.sh --traffic 200); without it, says so and measures nothing.
 */
import { nodeTransport } from '../src/core/transport/nodeTransport';
import { createBackend } from '../src/core/backends';
import { searchTraces } from '../src/core/engine';
import { errorMessage } from '../src/core/errors';
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
  return lines;
}
