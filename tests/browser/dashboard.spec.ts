import { Locator, Page, expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { jaegerTrace } from './support/jaeger';
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

  // Click the most intensely painted pixel's position: a cell with spans in it.
  const target = await canvas.evaluate((element) => {
    const node = element as HTMLCanvasElement;
    const context = node.getContext('2d');
    const { data, width } = context!.getImageData(0, 0, node.width, node.height);
    let best = { index: -1, score: -1 };
    for (let index = 0; index < data.length; index += 4) {
      const score = data[index + 3] > 0 ? data[index] + data[index + 1] + data[index + 2] : -1;
      if (score > best.score) {
        best = { index: index / 4, score };
      }
    }
    const box = node.getBoundingClientRect();
    return {
      x: ((best.index % width) * box.width) / node.width,
      y: (Math.floor(best.index / width) * box.height) / node.height,
    };
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
