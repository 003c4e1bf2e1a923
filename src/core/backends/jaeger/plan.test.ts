import { parseTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { explainJaegerPlan as explainPlan } from './explain';
import { jaegerCapabilities, planJaegerQuery as planQuery, type JaegerPlan } from './plan';

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
  expect(plan.backend).toBe('jaeger');
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
