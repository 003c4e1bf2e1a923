/**
 * (a) Sampling is real: a known number of requests into the demo services keeps, per root service, a
 * number of traces consistent with the probability Jaeger's strategies file gives that service
 * (binomial, within 4.5 standard deviations), so the remote sampler really applies Jaeger's strategies.
 */
import { driveDemoTraffic, defaultTrafficOptions } from '../../demo/traffic';
import { waitForTracesSettled } from '../../scripts/stack/jaegerCounts';
import { rootSpan } from './support/groundTruth';
import { fetchTrace, searchTraceIds } from './support/rawTraces';
import { requireStack } from './support/stackHandle';

const stack = requireStack();

async function servedProbability(service: string): Promise<number> {
  const res = await fetch(`${stack.jaeger.samplingUrl}/sampling?service=${service}`);
  return ((await res.json()) as { probabilisticSampling: { samplingRate: number } }).probabilisticSampling.samplingRate;
}

/** Demo traces rooted at `service` that started in the window. */
async function storedRoots(service: string, sinceMs: number, untilMs: number): Promise<number> {
  let n = 0;
  for (const id of await searchTraceIds(stack.jaeger.queryUrl, service, sinceMs, untilMs)) {
    const root = rootSpan(await fetchTrace(stack.jaeger.queryUrl, id));
    const startMs = root ? Number(root.startNs / 1_000_000n) : -1;
    if (
      root?.service === service &&
      root.resource['service.namespace'] === 'tracelens-demo' &&
      startMs >= sinceMs &&
      startMs <= untilMs
    ) {
      n++;
    }
  }
  return n;
}

function within(stored: number, sent: number, p: number): { stored: number; low: number; high: number } {
  const sd = Math.sqrt(sent * p * (1 - p));
  return { stored, low: Math.floor(sent * p - 4.5 * sd), high: Math.ceil(sent * p + 4.5 * sd) };
}

it('keeps a share of each root service traffic consistent with its served probability', async () => {
  const sinceMs = Date.now() - 500;
  const summary = await driveDemoTraffic({
    ...defaultTrafficOptions(),
    requests: 240,
    concurrency: 4,
    errorFraction: 0,
    slowFraction: 0,
    gatewayFraction: 0.5,
    seed: Date.now() % 100_000,
  });
  const untilMs = Date.now() + 500;
  expect(summary.sent).toBe(240);
  await waitForTracesSettled(stack.jaeger.queryUrl, sinceMs, { timeoutMs: 60_000 });

  const sentToGateway = Object.entries(summary.byRoute)
    .filter(([label]) => label.startsWith('gateway:'))
    .reduce((n, [, statuses]) => n + Object.values(statuses).reduce((a, b) => a + b, 0), 0);
  const sentToFrontend = summary.sent - sentToGateway;
  for (const [service, sent] of [
    ['frontend', sentToFrontend],
    ['api-gateway', sentToGateway],
  ] as const) {
    const p = await servedProbability(service);
    const r = within(await storedRoots(service, sinceMs, untilMs), sent, p);
    expect({ service, sent, p, inRange: r.stored >= r.low && r.stored <= r.high, ...r }).toEqual({
      service,
      sent,
      p,
      inRange: true,
      ...r,
    });
  }
});
