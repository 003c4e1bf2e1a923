import { Page, TestInfo, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { typeIntoMonaco } from './support/monaco';
import { PageWatch, openSandboxPage } from './support/sandboxPage';

/*
 * Every sandbox page a newcomer can reach, in both themes, screenshotted into this run's output
 * folder (test-results/browser-artifacts/<test>/) and attached to the JSON report, so a reviewer sees
 * what the run saw. Each page must also load cleanly: no uncaught page error, no missing asset, no
 * request leaving the machine, and the content that page is for.
 */
test.beforeAll(() => requireBuilt('datasource', 'panels/servicegraph'));

const THEMES = ['dark', 'light'] as const;

/** Saves a full-page screenshot under the test's own output folder and attaches it to the report. */
async function capture(page: Page, info: TestInfo, name: string): Promise<void> {
  const file = info.outputPath(`${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(name, { path: file, contentType: 'image/png' });
}

function expectClean(watch: PageWatch): void {
  expect(watch.pageErrors, 'uncaught errors in the page').toEqual([]);
  expect(watch.missingAssets, 'static files that failed to load').toEqual([]);
  expect(watch.externalRequests, 'requests that left the machine').toEqual([]);
}

/** Explore, fresh; the first visit's watch keeps listening through later navigations. */
async function openExplore(page: Page, theme: string, watch?: PageWatch): Promise<PageWatch> {
  const url = `/explore?theme=${theme}`;
  const watching = watch ?? (await openSandboxPage(page, url));
  if (watch) {
    await page.goto(url);
  }
  await expect(page.getByTestId(selectors.query.editor).locator('.monaco-editor[data-uri]')).toBeVisible();
  return watching;
}

async function runTraceQL(page: Page, query: string): Promise<void> {
  await typeIntoMonaco(page, page.getByTestId(selectors.query.editor), query);
  await page.getByTestId('run-query').click();
}

async function pickType(page: Page, name: string): Promise<void> {
  await page.getByTestId(selectors.query.type).getByRole('radio', { name }).check({ force: true });
}

const SEARCH = '{ resource.service.name = "api-gateway" }';

for (const theme of THEMES) {
  test(`Explore pages (${theme}): search, trace view, metrics and every query type`, async ({ page }, info) => {
    const watch = await openExplore(page, theme);
    await capture(page, info, `explore-empty-${theme}`);

    await runTraceQL(page, SEARCH);
    const traces = page.getByTestId('trace-list').getByRole('button');
    await expect(traces.first()).toBeVisible();
    await capture(page, info, `explore-search-${theme}`);

    await traces.first().click();
    await expect(page.getByTestId('trace-waterfall')).toBeVisible();
    await expect(page.getByTestId('trace-frame-problems')).toHaveCount(0);
    // The root span's name button (titled with its operation); the fold toggle before it has no title.
    await page.getByTestId('trace-span-row').first().locator('button[title]').click();
    await expect(page.getByTestId('trace-span-details')).toBeVisible();
    await capture(page, info, `explore-trace-${theme}`);

    await openExplore(page, theme, watch);
    await runTraceQL(page, `${SEARCH} | rate()`);
    await expect(page.locator('section[aria-label]').first()).toBeVisible();
    await expect(page.getByTestId('query-error')).toHaveCount(0);
    await capture(page, info, `explore-traceql-metrics-${theme}`);

    // Each query-type tab with its own result, as Grafana's Explore shows it, from a fresh `{}`
    // (the analyses take a filter, not the metrics query above).
    await openExplore(page, theme, watch);
    const tabs: Array<[string, string]> = [
      ['Service graph', '[data-testid="frame-table-nodes"]'],
      ['Latency', 'section[aria-label]'],
      ['Sampling', 'section[aria-label]'],
    ];
    for (const [name, result] of tabs) {
      await pickType(page, name);
      await expect(page.getByTestId(selectors.query.type).getByRole('radio', { name })).toBeChecked();
      await expect(page.locator(result).first()).toBeVisible();
      await expect(page.getByTestId('query-error')).toHaveCount(0);
      await capture(page, info, `explore-${name.toLowerCase().replace(/ /g, '-')}-${theme}`);
    }
    for (const name of ['Metrics', 'Trace ID']) {
      await pickType(page, name);
      await expect(page.getByTestId(selectors.query.type).getByRole('radio', { name })).toBeChecked();
      // The run this switch started has finished (the toolbar's Cancel is Run query again).
      await expect(page.getByRole('button', { name: 'Run query' })).toBeVisible({ timeout: 60_000 });
      await capture(page, info, `explore-${name.toLowerCase().replace(/ /g, '-')}-${theme}`);
    }
    // An empty trace ID is nothing to look up yet, not an error (regression #19).
    await expect(page.getByTestId('query-error')).toHaveCount(0);
    expectClean(watch);
  });

  test(`every dashboard (${theme})`, async ({ page, request }, info) => {
    const dashboards = (await (await request.get('/api/search')).json()) as Array<{ uid: string; url: string }>;
    expect(dashboards.length).toBeGreaterThan(0);
    for (const dashboard of dashboards) {
      const watch = await openSandboxPage(page, `${dashboard.url}?theme=${theme}`);
      const panels = page.locator('[data-panel-type]');
      await expect(panels.first()).toBeVisible();
      for (const panel of await panels.all()) {
        await expect(panel).toHaveAttribute('data-panel-state', 'Done', { timeout: 60_000 });
      }
      await page.waitForLoadState('networkidle');
      await capture(page, info, `dashboard-${dashboard.uid}-${theme}`);
      expectClean(watch);
    }
  });

  test(`every data source's settings page (${theme})`, async ({ page, request }, info) => {
    const sources = (await (await request.get('/api/datasources')).json()) as Array<{ uid: string; type: string }>;
    const ours = sources.filter((ds) => ds.type === 'tracelens-traceql-datasource');
    expect(ours.length).toBeGreaterThan(0);
    for (const ds of sources) {
      const watch = await openSandboxPage(page, `/config/${ds.uid}?theme=${theme}`);
      if (ours.includes(ds)) {
        await expect(page.getByTestId('config-editor')).toBeVisible();
      } else {
        // A Grafana core data source (Loki) says it is not in the sandbox and shows what is stored.
        await expect(page.getByTestId('unavailable-datasource')).toContainText('is not in the sandbox');
        await expect(page.getByTestId('stored-jsondata')).toBeVisible();
      }
      await page.waitForLoadState('networkidle');
      await capture(page, info, `config-${ds.uid}-${theme}`);
      expectClean(watch);
    }
  });
}
