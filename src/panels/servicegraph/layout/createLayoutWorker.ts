/**
 * Starting the layout worker inside a Grafana plugin. Webpack 5 turns exactly this
 * `new Worker(new URL('…', import.meta.url))` form into a separate chunk whose URL is the bundle's
 * publicPath (`public/plugins/tracelens-app/`) plus the chunk file name, resolved against the
 * document's base URL: that is where Grafana serves the app's files, nested plugins included, so the
 * URL resolves for the AMD-loaded module. When Grafana loads plugins from a CDN on another origin,
 * the constructor throws a SecurityError; and where Worker does not exist (jsdom, some embedders)
 * there is nothing to start. In both cases this returns undefined and the panel lays out on the
 * main thread (well under a second for 2,000 services, see bench/servicegraph.bench.ts). A worker
 * that starts but fails later (the chunk 404s, CSP) is handled by the runner the same way.
 */
export function createLayoutWorker(): Worker | undefined {
  if (typeof Worker === 'undefined') {
    return undefined;
  }
  try {
    return new Worker(new URL('../layout.worker.ts', import.meta.url));
  } catch {
    return undefined;
  }
}
