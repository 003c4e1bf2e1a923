import { Locator, Page, expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { jaegerTrace, servicesOf } from './support/jaeger';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

/*
 * The provisioned dashboard (provisioning/dashboards/tracelens-overview.json) through the real
 * panel plugins, with live data from the Jaeger-backed data source.
 */
test.beforeAll(() => requireBuilt('datasource', 'panels/servicegraph', 'panels/latencyheatmap', 'panels/sampling'));

function panelOfType(page: Page, type: string): Locator {
  return page.locator(`[data-panel-type="${type}"]`).first();
}

/** Waits until the panel's queries are done and fails with the panel's own error text if any. */
async function expectPanelDone(panel: Locator): Promise<void> {
  await expect(panel).toHaveAttribute('data-panel-state', /Done|Error/, { timeout: 60_000 });
  expect(await panel.getAttribute('data-panel-error')).toBe('');
  await expect(panel).toHaveAttribute('data-panel-state', 'Done');
}

/** Counts canvas pixels that differ from the top-left (background) pixel. */
async function paintedPixels(canvas: Locator): Promise<number> {
  return canvas.evaluate((element) => {
    const node = element as HTMLCanvasElement;
    const context = node.getContext('2d');
    if (!context) {
      return 0;
    }
    const { data } = context.getImageData(0, 0, node.width, node.height);
    let painted = 0;
    for (let index = 0; index < data.length; index += 4) {
      if (
        data[index + 3] > 0 &&
        (data[index] !== data[0] || data[index + 1] !== data[1] || data[index + 2] !== data[2])
      ) {
        painted++;
      }
    }
    return painted;
  });
}

test('every TraceLens panel on the dashboard renders live data', async ({ page }) => {
  const watch = await openSandboxPage(page, '/dashboard');
  await expect(page.getByRole('heading', { name: 'TraceLens overview' })).toBeVisible();

  const graph = panelOfType(page, 'tracelens-servicegraph-panel');
  await expectPanelDone(graph);
  // The demo request path: these services must appear as nodes.
  for (const service of ['frontend', 'api-gateway', 'auth-service', 'user-service']) {
    await expect(graph).toContainText(service);
  }

  const heatmap = panelOfType(page, 'tracelens-latencyheatmap-panel');
  await expectPanelDone(heatmap);
  const canvas = heatmap.getByTestId('latency-heatmap-canvas');
  await expect(canvas).toBeVisible();
  expect(await paintedPixels(canvas)).toBeGreaterThan(100);

  const sampling = panelOfType(page, 'tracelens-sampling-panel');
  await expectPanelDone(sampling);
  await expect(sampling).toContainText('api-gateway');

  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'dashboard');
});

test('clicking a latency heatmap cell links to its example traces in Explore', async ({ page }) => {
  await openSandboxPage(page, '/dashboard');
  const heatmap = panelOfType(page, 'tracelens-latencyheatmap-panel');
  await expectPanelDone(heatmap);
  const canvas = heatmap.getByTestId('latency-heatmap-canvas');

  // Click inside a filled cell: the most saturated pixel whose 7x7 neighbourhood is one colour
  // (cells are solid blocks; axis text is grey and percentile lines are thin).
  const target = await canvas.evaluate((element) => {
    const node = element as HTMLCanvasElement;
    const { data, width, height } = node.getContext('2d')!.getImageData(0, 0, node.width, node.height);
    const at = (x: number, y: number) => (y * width + x) * 4;
    const sameBlock = (x: number, y: number) => {
      const origin = at(x, y);
      for (let dy = -3; dy <= 3; dy++) {
        for (let dx = -3; dx <= 3; dx++) {
          const other = at(x + dx, y + dy);
          if ([0, 1, 2, 3].some((channel) => data[other + channel] !== data[origin + channel])) {
            return false;
          }
        }
      }
      return true;
    };
    let best = { x: -1, y: -1, score: -1 };
    for (let y = 3; y < height - 3; y += 2) {
      for (let x = 3; x < width - 3; x += 2) {
        const index = at(x, y);
        const score =
          data[index + 3] === 0
            ? -1
            : Math.max(data[index], data[index + 1], data[index + 2]) -
              Math.min(data[index], data[index + 1], data[index + 2]);
        if (score > best.score && sameBlock(x, y)) {
          best = { x, y, score };
        }
      }
    }
    const box = node.getBoundingClientRect();
    return { x: (best.x * box.width) / width, y: (best.y * box.height) / height };
  });
  await canvas.click({ position: target });

  const details = heatmap.getByTestId('latency-cell-details');
  await expect(details).toBeVisible();
  const link = details.getByRole('link').first();
  await expect(link).toBeVisible();
  const traceId = (await link.innerText()).trim();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/explore\?/);
  const panes = JSON.parse(new URL(href!, 'http://sandbox').searchParams.get('panes')!);
  const pane = Object.values(panes)[0] as { datasource: string; queries: Array<{ queryType: string; query: string }> };
  expect(pane.datasource).toBe('tracelens-jaeger');
  expect(pane.queries[0]).toMatchObject({ queryType: 'traceId', query: traceId });
  expect(await jaegerTrace(traceId)).toBeDefined();
  await saveScreenshot(page, 'dashboard-heatmap-cell');

  // Following the link opens the trace in Explore.
  await link.click();
  await expect(page).toHaveURL(/\/explore\?/);
  await expect(page.getByTestId('trace-json').locator('pre')).toContainText(traceId);
});

test('clicking a service-graph edge offers the TraceQL link for the calls along it', async ({ page }) => {
  await openSandboxPage(page, '/dashboard');
  const graph = panelOfType(page, 'tracelens-servicegraph-panel');
  await expectPanelDone(graph);

  // The demo's services carry service.namespace, so the graph names them namespace/name (#17).
  await graph
    .getByRole('button', { name: /^Calls from tracelens-demo\/api-gateway to tracelens-demo\/auth-service/ })
    .click();
  const menu = graph.getByRole('menu');
  await expect(menu).toBeVisible();
  const link = menu.getByRole('menuitem').filter({ hasText: '>>' }).first();
  const href = await link.getAttribute('href');
  expect(href).toMatch(/^\/explore\?/);
  const panes = JSON.parse(new URL(href!, 'http://sandbox').searchParams.get('panes')!);
  const pane = Object.values(panes)[0] as { datasource: string; queries: Array<{ queryType: string; query: string }> };
  expect(pane.datasource).toBe('tracelens-jaeger');
  expect(pane.queries[0]).toMatchObject({
    queryType: 'traceql',
    query:
      '{resource.service.namespace="tracelens-demo" && resource.service.name="api-gateway"} >> ' +
      '{resource.service.namespace="tracelens-demo" && resource.service.name="auth-service"}',
  });
  await saveScreenshot(page, 'dashboard-servicegraph-edge');

  // The link opens in a new tab in Grafana; here the same URL is followed in this page.
  await page.goto(href!);
  const traceButtons = page.getByTestId('trace-list').getByRole('button');
  await expect(traceButtons.first()).toBeVisible();
  for (const id of (await traceButtons.allInnerTexts()).slice(0, 3)) {
    const services = servicesOf((await jaegerTrace(id.trim()))!);
    expect(services).toContain('api-gateway');
    expect(services).toContain('auth-service');
  }
});
