import { Page, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { extentOf, jaegerTrace, servicesOf } from './support/jaeger';
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

async function searchFor(page: Page, query: string): Promise<void> {
  await openSandboxPage(page, '/explore');
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();
  await typeIntoMonaco(page, editor, query);
  await page.getByTestId('run-query').click();
  await expect(page.getByTestId('trace-list').getByRole('button').first()).toBeVisible();
}

// Regression #19: opening a trace showed the frame as JSON; Grafana shows a waterfall.
test('opening a trace shows a waterfall of every span Jaeger has, with span details', async ({ page }) => {
  await searchFor(page, SERVICE_QUERY);
  const first = page.getByTestId('trace-list').getByRole('button').first();
  const traceId = (await first.innerText()).trim();
  await first.click();

  const waterfall = page.getByTestId('trace-waterfall');
  await expect(waterfall).toBeVisible();
  await expect(page.getByTestId('trace-frame-problems')).toHaveCount(0);
  const truth = await jaegerTrace(traceId);
  expect(truth).toBeDefined();
  const rows = waterfall.getByTestId('trace-span-row');
  await expect(rows).toHaveCount(truth!.spans.length);
  // Every service of the trace is in the colour legend, and every row has a bar on the time axis.
  for (const service of servicesOf(truth!)) {
    await expect(waterfall.getByLabel('Services')).toContainText(service);
  }
  await expect(waterfall.getByTestId('trace-span-bar')).toHaveCount(truth!.spans.length);

  // The auth-service span's details carry the attributes Jaeger stored for it.
  const authSpan = truth!.spans.find(
    (span) =>
      truth!.processes[span.processID]?.serviceName === 'auth-service' && span.tags.some((t) => t.key === 'http.route')
  );
  expect(authSpan).toBeDefined();
  const row = rows.filter({ hasText: `auth-service ${authSpan!.operationName}` }).first();
  await row.getByRole('button', { name: /auth-service/ }).click();
  const details = page.getByTestId('trace-span-details');
  await expect(details.getByTestId('span-summary')).toContainText('auth-service');
  await expect(details.getByTestId('span-resource')).toContainText('service.name');
  // http.route is one of the attributes the demo's HTTP instrumentation sets on the server span.
  const route = authSpan!.tags.find((tag) => tag.key === 'http.route');
  expect(route).toBeDefined();
  await expect(details.getByTestId('span-attributes')).toContainText(`http.route${String(route!.value)}`);
  await saveScreenshot(page, 'explore-trace');
});

// Regression #19: the cell menu showed "Trace: ${__value.raw}" and frame notices were never shown.
test('search results interpolate their data links and show the frame notice', async ({ page }) => {
  await searchFor(page, '{ }');
  // `{ }` names no service, so the data source fans out over Jaeger's services and says so.
  await expect(page.getByTestId('frame-notice').first()).toContainText(/services/);

  const table = page.getByTestId('frame-table-Traces');
  const firstId = table.getByText(/^[0-9a-f]{32}$/).first();
  const traceId = (await firstId.innerText()).trim();
  await firstId.click();
  const traceLink = page.getByRole('link', { name: `Trace: ${traceId}` });
  await expect(traceLink).toBeVisible();
  // Without a logs backend the link says so where it is offered.
  await expect(page.getByRole('link', { name: /Logs for this trace \(Loki is not in the sandbox\)/ })).toBeVisible();
  await saveScreenshot(page, 'explore-link-menu', { fullPage: false });

  // The trace link opens that trace in Explore's trace view, as Grafana does.
  await traceLink.click();
  await expect(page.getByTestId('trace-waterfall')).toBeVisible();
  await expect(page.getByTestId('trace-view')).toContainText(traceId);
});

test('the logs link without a logs backend explains itself and shows the query it carries', async ({ page }) => {
  await searchFor(page, SERVICE_QUERY);
  const table = page.getByTestId('frame-table-Traces');
  const firstId = table.getByText(/^[0-9a-f]{32}$/).first();
  const traceId = (await firstId.innerText()).trim();
  const service = (
    await table.getByRole('row').filter({ hasText: traceId }).getByRole('cell').nth(2).innerText()
  ).trim();
  await firstId.click();
  const logsLink = page.getByRole('link', { name: /Logs for this trace/ });
  // The link Grafana builds for this row (the data source writes it only when asked): Loki, this
  // row's service and trace id, and the trace's own time shifted by the provisioned -5m / +5m.
  const pane = Object.values(
    JSON.parse(new URLSearchParams((await logsLink.getAttribute('href'))!.split('?')[1]).get('panes')!)
  )[0] as { datasource: string; queries: Array<{ expr: string }>; range: { from: string; to: string } };
  expect(pane.datasource).toBe('loki');
  expect(pane.queries[0].expr).toBe(`{service_name="${service}"} |= "${traceId}"`);
  const truth = extentOf((await jaegerTrace(traceId))!);
  expect(Math.abs(Number(pane.range.from) - Math.floor(truth.startMs - 300_000))).toBeLessThanOrEqual(1);
  expect(Math.abs(Number(pane.range.to) - Math.ceil(truth.endMs + 300_000))).toBeLessThanOrEqual(1);
  await logsLink.click();
  await expect(page.getByTestId('unavailable-datasource')).toContainText('Loki is not in the sandbox');
  // The query Grafana would run in Loki filters by this trace id (no template left unexpanded).
  const query = page.getByTestId('unavailable-datasource-query').first();
  await expect(query).toContainText(traceId);
  await expect(query).not.toContainText('${');
  await saveScreenshot(page, 'explore-logs-link');
});

test('a data source without a URL is marked in the picker and explained', async ({ page }) => {
  await openSandboxPage(page, '/explore');
  const tempo = page.getByRole('radio', { name: 'TraceLens (Tempo) (no URL)' });
  await expect(tempo).toBeAttached();
  await tempo.check({ force: true });
  await expect(page.getByTestId('datasource-without-url')).toContainText('has no URL configured');

  // Its queries fail saying why, not with the proxy's bare HTTP error (regression #19).
  const editor = page.getByTestId(selectors.query.editor);
  await expect(editor.locator('.monaco-editor[data-uri]')).toBeVisible();
  await page.getByTestId('run-query').click();
  await expect(page.getByTestId('query-error').first()).toContainText(
    'No URL configured: TraceLens cannot reach Tempo'
  );
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
