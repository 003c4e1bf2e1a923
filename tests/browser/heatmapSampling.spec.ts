import { Locator, Page, expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

/*
 * Issue 19, latency heatmap and sampling panels as a newcomer sees them on the provisioned dashboard:
 * nothing cut off at the panel edge, one unit per cell, a selection that stays on screen.
 */
test.beforeAll(() => requireBuilt('panels/latencyheatmap', 'panels/sampling'));

function panelOfType(page: Page, type: string): Locator {
  return page.locator(`[data-panel-type="${type}"]`).first();
}

async function expectPanelDone(panel: Locator): Promise<void> {
  await expect(panel).toHaveAttribute('data-panel-state', /Done|Error/, { timeout: 60_000 });
  expect(await panel.getAttribute('data-panel-error')).toBe('');
}

test('the sampling table fits its panel: it scrolls sideways with the service column pinned', async ({ page }) => {
  const watch = await openSandboxPage(page, '/dashboard');
  const panel = panelOfType(page, 'tracelens-sampling-panel');
  await expectPanelDone(panel);
  const scroll = panel.getByTestId('sampling-table-scroll');
  await expect(scroll).toBeVisible();

  const panelBox = (await panel.boundingBox())!;
  const scrollBox = (await scroll.boundingBox())!;
  expect(scrollBox.x + scrollBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);

  // Every column can be reached: scrolled to the end, the last header is inside the wrapper…
  await scroll.evaluate((element) => {
    element.scrollLeft = element.scrollWidth;
  });
  const headers = scroll.getByRole('columnheader');
  const lastBox = (await headers.last().boundingBox())!;
  expect(lastBox.x + lastBox.width).toBeLessThanOrEqual(scrollBox.x + scrollBox.width + 1);
  // …and the service column is still at the left edge.
  const firstBox = (await headers.first().boundingBox())!;
  expect(Math.abs(firstBox.x - scrollBox.x)).toBeLessThanOrEqual(1);

  // One unit per cell: no "0.084/s (268–336)" mixes, no tiny per-second rates, no exponents.
  const text = await panel.innerText();
  expect(text).not.toMatch(/\/s \(\d/);
  expect(text).not.toMatch(/0\.000\d*\/s/);
  expect(text).not.toMatch(/\de[+-]\d/);
  expect(text).not.toMatch(/±\d{3,}%/);

  const whatIf = panel.getByTestId('sampling-whatif-scroll');
  if ((await whatIf.count()) > 0) {
    const whatIfBox = (await whatIf.boundingBox())!;
    expect(whatIfBox.x + whatIfBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
  }
  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'dashboard-sampling-panel');
});

test('a dragged heatmap region keeps the heatmap height and writes TraceQL in readable units', async ({ page }) => {
  const watch = await openSandboxPage(page, '/dashboard');
  const panel = panelOfType(page, 'tracelens-latencyheatmap-panel');
  await expectPanelDone(panel);
  const canvas = panel.getByTestId('latency-heatmap-canvas');
  await expect(canvas).toBeVisible();
  await expect(panel.getByTestId('latency-color-legend')).toBeVisible();
  // The panel sits below the fold: mouse events only reach what is on screen.
  await canvas.scrollIntoViewIfNeeded();
  const before = (await canvas.boundingBox())!;

  // Across most of the plot, wherever in the hour the stack's traffic landed, top left to bottom right.
  await page.mouse.move(before.x + before.width * 0.1, before.y + before.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(before.x + before.width * 0.5, before.y + before.height * 0.5, { steps: 5 });
  await page.mouse.move(before.x + before.width * 0.97, before.y + before.height * 0.85, { steps: 5 });
  await page.mouse.up();

  const comparison = panel.getByTestId('latency-comparison');
  await expect(comparison).toBeVisible();
  const after = (await canvas.boundingBox())!;
  expect(after.height).toBe(before.height);
  await expect(comparison).toBeInViewport();
  // Nothing of the comparison is cut off or pushed out of sight: its columns fit its width.
  const panelBox = (await panel.boundingBox())!;
  const comparisonBox = (await comparison.boundingBox())!;
  expect(comparisonBox.x + comparisonBox.width).toBeLessThanOrEqual(panelBox.x + panelBox.width + 1);
  expect(await comparison.evaluate((element) => element.scrollWidth - element.clientWidth)).toBeLessThanOrEqual(1);

  const regionQuery = await comparison.locator('p').last().innerText();
  expect(regionQuery).toMatch(/Region query: \{ duration > /);
  // Bucket edges in the largest exact unit, never a bare count of nanoseconds.
  expect(regionQuery).not.toMatch(/\d{4,}ns/);

  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'dashboard-heatmap-selection');
});
