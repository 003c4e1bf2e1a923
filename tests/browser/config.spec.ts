import { APIRequestContext, expect, test } from '@playwright/test';

import { selectors } from '../../src/datasource/selectors';
import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage, saveScreenshot } from './support/sandboxPage';

test.beforeAll(() => requireBuilt('datasource'));

const UID = 'tracelens-jaeger';
const TOKEN = 'sandbox-token-42';

interface Settings {
  version: number;
  jsonData: Record<string, unknown>;
  secureJsonFields: Record<string, boolean>;
}

async function readSettings(request: APIRequestContext): Promise<Settings> {
  return (await request.get(`/api/datasources/uid/${UID}`)).json();
}

/** Puts the provisioned settings back, dropping any secret the test stored. */
async function restore(request: APIRequestContext, original: Settings): Promise<void> {
  const current = await readSettings(request);
  const dropped = Object.keys(current.secureJsonFields).filter((key) => !original.secureJsonFields[key]);
  await request.put(`/api/datasources/uid/${UID}`, {
    data: { ...original, secureJsonFields: Object.fromEntries(dropped.map((key) => [key, false])) },
  });
}

test('the config editor saves options: jsonData is stored and the data source tests healthy', async ({
  page,
  request,
}) => {
  const original = await readSettings(request);
  try {
    await openSandboxPage(page, `/config/${UID}`);
    await expect(page.getByTestId('config-editor')).toBeVisible();

    const depth = page.getByTestId(selectors.config.searchDepth);
    await depth.fill('321');
    await depth.blur();
    await page.getByTestId('save-and-test').click();

    await expect(page.getByTestId('test-result')).toBeVisible();
    await expect(page.getByTestId('test-result')).toContainText(/./);
    await expect(page.getByTestId('stored-jsondata')).toContainText('"searchDepth": 321');
    const saved = await readSettings(request);
    expect(saved.jsonData.searchDepth).toBe(321);
    expect(saved.version).toBe(original.version + 1);
    await saveScreenshot(page, 'config-saved');
  } finally {
    await restore(request, original);
  }
});

test('a bearer token goes to secureJsonData: stored as a flag, never returned to the browser', async ({
  page,
  request,
}) => {
  const original = await readSettings(request);
  try {
    await openSandboxPage(page, `/config/${UID}`);
    await expect(page.getByTestId('config-editor')).toBeVisible();
    // The one Authentication section (plugin-ui's Auth) picks the method in a Select.
    const auth = page.getByTestId(selectors.config.authType);
    await auth.getByLabel('Authentication method').click();
    await page.getByText('Bearer token', { exact: true }).click();
    await page.getByTestId(selectors.config.bearerToken).fill(TOKEN);
    await page.getByTestId('save-and-test').click();

    await expect(page.getByTestId('test-result')).toBeVisible();
    const secureFields = page.getByTestId('stored-secure-fields');
    await expect(secureFields).toContainText('httpHeaderValue');
    await expect(page.getByTestId('stored-jsondata')).toContainText('"authType": "bearer"');
    await expect(page.getByTestId('stored-jsondata')).not.toContainText(TOKEN);

    const body = await (await request.get(`/api/datasources/uid/${UID}`)).text();
    expect(body).not.toContain(TOKEN);
    const saved = JSON.parse(body) as Settings;
    expect(Object.values(saved.secureJsonFields)).toContain(true);
    // The boot data of a freshly loaded page must not carry the token either.
    await page.reload();
    expect(await page.content()).not.toContain(TOKEN);
    await saveScreenshot(page, 'config-secret-saved');
  } finally {
    await restore(request, original);
  }
});

// Regression #19: the provisioned Tempo without a URL reported "Tempo rejected the request (HTTP
// 400) … buildinfo" instead of saying what is wrong.
test('testing a data source saved without a URL says no URL is configured', async ({ page }) => {
  await openSandboxPage(page, '/config/tracelens-tempo');
  await expect(page.getByTestId(selectors.config.noUrl)).toBeVisible();
  await page.getByTestId('save-and-test').click();
  const result = page.getByTestId('test-result');
  await expect(result).toContainText('No URL configured: TraceLens cannot reach Tempo');
  await expect(result).not.toContainText('HTTP');
  await saveScreenshot(page, 'config-tempo-no-url');
});
