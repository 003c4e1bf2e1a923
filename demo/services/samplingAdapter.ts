/**
 * Jaeger v2 (v1.76.0 module) serves remote sampling strategies as protobuf-JSON with the strategy type as
 * an enum number (`"strategyType":0`), while @opentelemetry/sampler-jaeger-remote compares it with the enum
 * name (`"PROBABILISTIC"`) and otherwise keeps its initial sampler forever. Jaeger clients hit the same
 * mismatch before (jaeger-client-python#171). Rather than patch the package, each service runs this
 * loopback adapter: the sampler polls it, it fetches the real strategy from Jaeger and renames the enum.
 * It also remembers the last strategy, so /health can report which probability is in effect.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

const STRATEGY_TYPE_NAMES: Record<number, string> = { 0: 'PROBABILISTIC', 1: 'RATE_LIMITING' };

export interface SamplingStatus {
  /** Strategies successfully relayed to the sampler; 0 means the sampler still runs its initial sampler. */
  relayed: number;
  strategyType?: string;
  probability?: number;
  lastError?: string;
}

export interface SamplingAdapter {
  url: string;
  status(): SamplingStatus;
  close(): Promise<void>;
}

/** Pure: the strategy as the JS sampler expects it. Exported for tests. */
export function normalizeStrategy(raw: unknown): Record<string, unknown> {
  if (typeof raw !== 'object' || raw === null) {
    throw new Error('sampling strategy is not a JSON object');
  }
  const strategy = { ...(raw as Record<string, unknown>) };
  const t = strategy.strategyType;
  if (typeof t === 'number') {
    const name = STRATEGY_TYPE_NAMES[t];
    if (!name) {
      throw new Error(`unknown sampling strategyType ${t}`);
    }
    strategy.strategyType = name;
  } else if (t === undefined) {
    // protobuf-JSON omits enum zero values when defaults are not emitted; zero is PROBABILISTIC.
    strategy.strategyType = 'PROBABILISTIC';
  }
  return strategy;
}

export async function startSamplingAdapter(jaegerSamplingUrl: string, timeoutMs = 2000): Promise<SamplingAdapter> {
  const state: SamplingStatus = { relayed: 0 };
  const server: Server = createServer((req, res) => {
    const service = new URL(req.url ?? '/', 'http://adapter').searchParams.get('service') ?? '';
    const upstream = `${jaegerSamplingUrl}/sampling?service=${encodeURIComponent(service)}`;
    fetch(upstream, { signal: AbortSignal.timeout(timeoutMs) })
      .then(async (r) => {
        const body = await r.text();
        if (!r.ok) {
          throw new Error(`Jaeger sampling endpoint ${upstream} answered ${r.status}: ${body.slice(0, 200)}`);
        }
        const strategy = normalizeStrategy(JSON.parse(body));
        state.relayed++;
        state.strategyType = String(strategy.strategyType);
        const prob = (strategy.probabilisticSampling as { samplingRate?: number } | undefined)?.samplingRate;
        state.probability = typeof prob === 'number' ? prob : undefined;
        state.lastError = undefined;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(strategy));
      })
      .catch((e: unknown) => {
        state.lastError = e instanceof Error ? e.message : String(e);
        res.writeHead(502, { 'content-type': 'text/plain' });
        res.end(state.lastError);
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    status: () => ({ ...state }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The sampler's fetch keeps its connection alive; close it instead of waiting for its timeout.
        server.closeAllConnections();
      }),
  };
}
