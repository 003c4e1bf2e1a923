import { fixture } from '../../core/backends/testing/fixtures';
import { startFakeServer, type FakeServer } from '../../core/backends/testing/fakeServer';
import { fakeIO } from '../testing';
import { parseDurationFlag, parseTimeFlag, queryCommand } from './query';

const TRACE_A = '0af7651916cd43dd8448eb211c80319c';
const TRACE_B = '4bf92f3577b34da6a3ce929d0e0e4736';
const files = {
  'v1.json': fixture('jaeger', 'v1-search.json'),
  'v3.json': fixture('jaeger', 'v3-search.json'),
  'tempo.json': fixture('tempo', 'trace-v2.json'),
  'bad.json': '{"data": [',
};

describe('tracelens query over files', () => {
  it('prints Tempo /api/search JSON for a search over Jaeger v1 files', async () => {
    const io = fakeIO(files);
    expect(
      await queryCommand.run(['{ resource.service.name = "database" && status = error }', '--traces', 'v1.json'], io)
    ).toBe(0);
    const out = JSON.parse(io.out());
    expect(out.traces).toHaveLength(1);
    expect(out.traces[0]).toMatchObject({ traceID: TRACE_A, rootServiceName: 'frontend', rootTraceName: 'GET /users' });
    expect(out.traces[0].spanSets[0].spans[0].spanID).toBe('6e0c63257de34c92');
    expect(io.err()).toBe('');
  });

  it('gives the same answer over the same traces in every format', async () => {
    const answers = [];
    for (const f of ['v1.json', 'v3.json']) {
      const io = fakeIO(files);
      expect(await queryCommand.run(['{ span.http.method = "POST" } >> { kind = client }', '--traces', f], io)).toBe(0);
      answers.push(JSON.parse(io.out()).traces.map((t: { traceID: string }) => t.traceID));
    }
    expect(answers[0]).toEqual([TRACE_B]);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('merges several files and honours --limit and --spss', async () => {
    const io = fakeIO(files);
    expect(await queryCommand.run(['{}', '--traces', 'v3.json', 'tempo.json', '--limit', '1', '--spss', '2'], io)).toBe(
      0
    );
    const out = JSON.parse(io.out());
    expect(out.traces).toHaveLength(1);
    expect(out.traces[0].spanSets[0].spans.length).toBeLessThanOrEqual(2);
  });

  it('prints query_range JSON for a metrics query', async () => {
    const io = fakeIO(files);
    const code = await queryCommand.run(
      [
        '{} | count_over_time() by (resource.service.name)',
        '--traces',
        'v3.json',
        '--start',
        '1764092930',
        '--end',
        '1764092940',
        '--step',
        '10s',
      ],
      io
    );
    expect(code).toBe(0);
    const out = JSON.parse(io.out());
    const total = out.series
      .flatMap((s: { samples: Array<{ value: number }> }) => s.samples)
      .reduce((a: number, s: { value: number }) => a + s.value, 0);
    expect(total).toBe(7);
  });

  // v3.json's first trace has spans starting at …934.000, .005, .010 and .012 s; the second trace's
  // root starts at exactly …935.000 s.
  it('prints /api/metrics/query JSON with --instant, counting spans at both ends of the window', async () => {
    const io = fakeIO(files);
    const q = '{} | count_over_time()';
    expect(
      await queryCommand.run(
        [q, '--traces', 'v3.json', '--start', '1764092934', '--end', '1764092935', '--instant'],
        io
      )
    ).toBe(0);
    expect(JSON.parse(io.out()).series).toEqual([
      {
        labels: [{ key: '__name__', value: { stringValue: 'count_over_time' } }],
        promLabels: '{__name__="count_over_time"}',
        value: 5,
      },
    ]);
  });

  it('stamps range samples at the end of the step they count, (t - step, t]', async () => {
    const io = fakeIO(files);
    const q = '{} | count_over_time()';
    expect(
      await queryCommand.run(
        [q, '--traces', 'v3.json', '--start', '1764092934', '--end', '1764092935', '--step', '1s'],
        io
      )
    ).toBe(0);
    expect(JSON.parse(io.out()).series[0].samples).toEqual([
      { timestampMs: '1764092934000', value: 1 },
      { timestampMs: '1764092935000', value: 4 },
    ]);
  });

  it('prints an infinite sample as jsonpb does, "Infinity"', async () => {
    const io = fakeIO(files);
    const q = '({} | count_over_time()) + (1.0/0)';
    expect(
      await queryCommand.run(
        [q, '--traces', 'v3.json', '--start', '1764092934', '--end', '1764092935', '--step', '1s'],
        io
      )
    ).toBe(0);
    expect(JSON.parse(io.out()).series[0].samples.map((x: { value: unknown }) => x.value)).toEqual([
      'Infinity',
      'Infinity',
    ]);
  });

  it('refuses --instant with --step', async () => {
    const io = fakeIO(files);
    expect(await queryCommand.run(['{} | rate()', '--traces', 'v3.json', '--instant', '--step', '1s'], io)).toBe(2);
    expect(io.err()).toContain('--instant takes no --step');
  });

  it('exits 2 for a bad query or usage, 1 for a bad or missing file', async () => {
    let io = fakeIO(files);
    expect(await queryCommand.run(['{ .a = ', '--traces', 'v1.json'], io)).toBe(2);
    expect(io.err()).toMatch(/line 1, column/);
    io = fakeIO(files);
    expect(await queryCommand.run(['{}'], io)).toBe(2);
    // Every registered backend is a choice, named by its flag.
    expect(io.err()).toContain('exactly one of --traces, --jaeger, --tempo or --zipkin');
    io = fakeIO(files);
    expect(await queryCommand.run(['{}', '--traces', 'v1.json', '--limit', 'x'], io)).toBe(2);
    io = fakeIO(files);
    expect(await queryCommand.run(['{}', '--traces', 'bad.json'], io)).toBe(1);
    expect(io.err()).toContain('bad.json');
    io = fakeIO(files);
    expect(await queryCommand.run(['{}', '--traces', 'missing.json'], io)).toBe(1);
    expect(io.err()).toContain('cannot read missing.json');
  });
});

describe('tracelens query against live backends (loopback)', () => {
  let jaeger: FakeServer;
  let tempo: FakeServer;
  beforeAll(async () => {
    jaeger = await startFakeServer({
      '/api/v3/services': { body: fixture('jaeger', 'v3-services.json') },
      '/api/v3/traces': (req) =>
        req.query.get('query.service_name') === 'frontend'
          ? { body: fixture('jaeger', 'v3-search.json') }
          : { status: 404, body: fixture('jaeger', 'v3-not-found.json') },
    });
    tempo = await startFakeServer({
      '/api/status/buildinfo': { body: fixture('tempo', 'buildinfo-3.0.json') },
      '/api/search': { body: fixture('tempo', 'search.json') },
      '/api/metrics/query_range': { body: fixture('tempo', 'query-range.json') },
    });
  });
  afterAll(async () => {
    await jaeger.close();
    await tempo.close();
  });

  it('runs a search against Jaeger through the planner, notices on stderr', async () => {
    const io = fakeIO();
    const code = await queryCommand.run(
      [
        '{ span:name = "GET /login" }',
        '--jaeger',
        jaeger.url,
        '--start',
        '2025-11-25T17:00:00Z',
        '--end',
        '2025-11-25T18:00:00Z',
      ],
      io
    );
    expect(code).toBe(0);
    expect(JSON.parse(io.out()).traces.map((t: { traceID: string }) => t.traceID)).toEqual([TRACE_B]);
    expect(io.err()).toContain('info: No service condition');
    const req = jaeger.requests.find((r) => r.query.get('query.service_name') === 'frontend');
    expect(req?.query.get('query.operation_name')).toBe('GET /login');
    expect(req?.query.get('query.start_time_min')).toBe('2025-11-25T17:00:00.000000000Z');
  });

  it('runs search and metrics natively against Tempo', async () => {
    let io = fakeIO();
    expect(await queryCommand.run(['{ status = error }', '--tempo', tempo.url, '--since', '15m'], io)).toBe(0);
    expect(JSON.parse(io.out()).traces[0].traceID).toBe(TRACE_A);
    io = fakeIO();
    expect(await queryCommand.run(['{} | rate()', '--tempo', tempo.url, '--step', '1m'], io)).toBe(0);
    expect(JSON.parse(io.out()).series).toHaveLength(2);
    expect(tempo.requests.find((r) => r.path === '/api/metrics/query_range')?.query.get('step')).toBe('1m');
  });

  it('exits 1 with a clear message when the backend is unreachable', async () => {
    const gone = await startFakeServer();
    await gone.close();
    const io = fakeIO();
    expect(await queryCommand.run(['{}', '--jaeger', gone.url], io)).toBe(1);
    expect(io.err()).toContain('ECONNREFUSED');
  });
});

describe('flag values', () => {
  it('parses durations and times', () => {
    expect(parseDurationFlag('step', '1h30m')).toBe(5_400_000_000_000);
    expect(parseDurationFlag('step', '500ms')).toBe(500_000_000);
    expect(() => parseDurationFlag('step', '10 parsecs')).toThrow(/--step must be a duration/);
    expect(parseTimeFlag('start', '1764092934')).toBe(1764092934000000000n);
    expect(parseTimeFlag('start', '1764092934123')).toBe(1764092934123000000n);
    expect(parseTimeFlag('start', '2025-11-25T17:48:54.123456789Z')).toBe(1764092934123456789n);
    expect(() => parseTimeFlag('start', 'yesterday')).toThrow(/RFC3339/);
  });
});
