import { Locator, Page, expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

/*
 * The service-graph panel on the provisioned dashboard, with live data from the demo services (#19,
 * Panels): what a user sees when pointing at, clicking and searching the graph.
 */
test.beforeAll(() => requireBuilt('datasource', 'panels/servicegraph'));

async function openGraph(page: Page): Promise<Locator> {
  await openSandboxPage(page, '/dashboard');
  const graph = page.locator('[data-panel-type="tracelens-servicegraph-panel"]').first();
  await expect(graph).toHaveAttribute('data-panel-state', 'Done', { timeout: 60_000 });
  const panel = graph.getByTestId('servicegraph-panel');
  await expect(panel.getByTestId(/^servicegraph-node-/).first()).toBeAttached();
  return panel;
}

type Box = { x: number; y: number; width: number; height: number };

function expectInside(inner: Box | null, outer: Box | null): void {
  expect(inner).not.toBeNull();
  expect(outer).not.toBeNull();
  // Half a pixel for subpixel rounding of the two boxes.
  expect(inner!.x).toBeGreaterThanOrEqual(outer!.x - 0.5);
  expect(inner!.y).toBeGreaterThanOrEqual(outer!.y - 0.5);
  expect(inner!.x + inner!.width).toBeLessThanOrEqual(outer!.x + outer!.width + 0.5);
  expect(inner!.y + inner!.height).toBeLessThanOrEqual(outer!.y + outer!.height + 0.5);
}

/** The node button farthest towards the panel's lower-right corner, where popups used to be cut off. */
async function cornerNode(panel: Locator): Promise<Locator> {
  const nodes = panel.getByTestId(/^servicegraph-node-/);
  let best = { index: 0, score: -Infinity };
  for (let index = 0; index < (await nodes.count()); index++) {
    const box = await nodes.nth(index).boundingBox();
    if (box && box.x + box.y > best.score) {
      best = { index, score: box.x + box.y };
    }
  }
  return nodes.nth(best.index);
}

test('pointing at a service shows its tooltip, inside the panel', async ({ page }) => {
  const panel = await openGraph(page);
  const node = await cornerNode(panel);
  const name = (await node.getAttribute('aria-label'))!.split(':')[0];
  await node.hover();
  const tooltip = panel.getByTestId('servicegraph-tooltip');
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toContainText(name);
  expectInside(await tooltip.boundingBox(), await panel.boundingBox());
  await saveScreenshot(page, 'servicegraph-tooltip', { fullPage: false });

  // Moving away hides it again.
  await page.mouse.move(1, 1);
  await expect(tooltip).toBeHidden();
});

test('the menu of a service at the panel corner opens wholly inside the panel', async ({ page }) => {
  const panel = await openGraph(page);
  await (await cornerNode(panel)).click();
  const menu = panel.getByRole('menu');
  await expect(menu).toBeVisible();
  expectInside(await menu.boundingBox(), await panel.boundingBox());
  await saveScreenshot(page, 'servicegraph-menu-corner', { fullPage: false });
});

test('a partial name + Enter focuses that service and fits its neighbours into view', async ({ page }) => {
  const panel = await openGraph(page);
  // Zoomed far in, most of the graph is off screen: focusing must bring the neighbourhood back.
  for (let i = 0; i < 6; i++) {
    await panel.getByRole('button', { name: 'Zoom in' }).click();
  }
  const search = panel.getByTestId('servicegraph-search');
  await search.fill('auth-ser');
  await search.press('Enter');
  await expect(search).toHaveValue('tracelens-demo/auth-service');

  const canvas = await panel.getByTestId('servicegraph-canvas').boundingBox();
  for (const id of ['tracelens-demo/auth-service', 'tracelens-demo/api-gateway']) {
    const node = panel.getByTestId(`servicegraph-node-${id}`);
    await expect(node).toHaveAttribute('data-dimmed', 'false');
    expectInside(await node.boundingBox(), canvas);
  }
  // Services outside the neighbourhood stay on the map, dimmed.
  await expect(panel.locator('[data-testid^="servicegraph-node-"][data-dimmed="true"]').first()).toBeAttached();
  await saveScreenshot(page, 'servicegraph-focus', { fullPage: false });
});

test('a legend says what ring colours, dotted outlines and node sizes mean', async ({ page }) => {
  const panel = await openGraph(page);
  const legend = panel.getByTestId('servicegraph-legend');
  await legend.getByText('Legend').click();
  await expect(legend).toContainText('share of failed calls');
  await expect(legend).toContainText(/Ring colour: errors below \d/);
  await expect(legend).toContainText(/Dotted outline: p95 latency from \d+ ms/);
  await expect(legend).toContainText('Node size: request rate');
  expectInside(await legend.boundingBox(), await panel.boundingBox());
  await saveScreenshot(page, 'servicegraph-legend', { fullPage: false });
});

test('every rate on one graph is in one unit, and a call says the same in its tooltip', async ({ page }) => {
  const panel = await openGraph(page);
  const buttons = panel.locator('[data-testid^="servicegraph-node-"], [data-testid^="servicegraph-edge-"]');
  const labels = await buttons.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''));
  const units = new Set(labels.flatMap((l) => [...l.matchAll(/req\/(s|min)\b/g)].map((m) => m[1])));
  // "10.0/s" beside "6.0/min" on one graph was the bug.
  expect(units.size).toBe(1);

  const edge = panel.getByTestId(/^servicegraph-edge-/).first();
  const rate = /: (.*? req\/(?:s|min))/.exec((await edge.getAttribute('aria-label')) ?? '')?.[1];
  expect(rate).toBeDefined();
  await edge.hover();
  await expect(panel.getByTestId('servicegraph-tooltip')).toContainText(rate!);
});

test("a service's logs link follows the data source's trace-to-logs settings", async ({ page }) => {
  const panel = await openGraph(page);
  await panel.getByTestId('servicegraph-node-tracelens-demo/api-gateway').click();
  const menu = panel.getByRole('menu');
  // The provisioned data source links to Loki (tracesToLogsV2): no "choose a logs data source" note.
  const logs = menu.getByRole('menuitem', { name: 'Logs for tracelens-demo/api-gateway' });
  await expect(logs).toHaveAttribute('href', /^\/explore\?/);
  const href = decodeURIComponent((await logs.getAttribute('href')) ?? '');
  expect(href).toContain('"datasource":"loki"');
  expect(href).toContain('service_name=\\"api-gateway\\"');
  await expect(menu).not.toContainText('choose a logs data source');
  await saveScreenshot(page, 'servicegraph-logs-link', { fullPage: false });
});
