import { Locator, Page, expect, test } from '@playwright/test';
import fs from 'fs';
import os from 'os';
import path from 'path';

import { requireBuilt } from './support/builtPlugins';
import { jaegerUrl, repoRoot } from './support/environment';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';
import { SandboxProcess, startSandbox } from './support/sandboxProcess';

/*
 * Issue #17: a panel whose numbers do not cover every trace in its time range says so in the panel.
 * A private sandbox provisions the Jaeger data source with a trace budget of 10, far below the demo
 * traffic, and the overview dashboard; each TraceLens panel must show the lower-bound badge. The
 * project's own sandbox (budget 20,000) must show none on the same dashboard.
 */
const BADGE = 'tracelens-completeness-badge';
const PANELS = ['tracelens-servicegraph-panel', 'tracelens-latencyheatmap-panel', 'tracelens-sampling-panel'];
let sandbox: SandboxProcess | undefined;
let provisioningDir = '';

test.beforeAll(async () => {
  requireBuilt('datasource', 'panels/servicegraph', 'panels/latencyheatmap', 'panels/sampling');
  provisioningDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracelens-budget-'));
  fs.mkdirSync(path.join(provisioningDir, 'datasources'));
  fs.mkdirSync(path.join(provisioningDir, 'dashboards'));
  fs.writeFileSync(
    path.join(provisioningDir, 'datasources', 'tracelens.yaml'),
    [
      'apiVersion: 1',
      'datasources:',
      '  - name: TraceLens (Jaeger)',
      '    uid: tracelens-jaeger',
      '    type: tracelens-traceql-datasource',
      '    access: proxy',
      `    url: ${jaegerUrl}`,
      '    isDefault: true',
      '    jsonData:',
      '      backend: jaeger',
      '      maxTraces: 10',
      '',
    ].join('\n')
  );
  fs.copyFileSync(
    path.join(repoRoot, 'provisioning', 'dashboards', 'tracelens-overview.json'),
    path.join(provisioningDir, 'dashboards', 'tracelens-overview.json')
  );
  sandbox = await startSandbox(3198, { SANDBOX_PROVISIONING_DIR: provisioningDir });
});

test.afterAll(async () => {
  await sandbox?.stop();
  fs.rmSync(provisioningDir, { recursive: true, force: true });
});

function panelOfType(page: Page, type: string): Locator {
  return page.locator(`[data-panel-type="${type}"]`).first();
}

async function expectPanelDone(panel: Locator): Promise<void> {
  await expect(panel).toHaveAttribute('data-panel-state', /Done|Error/, { timeout: 60_000 });
  expect(await panel.getAttribute('data-panel-error')).toBe('');
}

test('with a trace budget below the window, every analysis panel shows the lower-bound badge', async ({ page }) => {
  await openSandboxPage(page, `${sandbox?.url}/dashboard`);
  for (const type of PANELS) {
    const panel = panelOfType(page, type);
    await expectPanelDone(panel);
    const badge = panel.getByTestId(BADGE);
    await expect(badge).toBeVisible();
    await expect(badge).toHaveText(/^lower bound: 10 (of ≥ [\d,]+ )?traces, budget reached$/);
    await expect(badge).toHaveAccessibleName(/^Counts are lower bounds: 10 traces read/);
  }
  await expect(panelOfType(page, 'tracelens-sampling-panel')).toContainText('Stored at least');
  await saveScreenshot(page, 'dashboard-lower-bound-badges');
});

test('with the default budget, the same dashboard claims complete numbers and shows no badge', async ({ page }) => {
  await openSandboxPage(page, '/dashboard');
  for (const type of PANELS) {
    const panel = panelOfType(page, type);
    await expectPanelDone(panel);
    await expect(panel.getByTestId(BADGE)).toHaveCount(0);
  }
});
