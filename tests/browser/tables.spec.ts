import { Locator, Page, expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

/*
 * Grafana's Table and Time series panels over the data source's search and metrics frames on the
 * provisioned dashboard (#19, Tables and metrics): every column readable, every value with its unit.
 */
test.beforeAll(() => requireBuilt('datasource'));

async function openCorePanel(page: Page, type: string): Promise<Locator> {
  await openSandboxPage(page, '/dashboard');
  const panel = page.locator(`[data-panel-type="${type}"]`).first();
  await expect(panel).toHaveAttribute('data-panel-state', 'Done', { timeout: 60_000 });
  return panel;
}

/**
 * Texts in `cells` that are cut off: a text node wider than its cell (an ellipsis), or a cell
 * outside the panel (scrolled out of view).
 */
async function cutOff(cells: Locator, panel: Locator): Promise<string[]> {
  const outer = (await panel.boundingBox())!;
  const found: string[] = [];
  for (let i = 0; i < (await cells.count()); i++) {
    const cell = cells.nth(i);
    const text = (await cell.innerText()).trim();
    const clipped = await cell.evaluate((element) => {
      const edge = element.getBoundingClientRect();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? '').trim() === '') {
          continue;
        }
        const range = document.createRange();
        range.selectNodeContents(node);
        const box = range.getBoundingClientRect();
        if (box.right > edge.right + 0.5 || box.left < edge.left - 0.5) {
          return true;
        }
      }
      return false;
    });
    const box = await cell.boundingBox();
    const outside = !box || box.x + box.width > outer.x + outer.width + 0.5 || box.x < outer.x - 0.5;
    if (text !== '' && (clipped || outside)) {
      found.push(`${text}${clipped ? ' (clipped)' : ''}${outside ? ' (outside the panel)' : ''}`);
    }
  }
  return found;
}

test('the search table shows whole trace ids and durations with their unit', async ({ page }) => {
  const panel = await openCorePanel(page, 'table');
  const table = panel.getByRole('table');
  await expect(table.getByRole('row').nth(1)).toBeVisible();
  const headers = table.getByRole('columnheader');
  await expect(headers.filter({ hasText: 'Trace ID' })).toBeVisible();
  await expect(headers.filter({ hasText: 'Duration' })).toBeVisible();
  expect(await cutOff(headers, panel)).toEqual([]);

  const firstRow = table.getByRole('row').nth(1).getByRole('cell');
  expect(await cutOff(firstRow, panel)).toEqual([]);
  const texts = (await firstRow.allInnerTexts()).map((t) => t.trim());
  expect(texts.some((t) => /^[0-9a-f]{32}$/.test(t))).toBe(true);
  // A duration with its unit: "76.1 ms", "1.05 s", "850 µs".
  expect(texts.some((t) => /^\d+(\.\d+)? (ns|µs|ms|s|min)$/.test(t))).toBe(true);
  await saveScreenshot(page, 'tables-search');
});

test('the metrics graph has one legend entry and one colour per service, no exemplar series', async ({ page }) => {
  const panel = await openCorePanel(page, 'timeseries');
  const entries = panel.locator('[data-testid^="data-testid VizLegend series "]');
  await expect(entries.first()).toBeVisible();
  const legend = await entries.evaluateAll((items) =>
    items.map((item) => ({
      name: item.textContent?.trim() ?? '',
      colour: (item.querySelector('[data-testid="series-icon"]') as HTMLElement | null)?.style.background ?? '',
    }))
  );
  const names = legend.map((l) => l.name);
  // Exemplars are annotations in Grafana: marks on the graph, never a series of their own.
  expect(names).not.toContain('exemplar');
  expect(names).toContain('api-gateway');
  expect(new Set(names).size).toBe(names.length);
  expect(new Set(legend.map((l) => l.colour)).size).toBe(legend.length);
  await panel.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'tables-metrics', { fullPage: false });
});
