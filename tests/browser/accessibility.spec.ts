import { Page, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { typeIntoMonaco } from './support/monaco';
import { openSandboxPage, saveScreenshot, seriousViolations } from './support/sandboxPage';

/*
 * axe (WCAG 2.1 A/AA) on every page, in both themes, with a screenshot of each. Scanned: the
 * plugins' own markup (query editor, config editor, panels) and the sandbox pages around them.
 */
test.beforeAll(() => requireBuilt('datasource'));

const THEMES = ['dark', 'light'] as const;

async function exploreWithResults(page: Page, theme: string): Promise<void> {
  await openSandboxPage(page, `/explore?theme=${theme}`);
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();
  await typeIntoMonaco(page, editor, '{ resource.service.name = "api-gateway" }');
  await page.getByTestId('run-query').click();
  await expect(page.getByTestId('trace-list').getByRole('button').first()).toBeVisible();
}

for (const theme of THEMES) {
  test(`Explore has no serious accessibility violations (${theme})`, async ({ page }) => {
    await exploreWithResults(page, theme);
    // Screenshot first, so every page is captured even when the scan finds something.
    await saveScreenshot(page, `explore-${theme}`);
    expect(await seriousViolations(page, ['[data-testid="query-editor"]', 'main'])).toEqual([]);
  });

  test(`the dashboard has no serious accessibility violations (${theme})`, async ({ page }) => {
    await openSandboxPage(page, `/dashboard?theme=${theme}`);
    for (const type of ['tracelens-servicegraph-panel', 'tracelens-latencyheatmap-panel', 'tracelens-sampling-panel']) {
      await expect(page.locator(`[data-panel-type="${type}"]`)).toHaveAttribute('data-panel-state', /Done|Error/, {
        timeout: 60_000,
      });
    }
    await saveScreenshot(page, `dashboard-${theme}`);
    expect(await seriousViolations(page, ['main'])).toEqual([]);
  });

  test(`the config editor has no serious accessibility violations (${theme})`, async ({ page }) => {
    await openSandboxPage(page, `/config?theme=${theme}`);
    await expect(page.getByTestId('config-editor')).toBeVisible();
    await saveScreenshot(page, `config-${theme}`);
    expect(await seriousViolations(page, ['main'])).toEqual([]);
  });
}
