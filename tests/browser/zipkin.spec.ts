import { Page, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';
import { zipkinDependencies, zipkinServicesOf, zipkinTrace } from './support/zipkin';

/*
 * The provisioned "TraceLens (Zipkin)" data source (backend: zipkin) over the stack's real Zipkin,
 * which the demo services export to alongside Jaeger. Ground truth comes from Zipkin's own API.
 */
test.beforeAll(() => requireBuilt('datasource'));

const ZIPKIN_UID = 'tracelens-zipkin';
const SERVICE_QUERY = '{ resource.service.name = "auth-service" }';

/** Explore on the Zipkin data source with one query, which the page runs on load (as Grafana's links do). */
function exploreZipkin(query: Record<string, unknown>): string {
  const pane = {
    datasource: ZIPKIN_UID,
    queries: [{ refId: 'A', datasource: { type: 'tracelens-traceql-datasource', uid: ZIPKIN_UID }, ...query }],
    range: { from: 'now-1h', to: 'now' },
  };
  return `/explore?schemaVersion=1&panes=${encodeURIComponent(JSON.stringify({ sandbox: pane }))}`;
}

async function searchZipkin(page: Page, query: string): Promise<string[]> {
  const watch = await openSandboxPage(page, exploreZipkin({ queryType: 'traceql', query }));
  await expect(page.getByRole('radio', { name: 'TraceLens (Zipkin)', exact: true })).toBeChecked();
  const traceButtons = page.getByTestId('trace-list').getByRole('button');
  await expect(traceButtons.first()).toBeVisible();
  expect(watch.pageErrors).toEqual([]);
  return (await traceButtons.allInnerTexts()).map((id) => id.trim());
}

test('a TraceQL search over the real Zipkin lists traces Zipkin holds with that service', async ({ page }) => {
  const ids = await searchZipkin(page, SERVICE_QUERY);
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids.slice(0, 5)) {
    const spans = await zipkinTrace(id);
    expect(spans, `trace ${id} exists in Zipkin`).toBeDefined();
    expect(zipkinServicesOf(spans!)).toContain('auth-service');
  }
  await saveScreenshot(page, 'zipkin-search');
});

test('a Zipkin trace opens as a waterfall of every span Zipkin stored, with its tags', async ({ page }) => {
  const [traceId] = await searchZipkin(page, SERVICE_QUERY);
  await page.getByTestId('trace-list').getByRole('button', { name: traceId }).click();

  const waterfall = page.getByTestId('trace-waterfall');
  await expect(waterfall).toBeVisible();
  await expect(page.getByTestId('trace-frame-problems')).toHaveCount(0);
  const truth = await zipkinTrace(traceId);
  expect(truth).toBeDefined();
  await expect(waterfall.getByTestId('trace-span-row')).toHaveCount(truth!.length);
  for (const service of zipkinServicesOf(truth!)) {
    await expect(waterfall.getByLabel('Services')).toContainText(service);
  }

  // An auth-service span with an http.route tag: the details show it as an attribute.
  const auth = truth!.find((s) => s.localEndpoint?.serviceName === 'auth-service' && s.tags?.['http.route']);
  expect(auth).toBeDefined();
  const row = waterfall.getByTestId('trace-span-row').filter({ hasText: `auth-service ${auth!.name ?? ''}` });
  await row
    .first()
    .getByRole('button', { name: /auth-service/ })
    .click();
  const details = page.getByTestId('trace-span-details');
  await expect(details.getByTestId('span-summary')).toContainText('auth-service');
  await expect(details.getByTestId('span-attributes')).toContainText(`http.route${auth!.tags!['http.route']}`);
  await saveScreenshot(page, 'zipkin-trace');
});

// The demo traffic reaches Zipkin only through its exporter, so Zipkin's own dependency linker is
// an independent count of the same calls: every link must be an edge with exactly its call count.
test("the service graph over Zipkin counts the calls that Zipkin's own dependency links count", async ({ page }) => {
  const watch = await openSandboxPage(page, exploreZipkin({ queryType: 'serviceGraph', query: '' }));
  await expect(page.getByTestId(selectors.query.type).getByRole('radio', { name: 'Service graph' })).toBeChecked();
  const nodes = page.getByTestId('frame-table-nodes');
  await expect(nodes).toBeVisible({ timeout: 60_000 });
  const links = await zipkinDependencies();
  expect(links.length, 'Zipkin links the demo services').toBeGreaterThanOrEqual(4);
  const edges = page.getByTestId('frame-table-edges');
  const headers = (await edges.getByRole('columnheader').allInnerTexts()).map((h) => h.trim());
  const requests = headers.indexOf('Requests');
  expect(requests, `a Requests column among ${headers.join(', ')}`).toBeGreaterThanOrEqual(0);
  for (const link of links) {
    await expect(nodes).toContainText(link.parent);
    await expect(nodes).toContainText(link.child);
    const row = edges.getByRole('row').filter({ hasText: `${link.parent}->${link.child}` });
    await expect(row).toHaveCount(1);
    await expect(row.getByRole('cell').nth(requests)).toHaveText(String(link.callCount));
  }
  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'zipkin-service-graph');
});
