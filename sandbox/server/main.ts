import http from 'http';
import path from 'path';

import { buildHost } from './buildHost';
import { createSandboxServer } from './server';

const repoRoot = path.resolve(__dirname, '..', '..');
const port = Number(process.env.SANDBOX_PORT ?? process.env.PORT ?? 3100);
const host = '127.0.0.1';

/**
 * provisioning/datasources/*.yaml takes backend URLs from the environment. On this machine the
 * local stack (scripts/stack) listens on Jaeger's and Zipkin's default ports, so those are the
 * defaults; Tempo and Loki do not run here and stay unset unless the caller points them somewhere.
 */
const LOCAL_STACK_DEFAULTS: NodeJS.ProcessEnv = {
  JAEGER_URL: 'http://127.0.0.1:16686',
  JAEGER_SAMPLING_URL: 'http://127.0.0.1:5778',
  ZIPKIN_URL: 'http://127.0.0.1:9411',
};

async function main(): Promise<void> {
  await buildHost(repoRoot);
  const env = { ...LOCAL_STACK_DEFAULTS, ...process.env };
  const server: http.Server = createSandboxServer({ repoRoot, env });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `sandbox: port ${port} is already in use on ${host}; set SANDBOX_PORT to another port`
        : `sandbox: ${error.message}`
    );
    process.exit(1);
  });
  server.listen(port, host, () => {
    console.log(`sandbox: TraceLens sandbox on http://${host}:${port}/explore`);
  });
  const stop = (): void => {
    server.close();
    server.closeAllConnections();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('sandbox: failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
