import fs from 'fs';
import path from 'path';

import { fakeJaegerSearchRoutes } from '../../core/backends/testing/fakeJaegerSearch';
import { startFakeServer, type FakeServer } from '../../core/backends/testing/fakeServer';
import { tracesOverTime } from '../../core/engine/testing/tracesOverTime';
import { fakeIO } from '../testing';
import { latencyCommand, parseSelect } from './latency';

const FIXTURE = path.resolve(__dirname, '../../../tests/fixtures/traces/guide.jaeger-v1.json');
const files = { 'guide.json': fs.readFileSync(FIXTURE, 'utf8') };

describe('tracelens latency', () => {
  it('buckets the matched spans with exemplars and percentiles', async () => {
    const io = fakeIO(files);
    const code = await latencyCommand.run(['{ kind = server }', '--traces', 'guide.json', '--compact'], io);
    expect(io.err()).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.total).toBeGreaterThan(0);
    const counted = report.buckets.reduce((n: number, b: { count: number }) => n + b.count, 0);
    expect(counted).toBe(report.total);
    expect(report.percentiles.map((p: { p: number }) => p.p)).toEqual([50, 95, 99]);
    for (const b of report.buckets) {
      expect(b.upperMs).toBeGreaterThan(b.lowerMs);
      expect(b.exemplars.length).toBeGreaterThan(0);
      expect(b.exemplars[0]).toMatch(/^[0-9a-f]{32}$/);
    }
  });

  it('compares a selected duration range with the rest', async () => {
    const io = fakeIO(files);
    const code = await latencyCommand.run(['{ }', '--traces', 'guide.json', '--select', '30ms..', '--compact'], io);
    expect(code).toBe(0);
    const report = JSON.parse(io.out());
    expect(report.comparison.selected).toBeGreaterThan(0);
    expect(report.comparison.selected + report.comparison.baseline).toBe(report.total);
    for (const a of report.comparison.attributes) {
      expect(a.selectedShare).toBeGreaterThan(a.baselineShare);
      expect(a.traceql).toContain('duration > 30ms');
    }
  });

  it('exits 2 with line and column for a bad query, and for a bad --select', async () => {
    const io = fakeIO(files);
    expect(await latencyCommand.run(['{ kind = }', '--traces', 'guide.json'], io)).toBe(2);
    expect(io.err()).toMatch(/line 1, column/);
    const io2 = fakeIO(files);
    expect(await latencyCommand.run(['{}', '--traces', 'guide.json', '--select', 'fast'], io2)).toBe(2);
    expect(() => parseSelect('2s..1s')).toThrow(/upper duration/);
    expect(parseSelect('500ms..2s')).toEqual({ minNs: 500e6, maxNs: 2e9 });
  });

  it('exits 1 naming the cause when a live backend is unreachable', async () => {
    const io = fakeIO();
    const code = await latencyCommand.run(['{}', '--jaeger', 'http://127.0.0.1:9', '--timeout', '2s'], io);
    expect(code).toBe(1);
    expect(io.err()).toMatch(/127\.0\.0\.1:9/);
  });
});

describe('tracelens latency over a live backend: the whole window (#17)', () => {
  const T0 = 1_704_067_200_000_000_000n;
  const traces = tracesOverTime(400, T0, 2_000_000_000n, (i) => ({
    service: 'web',
    kind: 'server',
    durationNanos: 1e6 * (1 + (i % 50)),
    children: [{ kind: 'internal' }],
  }));
  let server: FakeServer;
  beforeAll(async () => {
    server = await startFakeServer(fakeJaegerSearchRoutes(traces));
  });
  afterAll(() => server.close());

  it('counts every matched span in the window and says complete at the top level', async () => {
    const io = fakeIO();
    const argv = [
      '{ kind = server }',
      '--jaeger',
      server.url,
      '--start',
      '2024-01-01T00:00:00Z',
      '--end',
      '2024-01-01T00:15:00Z',
    ];
    expect(await latencyCommand.run(argv, io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ complete: true, tracesScanned: 400, total: 400 });
    const partial = fakeIO();
    expect(await latencyCommand.run([...argv, '--max-traces', '150'], partial)).toBe(0);
    expect(JSON.parse(partial.out())).toMatchObject({ complete: false, tracesScanned: 150, total: 150 });
  });
});
