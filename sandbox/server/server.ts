import fs from 'fs';
import http from 'http';
import path from 'path';

import { ThemeId, buildBootData, instanceSettingsFor } from './bootData';
import { hostBuildDir } from './buildHost';
import { loadProvisionedDashboards } from './dashboards';
import { proxyDataSourceRequest } from './dataProxy';
import { DataSourceStore, DataSourceUpdate } from './dataSourceStore';
import { renderHostPage } from './hostPage';
import { BuiltPlugin, scanBuiltPlugins } from './pluginRegistry';
import { loadProvisionedDataSources } from './provisioning';
import { PublicAssets } from './publicAssets';
import { serveFile } from './staticFiles';

export interface SandboxOptions {
  repoRoot: string;
  env: NodeJS.ProcessEnv;
}

const PAGES = /^\/(explore|dashboard|config)(\/[^/]+)?\/?$/;
const PROXY = /^\/api\/datasources\/proxy\/uid\/([^/]+)(\/.*)?$/;
const MAX_BODY_BYTES = 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function readJsonBody(req: http.IncomingMessage): Promise<DataSourceUpdate> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as DataSourceUpdate);
      } catch {
        reject(new Error('request body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/**
 * Provisioning comes from the project's provisioning/ folder; the sandbox's own fixtures stand in
 * only for a folder that does not exist yet, so the real files win as soon as they land.
 */
function provisioningDir(repoRoot: string, env: NodeJS.ProcessEnv, kind: 'datasources' | 'dashboards'): string {
  const configured = env.SANDBOX_PROVISIONING_DIR;
  if (configured) {
    return path.join(configured, kind);
  }
  const real = path.join(repoRoot, 'provisioning', kind);
  const hasFiles = fs.existsSync(real) && fs.readdirSync(real).some((file) => /\.(ya?ml|json)$/.test(file));
  return hasFiles ? real : path.join(repoRoot, 'sandbox', 'fixtures', 'provisioning', kind);
}

export function createSandboxServer({ repoRoot, env }: SandboxOptions): http.Server {
  const distDir = path.join(repoRoot, 'dist');
  const assets = new PublicAssets(repoRoot);
  const datasourcesDir = provisioningDir(repoRoot, env, 'datasources');
  const dashboardsDir = provisioningDir(repoRoot, env, 'dashboards');
  const store = new DataSourceStore(loadProvisionedDataSources(datasourcesDir, env));
  console.log(
    `sandbox: data sources from ${path.relative(repoRoot, datasourcesDir)}: ${
      store
        .list()
        .map((ds) => ds.uid)
        .join(', ') || 'none'
    }`
  );
  console.log(`sandbox: dashboards from ${path.relative(repoRoot, dashboardsDir)}`);

  const pluginFolder = (plugins: BuiltPlugin[], id: string): string | undefined =>
    plugins.find((plugin) => plugin.id === id)?.folder;

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const method = req.method ?? 'GET';
    const plugins = scanBuiltPlugins(distDir);
    const proxy = PROXY.exec(url.pathname);
    if (proxy) {
      const ds = store.get(decodeURIComponent(proxy[1]));
      if (!ds) {
        sendJson(res, 404, { message: 'Unable to find datasource' });
        return;
      }
      const routes = plugins.find((plugin) => plugin.id === ds.type)?.routes ?? [];
      // The raw path (still encoded) is checked, so %2f cannot hide a traversal.
      const rawPath = (req.url ?? '').split('?')[0].slice(`/api/datasources/proxy/uid/${proxy[1]}`.length);
      proxyDataSourceRequest(req, res, { ds, rawPath, search: url.search, routes });
      return;
    }
    const dsByUid = /^\/api\/datasources\/uid\/([^/]+)$/.exec(url.pathname);
    if (url.pathname === '/api/datasources' && method === 'GET') {
      sendJson(
        res,
        200,
        store.list().map((ds) => store.toPublic(ds))
      );
    } else if (url.pathname === '/api/datasources' && method === 'POST') {
      const created = store.create(await readJsonBody(req));
      sendJson(res, 200, {
        datasource: store.toPublic(created),
        id: created.id,
        message: 'Datasource added',
        name: created.name,
      });
    } else if (dsByUid && method === 'GET') {
      const ds = store.get(decodeURIComponent(dsByUid[1]));
      ds ? sendJson(res, 200, store.toPublic(ds)) : sendJson(res, 404, { message: 'Data source not found' });
    } else if (dsByUid && method === 'PUT') {
      const uid = decodeURIComponent(dsByUid[1]);
      if (!store.get(uid)) {
        sendJson(res, 404, { message: 'Data source not found' });
        return;
      }
      const updated = store.update(uid, await readJsonBody(req));
      sendJson(res, 200, {
        datasource: store.toPublic(updated),
        id: updated.id,
        message: 'Datasource updated',
        name: updated.name,
        instanceSettings: instanceSettingsFor(updated, plugins),
      });
    } else if (url.pathname === '/api/search') {
      const dashboards = loadProvisionedDashboards(dashboardsDir);
      sendJson(
        res,
        200,
        dashboards.map((d) => ({ uid: d.uid, title: d.title, type: 'dash-db', url: `/dashboard/${d.uid}` }))
      );
    } else if (url.pathname.startsWith('/api/dashboards/uid/')) {
      const uid = decodeURIComponent(url.pathname.slice('/api/dashboards/uid/'.length));
      const dashboard = loadProvisionedDashboards(dashboardsDir).find((d) => d.uid === uid);
      dashboard
        ? sendJson(res, 200, {
            dashboard: dashboard.json,
            meta: { provisioned: true, provisionedExternalId: dashboard.file },
          })
        : sendJson(res, 404, { message: 'Dashboard not found' });
    } else if (/^\/api\/plugins\/[^/]+\/settings$/.test(url.pathname)) {
      const id = url.pathname.split('/')[3];
      const plugin = plugins.find((candidate) => candidate.id === id);
      plugin
        ? sendJson(res, 200, {
            ...plugin.json,
            enabled: true,
            pinned: true,
            jsonData: {},
            module: plugin.module,
            baseUrl: plugin.baseUrl,
          })
        : sendJson(res, 404, { message: 'Plugin not found' });
    } else if (url.pathname === '/api/health') {
      sendJson(res, 200, { database: 'ok', version: '12.4.6', commit: 'sandbox' });
    } else {
      sendJson(res, 404, { message: 'Not found' });
    }
  }

  function handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const { pathname } = url;
    if (pathname === '/') {
      res.writeHead(302, { location: `/explore${url.search}` });
      res.end();
      return;
    }
    if (PAGES.test(pathname)) {
      const theme: ThemeId = url.searchParams.get('theme') === 'light' ? 'light' : 'dark';
      const plugins = scanBuiltPlugins(distDir);
      const bootData = buildBootData(store, plugins, theme);
      const sandbox = {
        plugins: plugins.map(({ id, type, name, module, baseUrl }) => ({ id, type, name, module, baseUrl })),
        distBuilt: plugins.length > 0,
        // Proxied data sources hide their upstream URL from the page, as in Grafana; the sandbox's
        // pickers still mark the ones that have none (the provisioned Tempo, without TEMPO_URL).
        dataSourcesWithoutUrl: store
          .list()
          .filter((ds) => ds.url.trim() === '')
          .map((ds) => ds.uid),
      };
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(renderHostPage(bootData, sandbox, theme));
      return;
    }
    if (pathname.startsWith('/api/')) {
      handleApi(req, res, url).catch((error: unknown) => {
        sendJson(res, 400, { message: error instanceof Error ? error.message : String(error) });
      });
      return;
    }
    let served = false;
    if (pathname.startsWith('/host/')) {
      served = serveFile(res, hostBuildDir(repoRoot), pathname.slice('/host/'.length));
    } else if (pathname === '/vendor/require.js') {
      served = serveFile(res, path.join(repoRoot, 'node_modules', 'requirejs'), 'require.js', true);
    } else if (pathname.startsWith('/monaco/vs/')) {
      served = serveFile(
        res,
        path.join(repoRoot, 'node_modules', 'monaco-editor', 'min', 'vs'),
        pathname.slice('/monaco/vs/'.length),
        true
      );
    } else if (pathname.startsWith('/public/build/img/icons/')) {
      served = assets.serveIcon(res, pathname.slice('/public/build/img/icons/'.length));
    } else if (pathname.startsWith('/public/fonts/')) {
      served = assets.serveFont(res, pathname.slice('/public/fonts/'.length));
    } else if (pathname.startsWith('/public/plugins/')) {
      // Grafana serves every plugin, nested ones included, under public/plugins/<id>/.
      const [id, ...rest] = pathname.slice('/public/plugins/'.length).split('/');
      const folder = pluginFolder(scanBuiltPlugins(distDir), decodeURIComponent(id));
      served = folder !== undefined && serveFile(res, path.join(distDir, folder), rest.join('/'));
    }
    if (!served) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(`Not found: ${pathname}`);
    }
  }

  return http.createServer(handle);
}
