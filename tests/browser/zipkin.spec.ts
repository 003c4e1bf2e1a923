import { Locator, Page, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { formatForGraph } from '../../src/panels/servicegraph/format';
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

/** The data source uids whose data-proxy path the page requests from now on. */
function watchProxiedDataSources(page: Page): Set<string> {
  const uids = new Set<string>();
  page.on('request', (request) => {
    const match = /^\/api\/datasources\/proxy\/uid\/([^/]+)\//.exec(new URL(request.url()).pathname);
    if (match) {
      uids.add(decodeURIComponent(match[1]));
    }
  });
  return uids;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function callsButton(panel: Locator, parent: string, child: string): Locator {
  const name = new RegExp(`^Calls from ${escapeRegExp(parent)} to ${escapeRegExp(child)}:`);
  return panel.getByRole('button', { name });
}

// The provisioned dashboard's panels all take their data source from the `datasource` variable, so
// var-datasource in the URL moves every panel to Zipkin, and the picker moves them back. The range
// is pinned so each call rate is Zipkin's own call count over the same window.
test("the dashboard opened with var-datasource on Zipkin draws Zipkin's calls in every panel", async ({ page }) => {
  requireBuilt('panels/servicegraph', 'panels/latencyheatmap', 'panels/sampling');
  const to = Date.now();
  const from = to - 3_600_000;
  const links = await zipkinDependencies({ endTs: to, lookback: to - from });
  expect(links.length, 'Zipkin links the demo services').toBeGreaterThanOrEqual(4);

  const proxied = watchProxiedDataSources(page);
  const watch = await openSandboxPage(page, `/dashboard?var-datasource=${ZIPKIN_UID}&from=${from}&to=${to}`);
  const picker = page.getByLabel('Data source', { exact: true });
  await expect(picker).toHaveValue(ZIPKIN_UID);
  const panels = page.locator('[data-panel-type^="tracelens-"]');
  await expect(panels).toHaveCount(3);
  for (const panel of await panels.all()) {
    await expect(panel).toHaveAttribute('data-panel-state', /Done|Error/, { timeout: 60_000 });
    expect(await panel.getAttribute('data-panel-error')).toBe('');
  }

  const graph = page.locator('[data-panel-type="tracelens-servicegraph-panel"]');
  const seconds = (to - from) / 1000;
  // The panel picks its one rate unit from every call and every callee (its calls in, summed).
  const into = new Map<string, number>();
  for (const l of links) {
    into.set(l.child, (into.get(l.child) ?? 0) + l.callCount);
  }
  const format = formatForGraph({
    nodes: [...into.values()].map((calls) => ({ requestRate: calls / seconds })),
    edges: links.map((l) => ({ requestRate: l.callCount / seconds })),
  });
  for (const link of links) {
    const rate = format.rate(link.callCount / seconds, link.callCount);
    await expect(callsButton(graph, link.parent, link.child)).toHaveAttribute(
      'aria-label',
      new RegExp(`: ${escapeRegExp(rate)},`)
    );
  }
  expect([...proxied]).toEqual([ZIPKIN_UID]);
  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'zipkin-dashboard');

  // Back on Jaeger the same graph names services namespace/name, as only Jaeger's spans carry them.
  await picker.selectOption({ label: 'TraceLens (Jaeger)' });
  await expect(page).toHaveURL(/[?&]var-datasource=tracelens-jaeger(&|$)/);
  await expect(callsButton(graph, 'tracelens-demo/frontend', 'tracelens-demo/api-gateway')).toHaveCount(1, {
    timeout: 60_000,
  });
  expect(proxied.has('tracelens-jaeger')).toBe(true);
});
