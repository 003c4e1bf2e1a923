/**
 * The data proxy routes plugin.json must declare, derived from the backends' path allow-lists so
 * the two cannot drift (tests/unit/pluginRoutes.test.ts compares them; `npm run routes` rewrites
 * plugin.json from this).
 *
 * Grafana's data proxy takes the first route whose method matches (empty or `*` is any) and whose
 * cleaned path is a string prefix of the cleaned request path, checks the route's reqAction (or
 * reqRole) and answers 403 when the user lacks it; a request no route matches goes to the data
 * source URL unchecked. So the list is: one GET route per API path prefix any backend requests,
 * the sampling route to the second URL, and last a catch-all that nobody is granted, which makes the
 * proxy itself refuse every other path and method, and with them any use of the data source's
 * credentials outside the allow-list.
 */
import { BACKENDS } from '../../core/backends/registry';
import type { BackendModule } from '../../core/backends/types';

export interface ProxyRoute {
  readonly path: string;
  readonly method: string;
  readonly url?: string;
  readonly reqRole: 'Viewer' | 'Editor' | 'Admin';
  readonly reqAction: string;
}

/** The route the sampling transport is sent through, to `jsonData.samplingUrl`. */
export const SAMPLING_ROUTE = 'tracelens-sampling';

/** Grafana's permission to query a data source; scoped to this one by the proxy. */
export const QUERY_ACTION = 'datasources:query';

/**
 * An action no role is granted, so the catch-all route refuses everyone (reqRole Admin as well, for
 * a Grafana that evaluates roles only).
 */
export const UNLISTED_ACTION = 'tracelens-traceql-datasource.proxy:unlisted-path';

/** `/api/services/{service}/operations` → `api/services`: what a prefix route must start with. */
export function literalPrefix(template: string): string {
  const brace = template.indexOf('{');
  const literal = brace < 0 ? template : template.slice(0, brace);
  return literal.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** The fewest prefixes that cover them all: `api/search` already covers `api/search/tags`. */
function coveringPrefixes(prefixes: readonly string[]): string[] {
  const unique = [...new Set(prefixes)].sort();
  return unique.filter((p) => !unique.some((q) => q !== p && p.startsWith(q)));
}

export function requiredRoutes(modules: readonly BackendModule[] = BACKENDS): ProxyRoute[] {
  const query = coveringPrefixes(modules.flatMap((m) => m.paths.templates.map(literalPrefix)));
  const routes: ProxyRoute[] = query.map((path) => ({
    path,
    method: 'GET',
    reqRole: 'Viewer',
    reqAction: QUERY_ACTION,
  }));
  if (modules.some((m) => m.samplingPaths !== undefined)) {
    routes.push({
      path: SAMPLING_ROUTE,
      method: 'GET',
      url: '{{ .JsonData.samplingUrl }}',
      reqRole: 'Viewer',
      reqAction: QUERY_ACTION,
    });
  }
  routes.push({ path: '/', method: '*', reqRole: 'Admin', reqAction: UNLISTED_ACTION });
  return routes;
}
