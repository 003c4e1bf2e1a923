/**
 * Runs a fixed list of HTTP requests with bounded concurrency, a per-request timeout and an overall
 * deadline, and tallies what was sent and what came back. Shared by the demo and HotROD generators.
 */
export interface PlannedRequest {
  /** Groups the summary, e.g. "search (slow)". */
  label: string;
  url: string;
  headers?: Record<string, string>;
}

export interface TrafficSummary {
  kind: string;
  planned: number;
  sent: number;
  /** Requests not sent because maxDurationMs passed. */
  skipped: number;
  durationMs: number;
  startedAt: string;
  endedAt: string;
  /** label → status (or "timeout"/"network-error") → count */
  byRoute: Record<string, Record<string, number>>;
  byStatus: Record<string, number>;
  /** The first few transport failures, verbatim. */
  failures: string[];
}

export interface RunLimits {
  concurrency: number;
  timeoutMs: number;
  maxDurationMs: number;
}

export async function runBounded(
  kind: string,
  plan: readonly PlannedRequest[],
  limits: RunLimits
): Promise<TrafficSummary> {
  if (!(limits.concurrency >= 1)) {
    throw new Error(`concurrency must be at least 1, got ${limits.concurrency}`);
  }
  const started = Date.now();
  const deadline = started + limits.maxDurationMs;
  const byRoute: Record<string, Record<string, number>> = {};
  const byStatus: Record<string, number> = {};
  const failures: string[] = [];
  let next = 0;
  let sent = 0;

  const tally = (label: string, outcome: string) => {
    byRoute[label] ??= {};
    byRoute[label][outcome] = (byRoute[label][outcome] ?? 0) + 1;
    byStatus[outcome] = (byStatus[outcome] ?? 0) + 1;
  };

  async function worker(): Promise<void> {
    while (next < plan.length && Date.now() < deadline) {
      const item = plan[next++];
      sent++;
      try {
        const res = await fetch(item.url, { headers: item.headers, signal: AbortSignal.timeout(limits.timeoutMs) });
        await res.arrayBuffer();
        tally(item.label, String(res.status));
      } catch (e) {
        const err = e as Error;
        const outcome = err.name === 'TimeoutError' ? 'timeout' : 'network-error';
        tally(item.label, outcome);
        if (failures.length < 5) {
          failures.push(
            `${item.url}: ${err.message}${err.cause ? ` (${String((err.cause as Error).message ?? err.cause)})` : ''}`
          );
        }
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(limits.concurrency, plan.length) }, () => worker()));
  const ended = Date.now();
  return {
    kind,
    planned: plan.length,
    sent,
    skipped: plan.length - sent,
    durationMs: ended - started,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    byRoute,
    byStatus,
    failures,
  };
}
