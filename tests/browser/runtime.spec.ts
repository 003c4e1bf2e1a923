import { expect, test } from '@playwright/test';

import { openSandboxPage } from './support/sandboxPage';

/*
 * The @grafana/runtime services the host installs, exercised through the same AMD module a plugin
 * gets: require('@grafana/runtime') in the page.
 */

interface RuntimeWindow {
  requirejs: (deps: string[], onLoad: (runtime: GrafanaRuntime) => void) => void;
}

interface Subscription {
  unsubscribe: () => void;
}

interface GrafanaRuntime {
  getBackendSrv: () => {
    fetch: (options: { url: string }) => {
      subscribe: (observer: { next?: (value: unknown) => void; error?: (error: unknown) => void }) => Subscription;
    };
  };
  getTemplateSrv: () => {
    replace: (target: string, scopedVars?: Record<string, { text: string; value: unknown }>, format?: string) => string;
  };
  getDataSourceSrv: () => {
    getInstanceSettings: (ref: string) => { url?: string; jsonData: Record<string, unknown> } | undefined;
    get: (ref: string) => Promise<LoadedDataSource>;
  };
}

/** What the sandbox's DataSourceSrv builds from the plugin module its AMD loader loaded. */
interface LoadedDataSource {
  uid: string;
  meta: { id: string; module: string };
  components?: { QueryEditor?: unknown; ConfigEditor?: unknown };
  query?: unknown;
  testDatasource?: unknown;
}

test('BackendSrv.fetch fails with Grafana FetchError shape {status, statusText, data}', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const error = await page.evaluate(
    () =>
      new Promise((resolve) => {
        (window as unknown as RuntimeWindow).requirejs(['@grafana/runtime'], (runtime) => {
          runtime.getBackendSrv().fetch({ url: '/api/datasources/uid/does-not-exist' }).subscribe({ error: resolve });
        });
      })
  );
  expect(error).toMatchObject({ status: 404, statusText: 'Not Found', data: { message: 'Data source not found' } });
});

test('unsubscribing from BackendSrv.fetch aborts the HTTP request', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  // An upstream that never answers in time, so only cancellation can end the request.
  await page.route('**/api/datasources/proxy/uid/tracelens-jaeger/api/slow', () => {});
  const aborted = page.waitForEvent('requestfailed', (request) => request.url().endsWith('/api/slow'));
  await page.evaluate(() => {
    (window as unknown as RuntimeWindow).requirejs(['@grafana/runtime'], (runtime) => {
      const subscription = runtime
        .getBackendSrv()
        .fetch({ url: '/api/datasources/proxy/uid/tracelens-jaeger/api/slow' })
        .subscribe({});
      setTimeout(() => subscription.unsubscribe(), 300);
    });
  });
  expect((await aborted).failure()?.errorText).toContain('ABORTED');
});

test('data sources get the proxy URL, and template variables interpolate with formats', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const result = await page.evaluate(
    () =>
      new Promise<{ url?: string; glob: string; regex: string; scoped: string }>((resolve) => {
        (window as unknown as RuntimeWindow).requirejs(['@grafana/runtime'], (runtime) => {
          const settings = runtime.getDataSourceSrv().getInstanceSettings('tracelens-jaeger');
          const templateSrv = runtime.getTemplateSrv();
          const services = { services: { text: 'a + b', value: ['auth-service', 'user.service'] } };
          resolve({
            url: settings?.url,
            glob: templateSrv.replace('$services', services),
            regex: templateSrv.replace('${services:regex}', services),
            scoped: templateSrv.replace('[[services:pipe]]', services),
          });
        });
      })
  );
  expect(result).toEqual({
    url: '/api/datasources/proxy/uid/tracelens-jaeger',
    glob: '{auth-service,user.service}',
    regex: '(auth-service|user\\.service)',
    scoped: 'auth-service|user.service',
  });
});

test('the built data source module loads through the sandbox AMD loader with its editors', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const loaded = await page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        (window as unknown as RuntimeWindow).requirejs(['@grafana/runtime'], (runtime) => {
          runtime
            .getDataSourceSrv()
            .get('tracelens-jaeger')
            .then((ds) =>
              resolve({
                uid: ds.uid,
                id: ds.meta.id,
                module: ds.meta.module,
                queryEditor: typeof ds.components?.QueryEditor,
                configEditor: typeof ds.components?.ConfigEditor,
                query: typeof ds.query,
                testDatasource: typeof ds.testDatasource,
              })
            )
            .catch((e: unknown) => reject(e instanceof Error ? e : new Error(String(e))));
        });
      })
  );
  expect(loaded).toEqual({
    uid: 'tracelens-jaeger',
    id: 'tracelens-traceql-datasource',
    module: 'public/plugins/tracelens-traceql-datasource/module.js',
    queryEditor: 'function',
    configEditor: 'function',
    query: 'function',
    testDatasource: 'function',
  });
});
