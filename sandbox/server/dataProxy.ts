import http from 'http';
import https from 'https';

import { StoredDataSource } from './dataSourceStore';
import { PluginRoute, SANDBOX_USER, expandRouteTemplate, hasAccessToRoute, matchRoute } from './pluginRoutes';
import { UnsafeProxyPathError, checkProxyPath, joinUrl } from './proxyPath';

export interface ProxyTarget {
  ds: StoredDataSource;
  /** Everything after `/api/datasources/proxy/uid/<uid>`, still percent-encoded. */
  rawPath: string;
  search: string;
  routes: PluginRoute[];
}

// Hop-by-hop headers (RFC 9110 §7.6.1) and the caller's own credentials never travel upstream.
const DROPPED_REQUEST_HEADERS = new Set([
  'host',
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'te',
  'trailer',
  'cookie',
  'authorization',
  'origin',
  'referer',
]);
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'set-cookie']);

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** Grafana answers 403 with this when a matched route's reqAction or reqRole is not the user's. */
export class RouteAccessDenied extends Error {
  constructor() {
    super('plugin proxy route access denied');
  }
}

/** Builds the upstream URL and headers exactly as Grafana's data source proxy would. */
export function buildUpstreamRequest(
  target: ProxyTarget,
  method: string,
  incoming: http.IncomingHttpHeaders
): { url: string; headers: Record<string, string> } {
  const { ds, rawPath, search, routes } = target;
  checkProxyPath(rawPath);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !DROPPED_REQUEST_HEADERS.has(name) && !name.startsWith('x-grafana')) {
      headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  headers['user-agent'] = 'Grafana/12.4.6 (TraceLens sandbox)';
  if (ds.basicAuth) {
    const password = ds.secureJsonData.basicAuthPassword ?? '';
    headers.authorization = `Basic ${Buffer.from(`${ds.basicAuthUser}:${password}`).toString('base64')}`;
  }
  // The X-DS-Authorization convention lets a frontend data source pass a per-request credential.
  const dsAuthorization = incoming['x-ds-authorization'];
  if (typeof dsAuthorization === 'string') {
    delete headers['x-ds-authorization'];
    headers.authorization = dsAuthorization;
  }

  let url = joinUrl(ds.url, rawPath, search);
  const route = matchRoute(routes, rawPath, method);
  if (route) {
    if (!hasAccessToRoute(route, SANDBOX_USER)) {
      throw new RouteAccessDenied();
    }
    // The query string passes through untouched unless the route adds parameters.
    let withParams = search;
    if (route.urlParams?.length) {
      const params = new URLSearchParams(search);
      for (const param of route.urlParams) {
        params.set(param.name, expandRouteTemplate(param.content, ds));
      }
      withParams = `?${params.toString()}`;
    }
    // Grafana's ApplyRoute: a route URL replaces the base and the route path is cut from the
    // request path; a route without a URL keeps the data source URL and the whole path.
    if (route.url) {
      const rest = rawPath.replace(/^\/+/, '').slice(route.path.replace(/^\/+/, '').length);
      url = joinUrl(expandRouteTemplate(route.url, ds), rest, withParams);
    } else {
      url = joinUrl(ds.url, rawPath, withParams);
    }
    for (const header of route.headers ?? []) {
      headers[header.name.toLowerCase()] = expandRouteTemplate(header.content, ds);
    }
  }

  // Custom headers from the config page: names in jsonData, values in secureJsonData.
  for (let index = 1; ; index++) {
    const name = ds.jsonData[`httpHeaderName${index}`];
    if (typeof name !== 'string' || !name) {
      break;
    }
    headers[name.toLowerCase()] = ds.secureJsonData[`httpHeaderValue${index}`] ?? '';
  }
  return { url, headers };
}

/**
 * Forwards one request to the data source and streams the answer back. Refuses direct-access data
 * sources and unsafe paths, maps an unreachable upstream to 502, aborts upstream when the browser
 * goes away (so cancelling a query in the UI cancels it at Jaeger too).
 */
export function proxyDataSourceRequest(req: http.IncomingMessage, res: http.ServerResponse, target: ProxyTarget): void {
  if (target.ds.access !== 'proxy') {
    sendJson(res, 400, { message: 'Unable to call data source proxy: this data source uses direct access' });
    return;
  }
  try {
    checkProxyPath(target.rawPath);
  } catch (error) {
    sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
    return;
  }
  const method = (req.method ?? 'GET').toUpperCase();
  let upstream: { url: string; headers: Record<string, string> };
  try {
    upstream = buildUpstreamRequest(target, method, req.headers);
  } catch (error) {
    const status = error instanceof UnsafeProxyPathError ? 400 : error instanceof RouteAccessDenied ? 403 : 500;
    sendJson(res, status, { message: error instanceof Error ? error.message : String(error) });
    return;
  }
  let url: URL;
  try {
    url = new URL(upstream.url);
  } catch {
    // Grafana checks routes first, then fails to reach an empty URL with a 502 Bad Gateway.
    if (!upstream.url.includes('://')) {
      sendJson(res, 502, { message: `Data source ${target.ds.name} has no URL (is its $VAR set in the environment?)` });
      return;
    }
    sendJson(res, 400, { message: `Data source URL is invalid: ${upstream.url}` });
    return;
  }

  const timeoutSeconds = Number(target.ds.jsonData.timeout) > 0 ? Number(target.ds.jsonData.timeout) : 30;
  const client = url.protocol === 'https:' ? https : http;
  const outgoing = client.request(
    url,
    { method, headers: upstream.headers, timeout: timeoutSeconds * 1000 },
    (upstreamRes) => {
      const headers: http.OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(upstreamRes.headers)) {
        if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) {
          headers[name] = value;
        }
      }
      // Grafana sandboxes proxied content so an upstream cannot run script in Grafana's origin.
      headers['content-security-policy'] = 'sandbox';
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, headers);
      upstreamRes.pipe(res);
    }
  );
  outgoing.on('timeout', () => outgoing.destroy(new Error(`timeout after ${timeoutSeconds}s`)));
  outgoing.on('error', (error) => {
    if (!res.headersSent) {
      sendJson(res, 502, { message: `Bad Gateway: ${target.ds.name} (${url.origin}) ${error.message}` });
    } else {
      res.destroy(error);
    }
  });
  res.on('close', () => {
    if (!res.writableFinished) {
      outgoing.destroy();
    }
  });
  req.pipe(outgoing);
}
