import { ThemeId } from './bootData';

// JSON inside <script> must not be able to close the tag or open a comment.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * The single HTML page every sandbox route serves. Boot data must exist before the host bundle
 * runs, because @grafana/runtime builds `config` from `window.grafanaBootData` when it is imported.
 */
export function renderHostPage(
  bootData: Record<string, unknown>,
  sandbox: Record<string, unknown>,
  theme: ThemeId
): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>TraceLens sandbox</title>
    <base href="/" />
    <link rel="stylesheet" href="/host/host.css" />
    <script>
      window.grafanaBootData = ${scriptSafeJson(bootData)};
      window.__tracelensSandbox = ${scriptSafeJson(sandbox)};
    </script>
    <script src="/vendor/require.js"></script>
    <script src="/host/host.js" defer></script>
  </head>
  <body class="theme-${theme}">
    <div id="reactRoot"></div>
  </body>
</html>
`;
}
