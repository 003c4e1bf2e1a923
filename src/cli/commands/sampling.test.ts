import fs from 'fs';
import path from 'path';

import { fakeJaegerSearchRoutes } from '../../core/backends/testing/fakeJaegerSearch';
import { startFakeServer, type FakeServer } from '../../core/backends/testing/fakeServer';
import { tracesOverTime } from '../../core/engine/testing/tracesOverTime';
import { fakeIO } from '../testing';
import { samplingCommand } from './sampling';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/traces/guide.otlp.json');

describe('tracelens sampling', () => {
  it('prints one row per root service with the documented fields', async () => {
    const io = fakeIO({ 'g.json': fs.readFileSync(FIXTURE, 'utf8') });
    const code = await samplingCommand.run(['--traces', 'g.json', '--compact'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.services.length).toBeGreaterThan(0);
    for (const s of out.services) {
      expect(Object.keys(s)).toEqual(
        expect.arrayContaining([
          'service',
          'sampler',
          'probability',
          'storedTraces',
          'estimatedRequests',
          'spansPerTrace',
        ])
      );
      expect(['tracestate', 'jaeger-tags', 'strategy', 'rate-limited', 'unknown']).toContain(s.sampler);
      if (s.sampler === 'unknown' || s.sampler === 'rate-limited') {
        expect(s.estimatedRequests).toBeNull();
      } else {
        expect(s.estimatedRequests).toBeGreaterThanOrEqual(s.storedTraces);
      }
    }
  });

  it('is a usage error without a source', async () => {
    const io = fakeIO();
    expect(await samplingCommand.run([], io)).toBe(2);
    expect(io.err()).toMatch(/exactly one of --traces/);
  });
});

describe('tracelens sampling over a live backend: the whole window (#17)', () => {
  const T0 = 1_704_067_200_000_000_000n;
  // 400 requests kept at p = 1/2 (tracestate ot=th:8), one every 2 s; more than one search returns.
  const traces = tracesOverTime(400, T0, 2_000_000_000n, (i) => ({
    service: 'web',
    kind: 'server',
    traceState: 'ot=th:8',
    status: i % 10 === 0 ? 'error' : 'unset',
  }));
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(fakeJaegerSearchRoutes(traces));
  });
  afterAll(() => server.close());

  it('estimates from every root in the window and says complete at the top level', async () => {
    const io = fakeIO();
    const argv = ['--jaeger', server.url, '--start', '2024-01-01T00:00:00Z', '--end', '2024-01-01T00:15:00Z'];
    expect(await samplingCommand.run(argv, io)).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: true, tracesScanned: 400 });
    expect(out.services).toEqual([
      expect.objectContaining({ service: 'web', storedTraces: 400, estimatedRequests: 800, errorRate: 0.1 }),
    ]);
    // Regression #19: without --sampling-url the Jaeger host's port 5778 is tried, and said so.
    const port = new URL(server.url).port;
    expect(io.err()).toContain(`sampling strategies from ${server.url.replace(`:${port}`, ':5778')}`);
    expect(io.err()).toContain("the backend host's sampling port");
    const partial = fakeIO();
    expect(await samplingCommand.run([...argv, '--max-traces', '100'], partial)).toBe(0);
    expect(JSON.parse(partial.out())).toMatchObject({ complete: false, tracesScanned: 100, why: { reason: 'budget' } });
  });
});
