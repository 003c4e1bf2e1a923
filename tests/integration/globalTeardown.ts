/** Stops the stack only if this run's global setup started it. */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { stateDirFromEnv } from '../../scripts/stack/stackState';
import { stopStack } from '../../scripts/stack/stop';
import { STARTED_MARKER } from './globalSetup';

export default async function globalTeardown(): Promise<void> {
  const dir = stateDirFromEnv();
  const marker = join(dir, STARTED_MARKER);
  if (existsSync(marker) && !process.env.TRACELENS_IT_KEEP_STACK) {
    const lines = await stopStack(dir);
    process.stderr.write(`[integration] stopped the stack it started:\n  ${lines.join('\n  ')}\n`);
  }
  rmSync(marker, { force: true });
}
