import { fakeIO } from '../testing';
import { explainCommand } from './explain';

describe('tracelens explain', () => {
  it('explains a Jaeger plan in words', async () => {
    const io = fakeIO();
    const q = '{ resource.service.name = "frontend" && span.http.status_code = 500 && span.x =~ "a.*" }';
    expect(await explainCommand.run(['--backend', 'jaeger', q], io)).toBe(0);
    const text = io.out();
    expect(text).toContain('Backend: Jaeger (api_v3');
    expect(text).toContain('service = "frontend"');
    expect(text).toContain('attribute http.status_code = "500"');
    expect(text).toContain('Not pushed');
    expect(text).toContain('Runs in the engine');
  });

  it('prints JSON with --json', async () => {
    const io = fakeIO();
    expect(
      await explainCommand.run(
        ['--backend', 'jaeger', '--jaeger-api', 'v1', '--search-depth', '20', '--json', '{ name = "x" }'],
        io
      )
    ).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({
      backend: 'jaeger',
      api: 'v1',
      pushdown: { operation: 'x', searchDepth: 20, fanOutOverServices: true },
    });
  });

  it('plans for a Tempo version', async () => {
    let io = fakeIO();
    expect(
      await explainCommand.run(['--backend', 'tempo', '--tempo-version', '2.6.0', '{} | rate() | topk(2)'], io)
    ).toBe(0);
    expect(io.out()).toContain('topk()/bottomk() needs Tempo 2.8');
    io = fakeIO();
    expect(await explainCommand.run(['--backend', 'tempo', '--json', '{} | rate() | topk(2)'], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ backend: 'tempo', mode: 'native' });
  });

  it('says where TraceLens answers differently from Tempo, in words and in JSON', async () => {
    let io = fakeIO();
    expect(await explainCommand.run(['--backend', 'jaeger', '{ span.order.amount > 250 }'], io)).toBe(0);
    expect(io.out()).toContain('Differences from Tempo:\n  - Numbers compare by value');
    io = fakeIO();
    expect(await explainCommand.run(['--backend', 'tempo', '--json', '{ !(kind = client) }'], io)).toBe(0);
    const json = JSON.parse(io.out());
    expect(json).toMatchObject({ backend: 'tempo', mode: 'engine' });
    expect(json.differencesFromTempo[0]).toContain('negated condition');
  });

  it('exits 2 for bad usage or a bad query', async () => {
    for (const argv of [
      ['{}'],
      ['--backend', 'nosuch', '{}'],
      ['--backend', 'jaeger'],
      ['--backend', 'jaeger', '--tempo-version', '2.9', '{}'],
      ['--backend', 'jaeger', '{ .a = }'],
    ]) {
      const io = fakeIO();
      expect(await explainCommand.run(argv, io)).toBe(2);
      expect(io.err()).toMatch(/^tracelens explain: /);
    }
  });
});
