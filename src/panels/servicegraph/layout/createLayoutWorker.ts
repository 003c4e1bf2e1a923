/**
 * Starting the layout worker inside a Grafana plugin.
 *
 * Webpack 5 turns `new Worker(new URL('…', import.meta.url))` into a separate chunk whose URL is the
 * bundle's publicPath (`public/plugins/tracelens-app/`) plus the chunk file, resolved against the
 * document's base URL: where Grafana serves the app's files, nested plugins included. But this build
 * emits AMD (Grafana loads plugins with SystemJS/AMD), and the worker chunk is wrapped the same way:
 * `define(() => …)`. A worker has no `define`, so starting the chunk directly fails (checked in a
 * production build: the chunk begins with `define(()=>`).
 *
 * So the URL webpack computes is captured (by letting webpack's rewritten `new Worker(url)` call a
 * stand-in for a moment), and the real worker is a small same-origin Blob script that defines a
 * one-line `define` and then importScripts() the chunk. importScripts also works when Grafana serves
 * plugins from a CDN on another origin, where `new Worker(url)` would throw a SecurityError.
 *
 * Returns undefined where Worker, Blob or object URLs do not exist (jsdom, some embedders) or the
 * page forbids blob workers (CSP); the caller then lays out on the main thread, which takes well under
 * a second for 2,000 services (bench/servicegraph.bench.ts). A worker that starts but fails later
 * (the chunk 404s) is handled by the runner the same way.
 */
export function createLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined' || typeof Blob === 'undefined' || typeof URL.createObjectURL !== 'function') {
    return undefined;
  }
  const chunkUrl = workerChunkUrl();
  if (chunkUrl === undefined) {
    return undefined;
  }
  try {
    const blob = new Blob([workerBootstrap(chunkUrl)], { type: 'text/javascript' });
    return new Worker(URL.createObjectURL(blob));
  } catch {
    return undefined;
  }
}

/** The bootstrap script: an AMD `define` that just runs the factory, then the chunk itself. */
export function workerBootstrap(chunkUrl: string): string {
  return [
    'self.define = function (a, b) { var f = typeof a === "function" ? a : b; return f(); };',
    'self.define.amd = true;',
    `importScripts(${JSON.stringify(chunkUrl)});`,
  ].join('\n');
}

/** The absolute URL of the worker chunk, as webpack resolves it at run time. */
function workerChunkUrl(): string | undefined {
  const scope = globalThis as unknown as { Worker: unknown };
  const RealWorker = scope.Worker;
  let captured: string | undefined;
  scope.Worker = function CaptureUrl(url: URL | string) {
    captured = String(url);
  };
  try {
    // Must stay in exactly this form: it is what makes webpack emit the chunk and compute its URL.
    new Worker(new URL('../layout.worker.ts', import.meta.url));
  } catch {
    captured = undefined;
  } finally {
    scope.Worker = RealWorker;
  }
  return captured === undefined ? undefined : new URL(captured, document.baseURI).href;
}
