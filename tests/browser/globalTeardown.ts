import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { STACK_MARKER, repoRoot } from './support/environment';

/** Stops the stack only if globalSetup started it; a stack someone else runs is left alone. */
export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(STACK_MARKER)) {
    return;
  }
  fs.rmSync(STACK_MARKER, { force: true });
  execFileSync('bash', [path.join(repoRoot, 'scripts', 'stack', 'stop.sh')], { cwd: repoRoot, stdio: 'inherit' });
}
