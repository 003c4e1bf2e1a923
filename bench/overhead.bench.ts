/**
 * What tracing costs the demo services: the same five services (own Jaeger and ports, never the shared
 * stack) run untraced, then with the consistent-probability sampler at 100%, 10% and 1%, each serving the
 * same fixed requests with bounded concurrency. Figures are ratios against "off" from one run, with the
 * modes interleaved over rounds so drifting load from other jobs hits all of them alike. CPU is the
 * services' own (utime + stime of their process groups from /proc), which other jobs on the machine
 * disturb far less than throughput. The per-span figure is the default of the sampling panel's cost
 * model (src/core/analysis/sampling/cost.ts DEFAULT_CPU_MICROS_PER_SPAN).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { runBounded, type PlannedRequest } from '../demo/runBounded';
import {
  jaegerUnavailableReason,
  locateJaegerBinary,
  type OwnJaeger,
  portsFrom,
  type ServiceProcess,
  startOwnJaeger,
  startOwnServices,
  stopProcess,
  stopServices,
} from '../demo/sampling/ownStack';
import { groupCpuMs } from '../demo/sampling/processCpu';
import { SERVICE_NAMES } from '../demo/services/config';
import { waitForTracesSettled } from '../scripts/stack/jaegerCounts';

const MODES = [
  { name: 'off', sampler: 'off' },
  { name: 'sampling 100%', sampler: 'consistent:1' },
  { name: 'sampling 10%', sampler: 'consistent:0.1' },
  { name: 'sampling 1%', sampler: 'consistent:0.01' },
] as const;
type ModeName = (typeof MODES)[number]['name'];

function countFromEnv(name: string, fallback: number, max: number): number {
  const n = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(n) || n < 1 || n > max) {
    throw new Error(`${name} must be a whole number from 1 to ${max}, got ${process.env[name]}`);
  }
  return n;
}

const REQUESTS = countFromEnv('TRACELENS_OVERHEAD_REQUESTS', 300, 5000);
const ROUNDS = countFromEnv('TRACELENS_OVERHEAD_ROUNDS', 2, 10);
const WARMUP = 60;
const CONCURRENCY = 4;
/** The batch processor exports every 500 ms: wait for the last batch so its CPU is counted. */
const SETTLE_MS = 1500;
/** No sleeps, jitter or injected errors: the services are CPU-bound, so tracing's cost shows in throughput. */
const SETTINGS = { latencyMs: 0, jitterMs: 0, errorRate: 0, slowMs: 0 };

interface Totals {
  requests: number;
  wallMs: number;
  cpuMs: number;
  spans: number;
  traces: number;
}

function plan(frontendUrl: string, n: number, offset: number): PlannedRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    label: 'list users',
    url: `${frontendUrl}/api/users?limit=${1 + ((i + offset) % 5)}`,
    headers: { authorization: `Bearer demo-${1 + ((i + offset) % 50)}-pro` },
  }));
}

async function drive(services: ServiceProcess[], n: number, offset: number): Promise<number> {
  const summary = await runBounded('overhead', plan(services[0].url, n, offset), {
    concurrency: CONCURRENCY,
    timeoutMs: 10_000,
    maxDurationMs: 120_000,
  });
  if (summary.byStatus['200'] !== n) {
    throw new Error(`expected ${n} answers 200, got ${JSON.stringify(summary.byStatus)}: ${summary.failures[0] ?? ''}`);
  }
  return summary.durationMs;
}

/** One mode, one round: fresh services, warm-up, then the measured requests. */
async function measure(jaeger: OwnJaeger, dir: string, mode: (typeof MODES)[number], round: number): Promise<Totals> {
  const stateDir = join(dir, `${mode.sampler.replace(/[^a-z0-9.]/g, '_')}-${round}`);
  mkdirSync(stateDir, { recursive: true });
  const services = await startOwnServices({
    dir: stateDir,
    ports: portsFrom(basePort()),
    jaeger,
    sampler: mode.sampler,
    settings: SETTINGS,
    seedUsers: 2000,
  });
  let window: { sinceMs: number; wallMs: number; cpuMs: number };
  try {
    // JIT, connection pools and SQLite's page cache warm up outside the measurement.
    await drive(services, WARMUP, 0);
    await sleep(SETTLE_MS);
    const pgids = services.map((s) => s.pid);
    const sinceMs = Date.now();
    const cpuBefore = groupCpuMs(pgids);
    const wallMs = await drive(services, REQUESTS, WARMUP);
    await sleep(SETTLE_MS);
    window = { sinceMs, wallMs, cpuMs: groupCpuMs(pgids) - cpuBefore };
  } finally {
    // Stopping flushes what the batch processors still hold.
    await stopServices(services);
  }
  // At 1% a round may keep no trace at all, so zero spans is a valid settled count.
  const counts = await waitForTracesSettled(jaeger.queryUrl, window.sinceMs, {
    services: [...SERVICE_NAMES],
    minSpans: 0,
    quietMs: 1000,
    timeoutMs: 30_000,
  });
  return { requests: REQUESTS, wallMs: window.wallMs, cpuMs: window.cpuMs, spans: counts.spans, traces: counts.traces };
}

