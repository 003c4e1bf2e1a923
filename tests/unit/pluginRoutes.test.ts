/**
 * plugin.json's data proxy routes against the backends' path allow-lists, so neither can drift: every
 * path any registered backend may request is served by a GET route (and nothing else is), every
 * route serves some allowed path, and everything else falls to the last route, which nobody is
 * granted. Matching is Grafana's, as the sandbox implements it.
 */
import fs from 'fs';
import path from 'path';

import { BACKENDS } from '../../src/core/backends/registry';
import { buildPath, type PathSet } from '../../src/core/backends/paths';
import { SAMPLING_ROUTE, UNLISTED_ACTION, requiredRoutes } from '../../src/datasource/proxy/routes';
import {
  SANDBOX_USER,
  cleanRelativePath,
  hasAccessToRoute,
  matchRoute,
  type PluginRoute,
} from '../../sandbox/server/pluginRoutes';

const pluginJson = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../src/datasource/plugin.json'), 'utf8')) as {
  routes: PluginRoute[];
};
const routes = pluginJson.routes;

/** A concrete request path for every allowed template of `set`. */
function examples(set: PathSet): string[] {
  return set.templates.map((t) => buildPath(set, t, fill(t)));
}

function fill(template: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    params[m[1]] = m[1] === 'id' ? '4bf92f3577b34da6a3ce929d0e0e4736' : 'frontend service';
  }
  return params;
}

const queryPaths = BACKENDS.flatMap((b) => examples(b.paths));
const samplingPaths = BACKENDS.flatMap((b) => (b.samplingPaths ? examples(b.samplingPaths) : [])).map(
  (p) => `${SAMPLING_ROUTE}${p}`
);
const catchAll = routes[routes.length - 1];

describe('plugin.json routes', () => {
  it('are exactly the ones derived from the allow-lists (run `npm run routes` after adding a path)', () => {
    expect(routes).toEqual(requiredRoutes());
  });

  it('end with a catch-all for every method that no user is granted', () => {
    expect(catchAll).toMatchObject({ path: '/', method: '*', reqAction: UNLISTED_ACTION });
    expect(hasAccessToRoute(catchAll, SANDBOX_USER)).toBe(false);
  });

  it.each([...queryPaths, ...samplingPaths])('GET %s is served by a GET route the user may use', (p) => {
    const route = matchRoute(routes, p, 'GET');
    expect(route).toBeDefined();
    expect(route).not.toBe(catchAll);
    expect(route?.method).toBe('GET');
    expect(hasAccessToRoute(route as PluginRoute, SANDBOX_USER)).toBe(true);
    // Query routes keep the data source URL and the whole path; only the sampling route moves it.
    expect(route?.url === undefined).toBe(!p.startsWith(SAMPLING_ROUTE));
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH'])('%s to an allowed path falls to the catch-all', (method) => {
    for (const p of [...queryPaths, ...samplingPaths]) {
      expect(matchRoute(routes, p, method)).toBe(catchAll);
    }
  });

  it.each(['api/admin', 'metrics', 'api/v3/traces/../../../admin', 'api/v2', '', 'config'])(
    'GET %j is not on the list and falls to the catch-all',
    (p) => {
      expect(matchRoute(routes, p, 'GET')).toBe(catchAll);
    }
  );

  it('has no route that serves no allowed path', () => {
    const all = [...queryPaths, ...samplingPaths].map(cleanRelativePath);
    const unused = routes
      .filter((r) => r !== catchAll)
      .filter((r) => !all.some((p) => p.startsWith(cleanRelativePath(r.path))));
    expect(unused).toEqual([]);
  });
});

describe("the sandbox's route matching follows Grafana", () => {
  it('cleans paths as Go path.Clean does, relative', () => {
    expect(cleanRelativePath('/api//v3/./traces/')).toBe('api/v3/traces');
    expect(cleanRelativePath('api/v3/../admin')).toBe('api/admin');
    expect(cleanRelativePath('/')).toBe('');
  });

  it('takes the first route whose method and prefix match; a route with no path never matches', () => {
    const table: PluginRoute[] = [
      { path: '', method: 'GET' },
      { path: 'api', method: 'POST' },
      { path: '/api/x', method: 'GET' },
      { path: 'api' },
    ];
    expect(matchRoute(table, 'api/x/1', 'GET')).toBe(table[2]);
    expect(matchRoute(table, 'api/y', 'GET')).toBe(table[3]);
    expect(matchRoute(table, 'api/x', 'POST')).toBe(table[1]);
    expect(matchRoute(table, 'other', 'GET')).toBeUndefined();
  });

  it('checks reqAction before reqRole, as RBAC does', () => {
    expect(hasAccessToRoute({ path: 'x', reqAction: 'datasources:query', reqRole: 'Admin' }, SANDBOX_USER)).toBe(true);
    expect(hasAccessToRoute({ path: 'x', reqAction: 'made.up:action' }, SANDBOX_USER)).toBe(false);
    expect(hasAccessToRoute({ path: 'x', reqRole: 'Admin' }, { ...SANDBOX_USER, role: 'Viewer' })).toBe(false);
    expect(hasAccessToRoute({ path: 'x' }, { ...SANDBOX_USER, role: 'Viewer' })).toBe(true);
  });
});
