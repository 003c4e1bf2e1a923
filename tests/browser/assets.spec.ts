import { expect, test } from '@playwright/test';

import { requireBuilt } from './support/builtPlugins';
import { openSandboxPage } from './support/sandboxPage';

/*
 * Grafana's public/ assets that @grafana/ui loads at run time (the Inter and Roboto Mono fonts its
 * global styles declare, the icons <Icon> fetches) are served from npm packages, on every page.
 */
test.beforeAll(() => requireBuilt('datasource'));

const PAGES = ['/explore', '/dashboard', '/config'];

for (const url of PAGES) {
  test(`${url} loads every font and icon it asks for`, async ({ page }) => {
    const watch = await openSandboxPage(page, url);
    // The dashboard's panels show spinners and the time picker its arrows once they render.
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() =>
      [...document.fonts].filter((face) => face.status === 'loaded').map((face) => `${face.family} ${face.weight}`)
    );
    expect(fonts).toContain('Inter 400');
    expect(watch.missingAssets).toEqual([]);
    expect(watch.externalRequests).toEqual([]);
  });
}

test('an icon @grafana/ui does not bundle comes from the Unicons set', async ({ request }) => {
  for (const name of ['spinner', 'expand-arrows', 'angle-double-left']) {
    const response = await request.get(`/public/build/img/icons/unicons/${name}.svg`);
    expect(response.status(), name).toBe(200);
    expect(response.headers()['content-type']).toBe('image/svg+xml');
    expect(await response.text()).toMatch(/^<svg [^>]*viewBox="0 0 24 24"[^>]*><path /);
  }
  expect((await request.get('/public/build/img/icons/unicons/no-such-icon.svg')).status()).toBe(404);
  expect((await request.get('/public/build/img/icons/unicons/..%2F..%2Fpackage.json')).status()).toBe(404);
});
