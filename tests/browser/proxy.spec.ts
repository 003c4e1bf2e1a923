import { expect, test } from '@playwright/test';
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';

import { EchoServer, startEchoServer } from './support/echoServer';
import { SandboxProcess, startSandbox } from './support/sandboxProcess';

/*
 * The data proxy's Grafana semantics, end to end through a private sandbox whose provisioning file
 * uses $VAR / ${VAR} interpolation and points at an echo server.
 */
function rawGetStatus(base: string, rawPath: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

let echo: EchoServer;
let sandbox: SandboxProcess;
let provisioningDir: string;

test.beforeAll(async () => {
  echo = await startEchoServer();
  provisioningDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracelens-proxy-test-'));
  fs.mkdirSync(path.join(provisioningDir, 'datasources'));
  fs.writeFileSync(
    path.join(provisioningDir, 'datasources', 'echo.yaml'),
    [
      'apiVersion: 1',
      'datasources:',
      '  - name: Echo basic',
      '    uid: echo-basic',
      '    type: tracelens-traceql-datasource',
      '    access: proxy',
      '    url: ${ECHO_URL}/base',
      '    basicAuth: true',
      '    basicAuthUser: $ECHO_USER',
      '    jsonData:',
      '      httpHeaderName1: X-Scope-OrgID',
      '      price: "$$5"',
      '      samplingUrl: ${ECHO_URL}/sampler',
      '    secureJsonData:',
      '      basicAuthPassword: ${ECHO_PASSWORD}',
      '      httpHeaderValue1: tenant-${ECHO_TENANT}',
      '  - name: Echo bearer',
      '    uid: echo-bearer',
      '    type: tracelens-traceql-datasource',
      '    access: proxy',
      '    url: ${ECHO_URL}',
      '    jsonData:',
      '      httpHeaderName1: Authorization',
      '    secureJsonData:',
      '      httpHeaderValue1: Bearer ${ECHO_TOKEN}',
      '',
    ].join('\n')
  );
  sandbox = await startSandbox(3197, {
    SANDBOX_PROVISIONING_DIR: provisioningDir,
    ECHO_URL: echo.url,
    ECHO_USER: 'grafana',
    ECHO_PASSWORD: 's3cret',
    ECHO_TENANT: 'team-a',
    ECHO_TOKEN: 'token-123',
  });
});

test.afterAll(async () => {
  await sandbox?.stop();
  await echo?.close();
  fs.rmSync(provisioningDir, { recursive: true, force: true });
});

test('forwards to the data source URL with basic auth and custom headers from interpolated provisioning', async ({
  request,
}) => {
  const response = await request.get(
    `${sandbox.url}/api/datasources/proxy/uid/echo-basic/api/traces?service=a%20b&limit=2`,
    {
      headers: { Authorization: 'Bearer browser-session', Cookie: 'grafana_session=abc' },
    }
  );
  expect(response.status()).toBe(200);
  const echoed = await response.json();
  expect(echoed.url).toBe('/base/api/traces?service=a%20b&limit=2');
  expect(echoed.headers.authorization).toBe(`Basic ${Buffer.from('grafana:s3cret').toString('base64')}`);
  expect(echoed.headers['x-scope-orgid']).toBe('tenant-team-a');
  // The browser's own credentials never reach the upstream, and upstream cookies never reach the browser.
  expect(echoed.headers.cookie).toBeUndefined();
  expect(response.headers()['set-cookie']).toBeUndefined();
});

test('sends a bearer token kept in secureJsonData as the Authorization header', async ({ request }) => {
  const response = await request.get(`${sandbox.url}/api/datasources/proxy/uid/echo-bearer/api/v3/services`);
  const echoed = await response.json();
  expect(echoed.headers.authorization).toBe('Bearer token-123');
});

test('never exposes secrets through the data source API, and $$ stays a literal dollar', async ({ request }) => {
  const response = await request.get(`${sandbox.url}/api/datasources/uid/echo-basic`);
  const body = await response.text();
  expect(body).not.toContain('s3cret');
  expect(body).not.toContain('team-a');
  const settings = JSON.parse(body);
  expect(settings.secureJsonFields).toEqual({ basicAuthPassword: true, httpHeaderValue1: true });
  expect(settings.jsonData.price).toBe('$5');
  expect(settings.url).toBe(`${echo.url}/base`);
});

for (const unsafe of ['api/..%2f..%2fadmin', 'api/%2e%2e/admin', 'api/../admin', 'api%5cadmin', 'api/./traces']) {
  test(`refuses the unsafe proxy path ${unsafe}`, async () => {
    const before = echo.requests.length;
    // A raw request: URL parsers (fetch, browsers) would normalise the dots away before sending.
    const status = await rawGetStatus(sandbox.url, `/api/datasources/proxy/uid/echo-basic/${unsafe}`);
    expect(status).toBe(400);
    expect(echo.requests.length).toBe(before);
  });
}

test('routes the sampling endpoint to jsonData.samplingUrl, without the route prefix', async ({ request }) => {
  const response = await request.get(
    `${sandbox.url}/api/datasources/proxy/uid/echo-basic/tracelens-sampling/sampling?service=frontend`
  );
  expect(response.status()).toBe(200);
  expect((await response.json()).url).toBe('/sampler/sampling?service=frontend');
});

// plugin.json ends with a catch-all route nobody is granted: the proxy itself refuses every path and
// method that is not on the allow-list, so the data source's credentials go nowhere else.
for (const [method, proxyPath] of [
  ['GET', 'api/admin/users'],
  ['GET', 'metrics'],
  ['POST', 'api/traces'],
  ['DELETE', 'api/v3/traces/abc'],
  ['PUT', 'tracelens-sampling/sampling'],
] as const) {
  test(`refuses ${method} ${proxyPath} (not a route) with 403, sending nothing upstream`, async ({ request }) => {
    const before = echo.requests.length;
    const response = await request.fetch(`${sandbox.url}/api/datasources/proxy/uid/echo-basic/${proxyPath}`, {
      method,
    });
    expect(response.status()).toBe(403);
    expect((await response.json()).message).toBe('plugin proxy route access denied');
    expect(echo.requests.length).toBe(before);
  });
}

test('answers 502 naming the cause for a data source with no URL', async ({ request }) => {
  const created = await request.post(`${sandbox.url}/api/datasources`, {
    data: { name: 'No URL', type: 'tracelens-traceql-datasource', uid: 'no-url', url: '', access: 'proxy' },
  });
  expect(created.ok()).toBe(true);
  const response = await request.get(`${sandbox.url}/api/datasources/proxy/uid/no-url/api/status/buildinfo`);
  expect(response.status()).toBe(502);
  expect((await response.json()).message).toContain('has no URL');
});

test('answers 404 for an unknown data source and 502 when the upstream is down', async ({ request }) => {
  expect((await request.get(`${sandbox.url}/api/datasources/proxy/uid/nope/api/services`)).status()).toBe(404);
  const created = await request.post(`${sandbox.url}/api/datasources`, {
    data: {
      name: 'Down',
      type: 'tracelens-traceql-datasource',
      uid: 'down',
      url: 'http://127.0.0.1:9',
      access: 'proxy',
    },
  });
  expect(created.ok()).toBe(true);
  const response = await request.get(`${sandbox.url}/api/datasources/proxy/uid/down/api/services`);
  expect(response.status()).toBe(502);
  expect((await response.json()).message).toContain('Bad Gateway');
});
