import { StoredDataSource } from './dataSourceStore';

/** A `routes[]` entry of a data source's plugin.json (the fields the data proxy acts on). */
export interface PluginRoute {
  path: string;
  method?: string;
  url?: string;
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
 * Grafana takes the first route whose path is a plain string prefix of the proxied path and whose method (if set)
 * matches; a route without a path is never used (grafana/grafana#116286).
 */
export function matchRoute(routes: PluginRoute[], proxyPath: string, method: string): PluginRoute | undefined {
  const path = proxyPath.replace(/^\/+/, '');
  return routes.find((route) => {
    const prefix = (route.path ?? '').replace(/^\/+/, '');
    if (!prefix) {
      return false;
    }
    return path.startsWith(prefix) && (!route.method || route.method === '*' || route.method.toUpperCase() === method);
  });
}
