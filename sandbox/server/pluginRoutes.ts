import { StoredDataSource } from './dataSourceStore';

/** A `routes[]` entry of a data source's plugin.json (the fields the data proxy acts on). */
export interface PluginRoute {
  path: string;
  method?: string;
  url?: string;
  reqRole?: string;
  reqAction?: string;
  headers?: Array<{ name: string; content: string }>;
  urlParams?: Array<{ name: string; content: string }>;
}

/**
 * Expands Grafana's route templates: `{{ .JsonData.x }}`, `{{ .SecureJsonData.y }}` and `{{ .URL }}`.
 * Secrets only ever reach the upstream request through here, never the browser.
 */
export function expandRouteTemplate(template: string, ds: StoredDataSource): string {
  return template.replace(
    /\{\{\s*\.(JsonData|SecureJsonData)\.([A-Za-z0-9_]+)\s*\}\}|\{\{\s*\.URL\s*\}\}/g,
    (match, scope, key) => {
      if (!scope) {
        return ds.url;
      }
      const source: Record<string, unknown> = scope === 'JsonData' ? ds.jsonData : ds.secureJsonData;
      const value = source[key];
      return value === undefined || value === null ? '' : String(value);
    }
  );
}

/**
 * Grafana's CleanRelativePath: the path cleaned as if rooted (`.`/`..` resolved, repeated and
 * trailing slashes dropped), without the leading slash. `/` becomes the empty string, so a route
 * with path `/` matches every request.
 */
export function cleanRelativePath(p: string): string {
  const out: string[] = [];
  for (const segment of p.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      out.pop();
    } else {
      out.push(segment);
    }
  }
  return out.join('/');
}

/**
 * Grafana's route choice: the first route whose method is empty, `*` or the request's, and whose
 * cleaned path is a plain string prefix of the cleaned proxy path. A route without a path is never
 * used (grafana/grafana#116286). No match means the generic proxy to the data source URL.
 */
export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string): PluginRoute | undefined {
  const path = cleanRelativePath(proxyPath);
  return routes.find((route) => {
    if (route.method && route.method !== '*' && route.method.toUpperCase() !== method.toUpperCase()) {
      return false;
    }
    if (typeof route.path !== 'string' || route.path === '') {
      return false;
    }
    return path.startsWith(cleanRelativePath(route.path));
  });
}

/** Who is asking: the sandbox has one signed-in user, an org Admin, with the built-in roles' actions. */
export interface ProxyUser {
  role: 'Viewer' | 'Editor' | 'Admin';
  actions: ReadonlySet<string>;
}

/** The sandbox's user. Org Admins hold Grafana's fixed actions, never an action a plugin made up. */
export const SANDBOX_USER: ProxyUser = {
  role: 'Admin',
  actions: new Set(['datasources:query', 'datasources:read', 'datasources:write', 'datasources:explore']),
};

const ROLE_RANK: Record<string, number> = { None: 0, Viewer: 1, Editor: 2, Admin: 3 };

/**
 * Grafana's hasAccessToRoute: a route's reqAction is checked when present (RBAC), otherwise its
 * reqRole; a route with neither is open to anyone who can use the data source.
 */
export function hasAccessToRoute(route: PluginRoute, user: ProxyUser): boolean {
  if (route.reqAction) {
    return user.actions.has(route.reqAction);
  }
  if (route.reqRole && ROLE_RANK[route.reqRole] !== undefined) {
    return ROLE_RANK[user.role] >= ROLE_RANK[route.reqRole];
  }
  return true;
}
