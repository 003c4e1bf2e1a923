/**
 * Counts what Jaeger holds, straight from its api_v3 HTTP API (not through TraceLens code), so the stack
 * scripts can tell when exported spans have all landed.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface JaegerCounts {
  traces: number;
  spans: number;
  /** Traces that contain at least one span of the service. */
  tracesByService: Record<string, number>;
}

interface OtlpResult {
  result?: { resourceSpans?: Array<{ scopeSpans?: Array<{ spans?: Array<{ traceId: string }> }> }> };
}

export async function listServices(queryUrl: string, timeoutMs = 5000): Promise<string[]> {
  const res = await fetch(`${queryUrl}/api/v3/services`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) {
    throw new Error(`Jaeger ${queryUrl}/api/v3/services answered ${res.status}`);
  }
  return ((await res.json()) as { services?: string[] }).services ?? [];
}

export async function countTraces(queryUrl: string, sinceMs: number, services?: string[]): Promise<JaegerCounts> {
  const names = services ?? (await listServices(queryUrl));
  // A search answer holds whole traces, so a trace's span count is the same under each of its services.
  const spansByTrace = new Map<string, number>();
  const tracesByService: Record<string, number> = {};
  for (const service of names) {
    const params = new URLSearchParams({
      'query.service_name': service,
      'query.start_time_min': new Date(sinceMs).toISOString(),
      'query.start_time_max': new Date(Date.now() + 60_000).toISOString(),
      'query.num_traces': '10000',
    });
    const res = await fetch(`${queryUrl}/api/v3/traces?${params}`, { signal: AbortSignal.timeout(15_000) });
    const body = await res.text();
    if (res.status === 404) {
      tracesByService[service] = 0; // api_v3 answers an empty search with 404 "No traces found"
      continue;
    }
    if (!res.ok) {
      throw new Error(`Jaeger search for ${service} answered ${res.status}: ${body.slice(0, 200)}`);
    }
    const perTrace = new Map<string, number>();
    for (const rs of (JSON.parse(body) as OtlpResult).result?.resourceSpans ?? []) {
      for (const ss of rs.scopeSpans ?? []) {
        for (const s of ss.spans ?? []) {
          perTrace.set(s.traceId, (perTrace.get(s.traceId) ?? 0) + 1);
        }
      }
    }
    tracesByService[service] = perTrace.size;
    for (const [id, n] of perTrace) {
      spansByTrace.set(id, Math.max(spansByTrace.get(id) ?? 0, n));
    }
  }
  let spans = 0;
  for (const n of spansByTrace.values()) {
    spans += n;
  }
  return { traces: spansByTrace.size, spans, tracesByService };
}

/**
 * Waits until Jaeger's span count since `sinceMs` stops growing (same count on consecutive polls
 * `quietMs` apart) and is at least `minSpans`: the exporters batch every 0.5-1 s, so a quiet period
 * means the traffic's spans have landed.
 */
export async function waitForTracesSettled(
  queryUrl: string,
  sinceMs: number,
  opts: { minSpans?: number; quietMs?: number; timeoutMs?: number; services?: string[] } = {}
): Promise<JaegerCounts> {
  const quietMs = opts.quietMs ?? 2500;
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  let previous = -1;
  let last: JaegerCounts | undefined;
  while (Date.now() < deadline) {
    last = await countTraces(queryUrl, sinceMs, opts.services);
    if (last.spans === previous && last.spans >= (opts.minSpans ?? 1)) {
      return last;
    }
    previous = last.spans;
    await sleep(quietMs);
  }
  throw new Error(
    `Jaeger at ${queryUrl} did not settle within ${opts.timeoutMs ?? 60_000} ms ` +
      `(last count: ${last?.traces ?? 0} traces, ${last?.spans ?? 0} spans; wanted at least ${opts.minSpans ?? 1} spans)`
  );
}
