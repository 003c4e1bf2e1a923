/**
 * Entry point of one demo service process: `tsx demo/services/main.ts <service>`.
 * Telemetry starts first; the service modules (and node:http through them) load only afterwards, so the
 * HTTP instrumentation is in place before any server or client exists.
 */
import { join } from 'node:path';

import { isServiceName, loadDemoConfig, SERVICE_NAMES, stateDir } from './config';
import { createLogger } from './logger';
import { startTelemetry } from './telemetry';

async function main(): Promise<void> {
  const name = process.argv[2] ?? '';
  if (!isServiceName(name)) {
    throw new Error(`usage: main.ts <service>; service must be one of ${SERVICE_NAMES.join(', ')}, got "${name}"`);
  }
  const config = loadDemoConfig();
  const dir = stateDir();
  const telemetry = await startTelemetry(name, config);
  const logger = createLogger(name, join(dir, 'logs', `${name}.log`));

  const { startService } = await import('./serviceApp');
  const modules = {
    frontend: () => import('./frontend'),
    'api-gateway': () => import('./apiGateway'),
    'auth-service': () => import('./authService'),
    'user-service': () => import('./userService'),
    database: () => import('./database'),
  } as const;
  const build = (await modules[name]()).default;
  const instance = build({ config, tracer: telemetry.tracer, logger, stateDir: dir });
  const server = await startService({
    name,
    host: config.host,
    settings: config.services[name],
    tracer: telemetry.tracer,
    logger,
    sampling: telemetry.sampling,
    routes: instance.routes,
  });
  logger.log('info', 'service started', { port: config.services[name].port, pid: process.pid });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    logger.log('info', 'service stopping', { signal });
    // Flush spans before exit, but never hang on a dead collector.
    const deadline = setTimeout(() => process.exit(0), 3000);
    deadline.unref();
    server.close();
    server.closeAllConnections();
    instance.close?.();
    telemetry
      .shutdown()
      .catch(() => undefined)
      .then(() => logger.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  process.stderr.write(`demo service failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
