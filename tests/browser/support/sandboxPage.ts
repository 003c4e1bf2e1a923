import AxeBuilder from '@axe-core/playwright';
import { Page, expect, test } from '@playwright/test';
import fs from 'fs';
import path from 'path';

import { screenshotDir } from './environment';

export interface PageWatch {
  /** Uncaught exceptions thrown in the page. */
  pageErrors: string[];
  /** Requests that left the machine (a CDN fetch for Monaco, fonts, analytics). */
  externalRequests: string[];
  /** Sandbox static files (public/, host/, plugins, Monaco) that answered with an error status. */
  missingAssets: string[];
}

/** Opens a sandbox page and records page errors and any request that is not to loopback. */
export async function openSandboxPage(page: Page, url: string): Promise<PageWatch> {
  const watch: PageWatch = { pageErrors: [], externalRequests: [], missingAssets: [] };
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('request', (request) => {
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1' && hostname !== 'localhost') {
      watch.externalRequests.push(request.url());
    }
  });
  page.on('response', (response) => {
    const { pathname } = new URL(response.url());
    // API answers (a 404 trace, a 502 from a stopped backend) are data, not missing files.
    if (response.status() >= 400 && !pathname.startsWith('/api/')) {
      watch.missingAssets.push(`${response.status()} ${pathname}`);
    }
  });
  await page.goto(url);
  await expect(page.getByRole('navigation', { name: 'Sandbox pages' })).toBeVisible();
  return watch;
}

/**
 * A screenshot into artifacts/screenshots/. `fullPage: false` keeps the viewport as it is, for
 * open menus and tooltips, which a full-page capture's resize closes.
 */
export async function saveScreenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage });
  // Also attached to the test, so the run's JSON report lists every page's screenshot.
  await test.info().attach(name, { path: file, contentType: 'image/png' });
  return file;
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Grafana library internals in the sandbox's own chrome, left out of every scan, each for a named
 * reason (none of them is plugin markup):
 * - TimeRangePicker (@grafana/ui): its "UTC" time-zone badge fails colour contrast in the light theme.
 * - Table (@grafana/ui), drawing Explore's search results and the core Table panel stand-in: its rows
 *   lack cell roles (aria-required-children) and its scroll view is not focusable.
 * - Explore's toolbar: Grafana's primary Button ("Run query") fails colour contrast in the dark theme.
 */
export const GRAFANA_INTERNALS_EXCLUDED = [
  '[data-sandbox-chrome="time-range-picker"]',
  '[data-sandbox-chrome="grafana-table"]',
  '[data-sandbox-chrome="explore-toolbar"]',
];

/** Serious and critical axe violations inside `include`, minus GRAFANA_INTERNALS_EXCLUDED and `exclude`. */
export async function seriousViolations(page: Page, include: string[], exclude: string[] = []): Promise<AxeFinding[]> {
  // @axe-core/playwright is typed against its own playwright-core copy; the page object is the same.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  let builder = new AxeBuilder({ page: axePage }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of include) {
    builder = builder.include(selector);
  }
  for (const selector of [...GRAFANA_INTERNALS_EXCLUDED, ...exclude]) {
    builder = builder.exclude(selector);
  }
  const results = await builder.analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
