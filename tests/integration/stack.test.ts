/**
 * (a) The stack is real: Jaeger lists every demo and HotROD service, serves the strategies file's
 * probabilities, and holds traces with the guide's request path, W3C propagation and correlated logs.
 */
import { readFileSync } from 'node:fs';

import { HOTROD_SERVICES } from '../../scripts/stack/start';
import { rootSpan } from './support/groundTruth';
import { fetchAllTraces, fetchTrace, type RawTrace, servicesOf } from './support/rawTraces';
import { DEMO_SERVICES, requireStack } from './support/stackHandle';

const stack = requireStack();
const Q = stack.jaeger.queryUrl;
let traces: Map<string, RawTrace>;

beforeAll(async () => {
  traces = await fetchAllTraces(Q, Date.now() - 6 * 3600_000, Date.now() + 60_000);
});

function demoTraces(): RawTrace[] {
  return [...traces.values()].filter((t) => t.spans.some((s) => s.resource['service.namespace'] === 'tracelens-demo'));
}

describe('the real Jaeger stack', () => {
  it('lists every demo service and every HotROD service', async () => {
    const services = await servicesOf(Q);
    for (const name of [...DEMO_SERVICES, ...HOTROD_SERVICES]) {
      expect(services).toContain(name);
    }
  });

  it('reports healthy on its health endpoint', async () => {
    const res = await fetch(stack.jaeger.healthUrl);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { healthy?: boolean }).healthy).toBe(true);
  });

  it('serves the per-service probabilities of the strategies file on the sampling endpoint', async () => {
    const file = JSON.parse(readFileSync(stack.jaeger.strategiesFile, 'utf8')) as {
      default_strategy: { param: number };
      service_strategies: Array<{ service: string; type: string; param: number }>;
    };
    for (const name of DEMO_SERVICES) {
      const configured = file.service_strategies.find((s) => s.service === name)?.param ?? file.default_strategy.param;
      const res = await fetch(`${stack.jaeger.samplingUrl}/sampling?service=${name}`);
      const body = (await res.json()) as { probabilisticSampling?: { samplingRate?: number } };
      expect({ name, rate: body.probabilisticSampling?.samplingRate }).toEqual({ name, rate: configured });
    }
  });

  it('has each demo service sampling with the probability Jaeger serves for it', async () => {
    for (const s of stack.services) {
      const health = (await (await fetch(`${s.url}/health`)).json()) as { sampling: { probability?: number } };
      const served = (await (await fetch(`${stack.jaeger.samplingUrl}/sampling?service=${s.name}`)).json()) as {
        probabilisticSampling: { samplingRate: number };
      };
      expect({ service: s.name, p: health.sampling.probability }).toEqual({
        service: s.name,
        p: served.probabilisticSampling.samplingRate,
      });
    }
  });

  it('holds traces along the guide request path: frontend → api-gateway → auth-service and user-service → database', () => {
    const full = demoTraces().filter(
      (t) => rootSpan(t)?.service === 'frontend' && t.spans.some((s) => s.attrs['db.system'] === 'sqlite')
    );
    expect(full.length).toBeGreaterThan(0);
    const t = full[0];
    const byId = new Map(t.spans.map((s) => [s.spanId, s]));
    const serviceChain = (spanId: string): string[] => {
      const chain: string[] = [];
      for (let s = byId.get(spanId); s; s = byId.get(s.parentSpanId)) {
        if (chain[chain.length - 1] !== s.service) {
          chain.push(s.service);
        }
      }
      return chain.reverse();
    };
    const db = t.spans.find((s) => s.attrs['db.system'] === 'sqlite')!;
    expect(serviceChain(db.spanId)).toEqual(['frontend', 'api-gateway', 'user-service', 'database']);
    const auth = t.spans.find((s) => s.name === 'verify_token')!;
    expect(serviceChain(auth.spanId)).toEqual(['frontend', 'api-gateway', 'auth-service']);
    expect(db.attrs).toMatchObject({ 'db.system': 'sqlite', 'db.name': 'users' });
    expect(String(db.attrs['db.statement'])).toMatch(/^SELECT /);
  });

  it('propagates W3C baggage: one request.id on every service of a trace', () => {
    const t = demoTraces().find(
      (x) => rootSpan(x)?.service === 'frontend' && x.spans.some((s) => s.service === 'user-service')
    );
    expect(t).toBeDefined();
    const ids = new Set(t!.spans.filter((s) => s.attrs['request.id'] !== undefined).map((s) => s.attrs['request.id']));
    const services = new Set(t!.spans.filter((s) => s.attrs['request.id'] !== undefined).map((s) => s.service));
    expect(ids.size).toBe(1);
    expect([...services].sort()).toEqual(
      expect.arrayContaining(['api-gateway', 'auth-service', 'frontend', 'user-service'])
    );
  });

  it('records failures with error status and exception events, down the path that failed', () => {
    const failed = demoTraces().filter((t) => t.spans.some((s) => s.statusCode === 2 && s.service === 'database'));
    expect(failed.length).toBeGreaterThan(0);
    for (const t of failed) {
      const root = rootSpan(t)!;
      expect(root.statusCode).toBe(2);
      expect(
        t.spans
          .filter((s) => s.statusCode === 2)
          .every((s) => s.kind === 3 || s.events.some((e) => e.name === 'exception'))
      ).toBe(true);
    }
  });

  it('writes service logs as JSON lines whose trace_id and span_id lead to the trace in Jaeger', async () => {
    const frontend = stack.services.find((s) => s.name === 'frontend')!;
    const lines = readFileSync(frontend.appLog, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { trace_id?: string; span_id?: string; trace_sampled?: boolean; route?: string });
    const sampled = lines.filter((l) => l.trace_sampled && l.route);
    expect(sampled.length).toBeGreaterThan(0);
    const line = sampled[sampled.length - 1];
    const t = await fetchTrace(Q, line.trace_id!);
    expect(t.spans.some((s) => s.spanId === line.span_id && s.service === 'frontend')).toBe(true);
  });

  it('holds HotROD traces with its mysql and redis spans and its deliberate errors or slow paths', () => {
    const hotrod = [...traces.values()].filter((t) => t.spans.some((s) => s.service === 'customer'));
    expect(hotrod.length).toBeGreaterThan(0);
    const services = new Set(hotrod.flatMap((t) => t.spans.map((s) => s.service)));
    expect([...services].sort()).toEqual(expect.arrayContaining(HOTROD_SERVICES));
    const mysqlSlowest = Math.max(
      ...hotrod.flatMap((t) => t.spans.filter((s) => s.service === 'mysql').map((s) => s.durationNs))
    );
    // HotROD's mysql query sleeps ~300 ms by design (config.MySQLGetDelay).
    expect(mysqlSlowest).toBeGreaterThan(100_000_000);
  });
});
