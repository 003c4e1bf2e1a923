import { parseTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { tempoCapabilities } from './capabilities';
import { explainTempoPlan as explainPlan } from './explain';
import { planTempoQuery as planQuery, type TempoEnginePlan } from './plan';

const window = { start: 1_700_000_000_000_000_000n, end: 1_700_000_360_000_000_000n };

function parse(q: string): RootNode {
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new Error(`${q}: ${r.error.message}`);
  }
  return r.value;
}

describe('planQuery for Tempo', () => {
  it('sends the query natively when the version supports every construct', () => {
    const plan = planQuery(
      parse('{ span:childCount > 2 } | rate() by (resource.service.name) > 10'),
      tempoCapabilities('v3.0.3'),
      window
    );
    expect(plan).toMatchObject({ backend: 'tempo', mode: 'native', queryKind: 'metrics' });
    expect(explainPlan(plan).text).toContain('Runs in the engine: nothing');
  });

  it('finishes locally what an older Tempo lacks, narrowing with what it supports', () => {
    const plan = planQuery(
      parse('{ span:childCount > 2 && resource.service.name = "a" && span.x =~ "b.*" }'),
      tempoCapabilities('2.9.0'),
      window
    ) as TempoEnginePlan;
    expect(plan.mode).toBe('engine');
    expect(plan.unsupported.map((u) => u.feature)).toEqual(['span:childCount']);
    expect(plan.narrowing).toBe('{ resource.service.name = "a" && span.x =~ "b.*" }');
    const text = explainPlan(plan).text;
    expect(text).toContain('span:childCount needs Tempo 2.10');
    expect(text).toContain(plan.narrowing);
  });

  it.each([
    ['{} | compare({ status = error })', '2.5.0', ['compare', 'compare-counts']],
    ['{ .a = minInt }', '2.9.0', ['minInt-maxInt']],
    ['{} | quantile_over_time(duration, .99)', '2.4.1', ['quantile_over_time']],
    ['{} | rate() | topk(3)', '2.7.0', ['topk-bottomk']],
    ['({} | rate()) / ({ status = error } | rate())', 'v3.0.3', ['metrics-arithmetic']],
    ['{ instrumentation:name = "x" }', '2.6.0', ['instrumentation-scope']],
    ['{ event:timeSinceStart > 1s }', '2.5.0', ['event:timeSinceStart', 'time-since-start-comparison']],
    ['{} with(most_recent=true)', '2.7.0', ['most_recent-hint']],
  ])('%s on Tempo %s is finished in the engine', (q, version, features) => {
    const plan = planQuery(parse(q), tempoCapabilities(version), window) as TempoEnginePlan;
    expect(plan.mode).toBe('engine');
    expect(plan.unsupported.map((u) => u.feature)).toEqual(features);
  });

  it.each([
    ['{ !(kind = client) }', ['negated-condition'], '{}'],
    ['{ !(span.http.method = "GET") && kind = server }', ['negated-condition'], '{ kind = server }'],
    ['{ event:timeSinceStart > 5ms }', ['time-since-start-comparison'], '{}'],
    ['{} | compare({ status = error })', ['compare-counts'], '{}'],
  ])('keeps %s, which Tempo answers wrongly, for the engine on every version', (q, features, narrowing) => {
    for (const version of ['v3.0.3', 'v3.1.0-dev', 'main-ad33aa8']) {
      const plan = planQuery(parse(q), tempoCapabilities(version), window) as TempoEnginePlan;
      expect(plan.mode).toBe('engine');
      expect(plan.unsupported.map((u) => u.feature)).toEqual(features);
      // The narrowing search never carries the construct Tempo gets wrong.
      expect(plan.narrowing).toBe(narrowing);
    }
    const plan = planQuery(parse(q), tempoCapabilities('v3.0.3'), window);
    expect(explainPlan(plan).text).toContain('so TraceLens answers it');
  });

  it('asks Tempo numeric comparisons in both types, natively and in the narrowing search', () => {
    const native = planQuery(parse('{ span.order.amount > 250 }'), tempoCapabilities('v3.0.3'), window);
    expect(explainPlan(native).text).toContain('{ (span.order.amount > 250 || span.order.amount > 250.0) }');
    expect(explainPlan(native).text).toContain('compares numbers by value');
    const engine = planQuery(
      parse('{ span:childCount > 2 && span.order.amount > 250 }'),
      tempoCapabilities('2.9.0'),
      window
    ) as TempoEnginePlan;
    expect(engine.narrowing).toBe('{ (span.order.amount > 250 || span.order.amount > 250.0) }');
  });

  it('does not take a ! on a plain attribute for a negated condition', () => {
    expect(planQuery(parse('{ !.cache.hit }'), tempoCapabilities('v3.0.3'), window)).toMatchObject({ mode: 'native' });
  });

  it('treats main builds as supporting unreleased features', () => {
    const q = parse('({} | rate()) / ({ status = error } | rate())');
    expect(planQuery(q, tempoCapabilities('main-ad33aa8'), window)).toMatchObject({ mode: 'native', probing: [] });
  });

  it.each([
    ['v3.1.0-dev', [3, 1]],
    ['v2.5.0-dev', [3, 0]], // at least the newest release this table knows
    ['', [3, 0]],
  ])('asks %j natively for constructs beyond its release, and says so', (version, assumed) => {
    const caps = tempoCapabilities(version);
    expect(caps).toMatchObject({ assumed, probe: true, development: false });
    const plan = planQuery(parse('({} | rate()) / ({ status = error } | rate())'), caps, window);
    expect(plan).toMatchObject({ mode: 'native' });
    expect(plan.mode === 'native' && plan.probing.map((u) => u.feature)).toEqual(['metrics-arithmetic']);
    expect(explainPlan(plan).text).toContain('unless Tempo refuses the query');
  });

  it('stops asking for a construct the server refused, and never probes a released version', () => {
    const q = parse('({} | rate()) / ({ status = error } | rate())');
    const refused = new Set(['metrics-arithmetic'] as const);
    expect(planQuery(q, { ...tempoCapabilities('v3.1.0-dev'), refused }, window)).toMatchObject({ mode: 'engine' });
    expect(planQuery(q, tempoCapabilities('v3.0.3'), window)).toMatchObject({ mode: 'engine' });
    expect(planQuery(parse('{} | rate() > 1'), tempoCapabilities(''), window)).toMatchObject({
      mode: 'native',
      probing: [],
    });
  });
});
