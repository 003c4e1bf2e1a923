/**
 * Counts what Zipkin holds, straight from its v2 HTTP API (not through TraceLens code), so the stack
 * scripts and tests can tell when exported spans have all landed.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface ZipkinCounts {
  traces: number;
  spans: number;
  /** Traces that contain at least one span of the service (Zipkin's lower-cased service names). */
  tracesByService: Record<string, number>;
}

interface ZipkinSpanLite {
  traceId: string;
  localEndpoint?: { serviceName?: string };
}

/**
 * Every trace whose root started since `sinceMs`, in one search: Zipkin's window is `endTs` minus
 * `lookback` (ms) and its limit counts traces, so a large limit returns them all.
 */
export async function countZipkinTraces(url: string, sinceMs: number): Promise<ZipkinCounts> {
  const endTs = Date.now() + 60_000;
  const params = new URLSearchParams({ endTs: String(endTs), lookback: String(endTs - sinceMs), limit: '100000' });
  const res = await fetch(`${url}/api/v2/traces?${params}`, { signal: AbortSignal.timeout(30_000) });
  const body = await res.text();
  if (!res.ok) {
    throw new Error(`Zipkin ${url}/api/v2/traces answered ${res.status}: ${body.slice(0, 200)}`);
  }
  const traces = JSON.parse(body) as ZipkinSpanLite[][];
  const tracesByService: Record<string, number> = {};
  let spans = 0;
  for (const trace of traces) {
    spans += trace.length;
    for (const name of new Set(trace.map((s) => s.localEndpoint?.serviceName ?? ''))) {
      tracesByService[name] = (tracesByService[name] ?? 0) + 1;
    }
  }
  return { traces: traces.length, spans, tracesByService };
}

/** Waits until Zipkin's span count since `sinceMs` stops growing and is at least `minSpans`. */
export async function waitForZipkinSettled(
  url: string,
  sinceMs: number,
  opts: { minSpans?: number; quietMs?: number; timeoutMs?: number } = {}
): Promise<ZipkinCounts> {
  const quietMs = opts.quietMs ?? 2500;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let previous = -1;
  let last: ZipkinCounts | undefined;
  while (Date.now() < deadline) {
    last = await countZipkinTraces(url, sinceMs);
    if (last.spans === previous && last.spans >= (opts.minSpans ?? 1)) {
      return last;
    }
    previous = last.spans;
    await sleep(quietMs);
  }
  throw new Error(
    `Zipkin at ${url} did not settle within ${opts.timeoutMs ?? 60_000} ms ` +
      `(last count: ${last?.traces ?? 0} traces, ${last?.spans ?? 0} spans; wanted at least ${opts.minSpans ?? 1} spans)`
  );
}
