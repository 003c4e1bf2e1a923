import { parseTraceQL } from '../traceql';
import type { RootNode } from '../traceql/ast';
import { jaegerCapabilities, tempoCapabilities } from './capabilities';
import { explainPlan } from './explainPlan';
import { planQuery } from './planQuery';
import type { JaegerPlan, TempoEnginePlan } from './types';

const window = { start: 1_700_000_000_000_000_000n, end: 1_700_000_360_000_000_000n };

function parse(q: string): RootNode {
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new Error(`${q}: ${r.error.message}`);
  }
  return r.value;
}

function jaeger(q: string): JaegerPlan {
  const plan = planQuery(parse(q), jaegerCapabilities('v3', 50), window);
  if (plan.backend !== 'jaeger') {
    throw new Error('expected a Jaeger plan');
  }
  return plan;
}

describe('planQuery for Jaeger', () => {
  it.each([
    [
      '{ resource.service.name = "frontend" && span.http.status_code = 500 && duration > 100ms }',
      { service: 'frontend', attributes: { 'http.status_code': '500' }, durationMinNs: 100_000_000 },
    ],
    [
      '{ name = "GET /users" && .http.method = "GET" && span.retry = true }',
      { operation: 'GET /users', attributes: { 'http.method': 'GET', retry: 'true' } },
    ],
    [
      '{ duration >= 1ms && duration < 2s && 5ms < duration }',
      { durationMinNs: 5_000_000, durationMaxNs: 2_000_000_000 },
    ],
    // both sides required: the better one (with a service) is pushed, and only it
    ['{ span:name = "x" } && { resource.service.name = "a" }', { service: 'a', attributes: {} }],
    ['{ resource.service.name = "a" } >> { span.db.system = "sqlite" }', { service: 'a', attributes: {} }],
    // || needs one side: only what both share
    ['{ resource.service.name = "a" && .x = 1 } || { resource.service.name = "a" }', { service: 'a', attributes: {} }],
    ['{ resource.service.name = "a" } || { resource.service.name = "b" }', { attributes: {} }],
    // negated structural: left may be empty, right is required
    ['{ resource.service.name = "a" } !>> { span:name = "leaf" }', { operation: 'leaf', attributes: {} }],
    // later pipeline stages narrow the same spans
    ['{ resource.service.name = "a" } | { span.k = "v" } | count() < 2', { service: 'a', attributes: { k: 'v' } }],
    ['{ .a = "x" } | by(resource.service.name) | count() > 1', { attributes: { a: 'x' } }],
  ])('%s', (q, expected) => {
    const plan = jaeger(q);
    expect(plan.pushdown).toMatchObject(expected);
    for (const key of ['service', 'operation', 'durationMinNs', 'durationMaxNs'] as const) {
      if (!(key in expected)) {
        expect(plan.pushdown[key]).toBeUndefined();
      }
    }
    expect(plan.fanOut).toBe(plan.pushdown.service === undefined);
  });

  it.each([
    ['{ .service.name = "a" }', 'span attribute'],
    ['{ span.error = true }', 'special meaning'],
    ['{ span.x != "a" }', 'equality only'],
    ['{ span.x =~ "a.*" }', 'equality only'],
    ['{ span.x = 1.5 }', 'as text'],
    ['{ parent.span.x = "a" }', 'parent'],
    ['{ event.x = "a" }', 'event'],
    ['{ span.x = nil }', 'as text'],
    ['{ status = error }', 'cannot filter'],
    ['{ kind = client }', 'cannot filter'],
    ['{ span.x = "a" || span.y = "b" }', 'not a comparison'],
  ])('does not push %s', (q, reason) => {
    const plan = jaeger(q);
    expect(plan.pushdown.conditions).toHaveLength(0);
    expect(plan.pushdown.notPushed[0]?.reason).toContain(reason);
  });

  it('keeps the whole query as the residual', () => {
    const root = parse('{ resource.service.name = "a" } && { span.x =~ "b.*" } | count() > 1');
    expect(planQuery(root, jaegerCapabilities(), window).residual).toBe(root);
  });

  it('pushes only what both sides of metrics arithmetic share', () => {
    const plan = jaeger(
      '({ resource.service.name = "a" && status = error } | rate()) / ({ resource.service.name = "a" } | rate())'
    );
    expect(plan.queryKind).toBe('metrics');
    expect(plan.pushdown.service).toBe('a');
    expect(jaeger('{ resource.service.name = "a" } | rate() by (span:name)').pushdown.service).toBe('a');
    expect(
      jaeger('({ resource.service.name = "a" } | rate()) / ({ resource.service.name = "b" } | rate())').fanOut
    ).toBe(true);
  });

  it('explains the split in words and JSON', () => {
    const { text, json } = explainPlan(jaeger('{ resource.service.name = "frontend" && span.x =~ "a.*" && .k = 3 }'));
    expect(text).toContain('Runs on Jaeger');
    expect(text).toContain('service = "frontend"');
    expect(text).toContain('attribute k = "3"');
    expect(text).toContain('Not pushed');
    expect(text).toContain('Runs in the engine');
    expect(json).toMatchObject({
      backend: 'jaeger',
      pushdown: { service: 'frontend', attributes: { k: '3' }, searchDepth: 50 },
    });
    const fan = explainPlan(jaeger('{ span.x = "a" }')).text;
    expect(fan).toContain('one search per service');
  });
});

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
    ['{} | compare({ status = error })', '2.5.0', ['compare']],
    ['{ .a = minInt }', '2.9.0', ['minInt-maxInt']],
    ['{} | quantile_over_time(duration, .99)', '2.4.1', ['quantile_over_time']],
    ['{} | rate() | topk(3)', '2.7.0', ['topk-bottomk']],
    ['({} | rate()) / ({ status = error } | rate())', 'v3.0.3', ['metrics-arithmetic']],
    ['{ instrumentation:name = "x" }', '2.6.0', ['instrumentation-scope']],
    ['{ event:timeSinceStart > 1s }', '2.5.0', ['event:timeSinceStart']],
    ['{} with(most_recent=true)', '2.7.0', ['most_recent-hint']],
  ])('%s on Tempo %s is finished in the engine', (q, version, features) => {
    const plan = planQuery(parse(q), tempoCapabilities(version), window) as TempoEnginePlan;
    expect(plan.mode).toBe('engine');
    expect(plan.unsupported.map((u) => u.feature)).toEqual(features);
  });

  it('treats development builds as supporting unreleased features, unknown versions as the latest release', () => {
    const q = parse('({} | rate()) / ({ status = error } | rate())');
    expect(planQuery(q, tempoCapabilities('main-ad33aa8'), window)).toMatchObject({ mode: 'native' });
    expect(planQuery(q, tempoCapabilities(''), window)).toMatchObject({ mode: 'engine' });
    expect(planQuery(parse('{} | rate() > 1'), tempoCapabilities(''), window)).toMatchObject({ mode: 'native' });
  });
});
