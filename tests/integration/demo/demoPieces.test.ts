/**
 * The demo's pure pieces, checked without the network: the sampling-strategy adapter, the traffic plan,
 * route matching and config merging. (They live in the integration suite because demo/ is outside the
 * unit projects' roots.)
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { loadDemoConfig } from '../../../demo/services/config';
import { normalizeStrategy } from '../../../demo/services/samplingAdapter';
import { matchRoute, type Route } from '../../../demo/services/serviceApp';
import { planDemoTraffic } from '../../../demo/trafficPlan';

describe('normalizeStrategy (Jaeger protobuf-JSON enum → the name the JS remote sampler expects)', () => {
  it('renames enum numbers and fills the omitted zero value', () => {
    expect(normalizeStrategy({ strategyType: 0, probabilisticSampling: { samplingRate: 0.5 } })).toEqual({
      strategyType: 'PROBABILISTIC',
      probabilisticSampling: { samplingRate: 0.5 },
    });
    expect(normalizeStrategy({ strategyType: 1 }).strategyType).toBe('RATE_LIMITING');
    expect(normalizeStrategy({ probabilisticSampling: { samplingRate: 1 } }).strategyType).toBe('PROBABILISTIC');
    expect(normalizeStrategy({ strategyType: 'PROBABILISTIC' }).strategyType).toBe('PROBABILISTIC');
  });

  it('rejects what is not a strategy', () => {
    expect(() => normalizeStrategy(null)).toThrow('not a JSON object');
    expect(() => normalizeStrategy({ strategyType: 7 })).toThrow('unknown sampling strategyType 7');
  });
});

describe('planDemoTraffic', () => {
  const base = {
    frontendUrl: 'http://127.0.0.1:18080',
    gatewayUrl: 'http://127.0.0.1:18081',
    requests: 2000,
    errorFraction: 0.2,
    slowFraction: 0.1,
    gatewayFraction: 0.1,
    seed: 7,
    knownUsers: 100,
  };

  it('is reproducible from its seed and sized exactly', () => {
    const a = planDemoTraffic(base);
    expect(a).toHaveLength(2000);
    expect(planDemoTraffic(base)).toEqual(a);
    expect(planDemoTraffic({ ...base, seed: 8 })).not.toEqual(a);
  });

  it('follows the requested fractions', () => {
    const plan = planDemoTraffic(base);
    const share = (p: (label: string) => boolean) => plan.filter((r) => p(r.label)).length / plan.length;
    expect(share((l) => l.startsWith('error:'))).toBeCloseTo(0.2, 1);
    expect(share((l) => l === 'search (slow)')).toBeCloseTo(0.1, 1);
    expect(share((l) => l.startsWith('gateway:'))).toBeCloseTo(0.1, 1);
    expect(
      plan.filter((r) => r.label === 'error: database fails').every((r) => r.headers?.baggage === 'demo.fail=database')
    ).toBe(true);
    expect(plan.filter((r) => r.label.startsWith('gateway:')).every((r) => r.url.startsWith(base.gatewayUrl))).toBe(
      true
    );
  });

  it('rejects impossible mixes', () => {
    expect(() => planDemoTraffic({ ...base, errorFraction: 1.5 })).toThrow('errorFraction must be in [0, 1]');
    expect(() => planDemoTraffic({ ...base, errorFraction: 0.6, slowFraction: 0.6 })).toThrow('must not exceed 1');
    expect(() => planDemoTraffic({ ...base, requests: -1 })).toThrow('non-negative integer');
  });
});

describe('matchRoute', () => {
  const handler = async () => ({ body: null });
  const routes: Route[] = [
    { method: 'GET', template: '/users/search', handler },
    { method: 'GET', template: '/users/:id', handler },
    { method: 'POST', template: '/query', handler },
  ];

  it('prefers the first matching template and decodes parameters', () => {
    expect(matchRoute(routes, 'GET', '/users/search')?.route.template).toBe('/users/search');
    expect(matchRoute(routes, 'GET', '/users/a%20b')?.params).toEqual({ id: 'a b' });
  });

  it('matches the method and the whole path', () => {
    expect(matchRoute(routes, 'GET', '/query')).toBeUndefined();
    expect(matchRoute(routes, 'GET', '/users/1/extra')).toBeUndefined();
  });
});

describe('loadDemoConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-demo-config-'));
  const write = (name: string, body: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(body));
    return file;
  };

  it('merges an override file per service and field', () => {
    const file = write('ok.json', { services: { 'user-service': { errorRate: 0.5 } }, seedUsers: 10 });
    const c = loadDemoConfig({ TRACELENS_DEMO_CONFIG: file });
    expect(c.services['user-service'].errorRate).toBe(0.5);
    expect(c.services['user-service'].port).toBe(18083);
    expect(c.seedUsers).toBe(10);
  });

  it('names the problem in a bad override', () => {
    expect(() =>
      loadDemoConfig({ TRACELENS_DEMO_CONFIG: write('rate.json', { services: { database: { errorRate: 2 } } }) })
    ).toThrow('database.errorRate must be in [0, 1]');
    expect(() => loadDemoConfig({ TRACELENS_DEMO_CONFIG: write('host.json', { host: '0.0.0.0' }) })).toThrow(
      'loopback'
    );
    expect(() => loadDemoConfig({ TRACELENS_DEMO_CONFIG: join(dir, 'missing.json') })).toThrow('cannot be read');
  });
});
