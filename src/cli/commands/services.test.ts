import { tracesOverTime } from '../../core/engine/testing/tracesOverTime';
import { fakeJaegerSearchRoutes } from '../../core/backends/testing/fakeJaegerSearch';
import { startFakeServer, type FakeServer } from '../../core/backends/testing/fakeServer';
import { fakeIO } from '../testing';
import { servicesCommand } from './services';

const T0 = 1_704_067_200_000_000_000n;
// 450 requests, one every 2 s over 15 minutes: web's server span calls api's (every 9th fails) and
// api calls itself once (an in-service server span the graph would not count as a call).
const traces = tracesOverTime(450, T0, 2_000_000_000n, (i) => ({
  service: 'web',
  kind: 'server',
  durationNanos: 6_000_000,
  children: [
    {
      service: 'api',
      kind: 'server',
      durationNanos: 3_000_000,
      status: i % 9 === 0 ? 'error' : 'unset',
      children: [{ kind: 'server', durationNanos: 1_000_000 }],
    },
  ],
}));

describe('tracelens services over a live Jaeger', () => {
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(fakeJaegerSearchRoutes(traces));
  });
  afterAll(() => server.close());
  const run = async (extra: string[]) => {
    const io = fakeIO({});
    const argv = ['--jaeger', server.url, '--start', '2024-01-01T00:00:00Z', '--end', '2024-01-01T00:20:00Z'];
    const code = await servicesCommand.run([...argv, ...extra], io);
    return { code, io };
  };

  it('counts every server span of the window, with completeness at the top level', async () => {
    const { code, io } = await run([]);
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: true, tracesScanned: 450, source: 'traces', windowSeconds: 1200 });
    expect(out.services).toEqual([
      expect.objectContaining({ id: 'api', requests: 900, errors: 50, requestRate: 0.75 }),
      expect.objectContaining({ id: 'web', requests: 450, errors: 0, requestRate: 0.375 }),
    ]);
    const [api, web] = out.services;
    // api: 450 spans in the 2^20 ns bucket, 450 in 2^22 ns. Rank 450 is the first bucket's bound;
    // rank 891 lies 441/450 of the way from 2^20 to 2^22 on the log scale (the empty 2^21 widens it).
    expect(api.p50Ms).toBeCloseTo(1.048576, 9);
    expect(api.p99Ms).toBeCloseTo(1.048576 * 2 ** ((2 * 441) / 450), 9);
    // web: all 450 at 6 ms, bucket 2^23 ns; rank 446 of 450 from half its bound up.
    expect(web.p99Ms).toBeCloseTo(4.194304 * 2 ** (446 / 450), 9);
    expect(io.err()).toMatch(/info: Complete: every trace in the window was read/);
  });

  it('with --max-traces below the window, says complete false and why', async () => {
    const { code, io } = await run(['--max-traces', '100', '--compact']);
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    expect(out).toMatchObject({ complete: false, tracesScanned: 100, why: { reason: 'budget' } });
    expect(out.services[1]).toMatchObject({ id: 'web', requests: 100 });
  });

  it('refuses positional arguments with the usage', async () => {
    const { code, io } = await run(['web']);
    expect(code).toBe(2);
    expect(io.err()).toMatch(/takes no positional arguments/);
  });
});
