import { defineConfig } from '@playwright/test';

/*
 * Browser tests run against the sandbox (sandbox/server/main.ts), which loads the built dist/**\/module.js
 * the way Grafana does; there is no Grafana server on these machines. Chromium comes from Debian's
 * package, never from Playwright's download. The JSON report is what scripts/test-all.sh totals.
 */
const port = Number(process.env.SANDBOX_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests/browser',
  outputDir: 'test-results/browser-artifacts',
  globalSetup: './tests/browser/globalSetup.ts',
  globalTeardown: './tests/browser/globalTeardown.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // One worker: the machine is shared, and the tests share one sandbox and one Jaeger.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [['list'], ['json', { outputFile: 'test-results/browser.json' }]],
  use: {
    baseURL,
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
    trace: 'off',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    command: 'node --import tsx sandbox/server/main.ts',
    url: `${baseURL}/api/health`,
    reuseExistingServer: true,
    // The first start bundles the host page (React, @grafana/*, monaco) with esbuild.
    timeout: 180_000,
    env: { SANDBOX_PORT: String(port) },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