function basePort(): number {
  return Number(process.env.TRACELENS_OVERHEAD_BASE_PORT ?? 27400);
}

function add(a: Totals, b: Totals): Totals {
  return {
    requests: a.requests + b.requests,
    wallMs: a.wallMs + b.wallMs,
    cpuMs: a.cpuMs + b.cpuMs,
    spans: a.spans + b.spans,
    traces: a.traces + b.traces,
  };
}

const pad = (s: string, n: number) => s.padEnd(n);
const fixed = (x: number, d: number) => x.toFixed(d);

function report(totals: Map<ModeName, Totals>): string[] {
  const off = totals.get('off') as Totals;
  const full = totals.get('sampling 100%') as Totals;
  const one = totals.get('sampling 1%') as Totals;
  const perReq = (t: Totals) => t.cpuMs / t.requests;
  const rps = (t: Totals) => (t.requests * 1000) / t.wallMs;
  const lines = [
    `demo services (5 processes, /api/users via frontend → api-gateway → auth/user-service → database), ` +
      `${ROUNDS} rounds × ${REQUESTS} requests per mode, concurrency ${CONCURRENCY}, no injected latency`,
    `${pad('mode', 15)}${pad('req/s', 9)}${pad('thr ×off', 10)}${pad('CPU ms/req', 12)}${pad('CPU ×off', 10)}spans stored (traces)`,
  ];
  for (const { name } of MODES) {
    const t = totals.get(name) as Totals;
    lines.push(
      `${pad(name, 15)}${pad(fixed(rps(t), 1), 9)}${pad(fixed(rps(t) / rps(off), 3), 10)}` +
        `${pad(fixed(perReq(t), 3), 12)}${pad(fixed(perReq(t) / perReq(off), 3), 10)}${t.spans} (${t.traces})`
    );
  }
  if (full.spans === 0) {
    lines.push('no spans reached Jaeger at 100%: the per-span cost cannot be derived (see the services logs)');
    return lines;
  }
  const perSpanUs = ((full.cpuMs - (off.cpuMs * full.requests) / off.requests) * 1000) / full.spans;
  const marginalUs =
    full.spans > one.spans
      ? ((full.cpuMs - (one.cpuMs * full.requests) / one.requests) * 1000) / (full.spans - one.spans)
      : NaN;
  const fixedUsPerReq = (perReq(one) - perReq(off)) * 1000;
  lines.push(
    `SDK CPU per recorded span: ${fixed(perSpanUs, 1)} µs = (CPU at 100% − CPU off) ÷ ${full.spans} spans stored ` +
      `(${fixed(full.spans / full.traces, 1)} spans per trace)`,
    `  of which marginal (100% vs 1%): ${fixed(marginalUs, 1)} µs per recorded span; instrumentation with ` +
      `almost nothing recorded (1%): ${fixed(fixedUsPerReq, 0)} µs per request`,
    `CPU overhead per request vs off: 100% +${fixed((perReq(full) / perReq(off) - 1) * 100, 1)}%, ` +
      `10% +${fixed((perReq(totals.get('sampling 10%') as Totals) / perReq(off) - 1) * 100, 1)}%, ` +
      `1% +${fixed((perReq(one) / perReq(off) - 1) * 100, 1)}% (the tracing guide's budget: <1%)`
  );
  return lines;
}

export default async function bench(): Promise<string[]> {
  const binary = locateJaegerBinary();
  if (!binary) {
    return [`skipped: ${jaegerUnavailableReason()}`];
  }
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-overhead-'));
  const jaeger = await startOwnJaeger({
    binary,
    dir,
    ports: portsFrom(basePort()),
    strategies: { default_strategy: { type: 'probabilistic', param: 1 } },
  });
  try {
    const totals = new Map<ModeName, Totals>();
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate the order between rounds so neither end of a round is always the same mode.
      const order = round % 2 === 0 ? MODES : [...MODES].reverse();
      for (const mode of order) {
        const t = await measure(jaeger, dir, mode, round);
        const prev = totals.get(mode.name);
        totals.set(mode.name, prev ? add(prev, t) : t);
      }
    }
    return report(totals);
  } finally {
    await stopProcess(jaeger.pid);
    rmSync(dir, { recursive: true, force: true });
  }
}
