/**
 * Bytes → frames in Chromium, where the data source runs: the rows of frames.bench.ts at 10k spans
 * and the search answers, bundled with esbuild, served from 127.0.0.1 and timed in a headless page
 * (Debian's chromium through playwright-core). Ratios are of wall time against JSON.parse of the
 * same bytes in the same page, medians of interleaved rounds.
 *
 * Each row also times its floor (frames/floor.ts), as the Node rows do.
 *
 * Why beside the Node rows: those charge every collection to the run that caused it, on one GC
 * thread, which is the steadier figure; the browser collects young objects in parallel and
 * concurrently, so what a user waits for is a different, smaller ratio. Both are reported; the
 * issue's goals are judged on the Node rows.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { build } from 'esbuild';
import { chromium } from 'playwright-core';

import type { BrowserRow, BrowserTiming } from './frames/browserPage';
import { formatMs, formatRatio } from './measure';

const CHROMIUM = '/usr/bin/chromium';
const ROWS: ReadonlyArray<{ row: BrowserRow; goal: number }> = [
  { row: 'v1', goal: 1.2 },
  { row: 'api_v3', goal: 1.2 },
  { row: 'tempo', goal: 1.2 },
  { row: 'search-v1', goal: 1.5 },
  { row: 'search-api_v3', goal: 1.5 },
  { row: 'search-tempo', goal: 1.5 },
];
const ROUNDS = 15;
const WARMUP = 3;

async function bundle(dir: string): Promise<string> {
  const outfile = join(dir, 'page.js');
  await build({
    entryPoints: [join(__dirname, 'frames', 'browserPage.ts')],
    bundle: true,
    outfile,
    platform: 'browser',
    format: 'iife',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    // @grafana/ui brings stylesheets and fonts the frame code never uses.
    loader: { '.css': 'empty', '.ttf': 'empty', '.woff': 'empty', '.woff2': 'empty', '.svg': 'empty', '.png': 'empty' },
    plugins: [
      {
        name: 'no-node-globals',
        setup(b) {
          b.onResolve({ filter: /\/nodeGlobals$/ }, () => ({ path: 'nodeGlobals', namespace: 'empty' }));
          b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: '' }));
        },
      },
    ],
  });
  return outfile;
}

/** Serves the page and its bundle on an ephemeral loopback port (a page needs an origin for storage). */
function serve(script: string): Promise<{ server: Server; url: string }> {
  const html = '<!doctype html><html><body><script src="/page.js"></script></body></html>';
  const js = readFileSync(script);
  const server = createServer((req, res) => {
    if (req.url === '/page.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}

export default async function bench(): Promise<string[]> {
  if (!existsSync(CHROMIUM)) {
    return [`skipped: ${CHROMIUM} is not installed (apt-get install chromium)`];
  }
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-browser-bench-'));
  const { server, url } = await serve(await bundle(dir));
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const lines = [
    `bytes → frames in headless Chromium vs JSON.parse of the same bytes in the same page; medians of ${ROUNDS} ` +
      `interleaved rounds after ${WARMUP} untimed, wall time, 50 ms idle after every run; a fresh page per row`,
  ];
  try {
    for (const { row, goal } of ROWS) {
      const page = await browser.newPage();
      try {
        await page.goto(url);
        await page.waitForFunction(() => 'tracelensBench' in globalThis);
        const t = await page.evaluate(
          ([r, rounds, warmup]) =>
            (
              globalThis as unknown as {
                tracelensBench: { run: (row: string, rounds: number, warmup: number) => Promise<BrowserTiming> };
              }
            ).tracelensBench.run(r, rounds, warmup),
          [row, ROUNDS, WARMUP] as const
        );
        const ratio = t.framesMs / t.parseMs;
        lines.push(
          `${t.label} (${t.megabytes.toFixed(1)} MB): ${formatRatio(ratio)} JSON.parse ` +
            `(${ratio <= goal ? 'within' : 'above'} the ${goal}x goal); JSON.parse ${formatMs(t.parseMs)}, ` +
            `bytes → frames ${formatMs(t.framesMs)}`,
          `  floor (frames/floor.ts): ${formatRatio(t.floorMs / t.parseMs)} JSON.parse; the data source is ` +
            `${formatRatio(t.framesMs / t.floorMs)} the floor`
        );
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
