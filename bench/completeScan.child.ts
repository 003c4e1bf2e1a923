/**
 * One memory measurement for completeScan.bench.ts, in a process of its own so runs cannot share
 * heap: reads a window of a Jaeger either with the whole-window scan (the service graph, folded as
 * answers arrive) or with one unbounded request (decode everything, then build the graph), and
 * prints, as JSON, one peak of the heap plus off-heap memory above the idle baseline:
 *   - `raw`: sampled every 2 ms, garbage included, so it also measures when V8 chose to collect
 *     (on a busy machine its collector lags and this grows with the work done);
 *   - `live`: what the run holds, which is what the memory bound is about: sampled after full
 *     collections at each folded answer (scan) or with every trace decoded (unbounded), and every
 *     100 ms between (when the scan's in-flight answers are streaming in).
 * The two need separate processes: the forced collections would lower the raw peak.
 *
 * Off-heap memory is `external` alone: Node counts Buffers and ArrayBuffers in it already (its
 * `arrayBuffers` figure is a part of `external`, not an addition). A collection frees a dead
 * Buffer's bytes only once V8's sweeper has run, so a live sample collects twice: after one, the
 * response bodies of answers already folded still showed as held (measured: 13 MB vs 4 MB).
 *
 *   node --expose-gc --import tsx bench/completeScan.child.ts <queryUrl> <startNs> <endNs> scan|unbounded raw|live
 */
import { runServiceGraph } from '../src/core/analysis/runners';
import { buildServiceGraph } from '../src/core/analysis/serviceGraph';
import { createBackend } from '../src/core/backends';
import { decodeTraces, parseJsonBody } from '../src/core/model';
import { nodeTransport } from '../src/core/transport/nodeTransport';

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Two full collections: the second releases the Buffers the first found dead (see above). */
function collect(): void {
  gc();
  gc();
}

function used(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** One request for every trace in the window, as the analyses did before #17 (without its cap). */
export async function unboundedGraph(
  url: string,
  w: { start: bigint; end: bigint },
  /** Called with every trace decoded and held, before the graph is built. */
  onDecoded?: () => void
): Promise<number> {
  const iso = (ns: bigint) => {
    const ms = new Date(Number(ns / 1_000_000n)).toISOString().slice(0, 19);
    return `${ms}.${String(ns % 1_000_000_000n).padStart(9, '0')}Z`;
  };
  const params = new URLSearchParams({
    'query.start_time_min': iso(w.start),
    'query.start_time_max': iso(w.end),
    // Jaeger's memory store refuses a search depth at or above its max_traces (100,000 here).
    'query.num_traces': '99999',
  });
  const body = await (await fetch(`${url}/api/v3/traces?${params}`)).text();
  const traces = decodeTraces(parseJsonBody(body, 'Jaeger'));
  onDecoded?.();
  const g = buildServiceGraph(traces, { windowSeconds: Number(w.end - w.start) / 1e9 });
  return g.edges.reduce((n, e) => n + e.requests, 0);
}

async function main(): Promise<void> {
  const [queryUrl, startArg, endArg, mode, measure] = process.argv.slice(2);
  const window = { start: BigInt(startArg), end: BigInt(endArg) };
  collect();
  const baseline = used();
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 2);
  let live = baseline;
  const sampleLive = (): void => {
    if (measure !== 'live') {
      return;
    }
    collect();
    live = Math.max(live, used());
  };
  const between = measure === 'live' ? setInterval(sampleLive, 100) : undefined;
  let calls: number;
  if (mode === 'unbounded') {
    calls = await unboundedGraph(queryUrl, window, sampleLive);
  } else {
    const backend = createBackend({ kind: 'jaeger', transport: nodeTransport(queryUrl, { timeoutMs: 120_000 }) });
    const run = await runServiceGraph(backend, window, { maxTraces: 1_000_000, onProgress: sampleLive });
    calls = run.graph.edges.reduce((n, e) => n + e.requests, 0);
  }
  peak = Math.max(peak, used());
  clearInterval(timer);
  clearInterval(between);
  const peakBytes = measure === 'live' ? live - baseline : peak - baseline;
  process.stdout.write(`${JSON.stringify({ peakBytes, calls })}\n`);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
