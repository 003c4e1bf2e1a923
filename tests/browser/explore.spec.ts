import { expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { jaegerTrace, servicesOf } from './support/jaeger';
import { monacoMarkers, monacoValue, typeIntoMonaco } from './support/monaco';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

test.beforeAll(() => requireBuilt('datasource'));

const SERVICE_QUERY = '{ resource.service.name = "auth-service" }';

test('a TraceQL query typed in the Monaco editor lists matching traces from the real Jaeger', async ({ page }) => {
  const watch = await openSandboxPage(page, '/explore');
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();

  await typeIntoMonaco(page, editor, SERVICE_QUERY);
  expect(await monacoValue(editor)).toBe(SERVICE_QUERY);
  await page.getByTestId('run-query').click();

  const traceButtons = page.getByTestId('trace-list').getByRole('button');
  await expect(traceButtons.first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Search results table' })).toBeVisible();
  const ids = await traceButtons.allInnerTexts();
  expect(ids.length).toBeGreaterThan(0);
  // Every listed trace really has an auth-service span, according to Jaeger itself.
  for (const id of ids.slice(0, 5)) {
    const trace = await jaegerTrace(id.trim());
    expect(trace, `trace ${id} exists in Jaeger`).toBeDefined();
    expect(servicesOf(trace!)).toContain('auth-service');
  }

  expect(watch.externalRequests, 'nothing (Monaco included) is fetched from outside the machine').toEqual([]);
  expect(watch.pageErrors).toEqual([]);
  await saveScreenshot(page, 'explore-search');
});

test('opening a trace shows its trace frame as JSON with every span Jaeger has', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();
  await typeIntoMonaco(page, editor, SERVICE_QUERY);
  await page.getByTestId('run-query').click();

  const first = page.getByTestId('trace-list').getByRole('button').first();
  await expect(first).toBeVisible();
  const traceId = (await first.innerText()).trim();
  await first.click();

  const json = page.getByTestId('trace-json').locator('pre');
  await expect(json).toContainText(traceId);
  const frames = JSON.parse(await json.innerText()) as Array<{ fields: Array<{ name: string; values: unknown[] }> }>;
  const spanIds = frames[0].fields.find((field) => field.name === 'spanID')?.values ?? [];
  const truth = await jaegerTrace(traceId);
  expect(spanIds.length).toBe(truth?.spans.length);
  await saveScreenshot(page, 'explore-trace');
});

test('an invalid query shows the error at its position', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();

  // The value is missing: the parser stops at the closing brace, line 1 column 27.
  const invalid = '{ resource.service.name = }';
  await typeIntoMonaco(page, editor, invalid);
  expect(await monacoValue(editor)).toBe(invalid);
  await page.getByTestId('run-query').click();

  await expect(page.getByTestId('query-error').first()).toBeVisible();
  await expect(page.getByTestId('query-error').first()).toContainText(/1:27|column 27/);
  await expect
    .poll(async () => (await monacoMarkers(editor)).map((marker) => `${marker.startLineNumber}:${marker.startColumn}`))
    .toContain('1:27');
  await expect(page.getByTestId('trace-list')).toHaveCount(0);
  await saveScreenshot(page, 'explore-invalid-query');
});

// Regression #19: the tabs snapped back to TraceQL and reran `{}` (the page ran the query it had
// before the editor's onChange, and wrote that back to the URL).
test('switching the query type runs that type and keeps its tab, as in Grafana', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const types = page.getByTestId(selectors.query.type);
  await expect(page.getByTestId(selectors.query.editor).locator('.monaco-editor[data-uri]')).toBeVisible();

  await types.getByRole('radio', { name: 'Service graph' }).check({ force: true });
  await expect(page.getByTestId('frame-table-nodes')).toBeVisible();
  await expect(types.getByRole('radio', { name: 'Service graph' })).toBeChecked();
  expect(decodeURIComponent(page.url())).toContain('"queryType":"serviceGraph"');

  await types.getByRole('radio', { name: 'Sampling' }).check({ force: true });
  await expect(types.getByRole('radio', { name: 'Sampling' })).toBeChecked();
  await expect(page.getByTestId('frame-table-nodes')).toHaveCount(0);
  expect(decodeURIComponent(page.url())).toContain('"queryType":"sampling"');
  await saveScreenshot(page, 'explore-sampling-type');
});
