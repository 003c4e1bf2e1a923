import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';

import { STACK_MARKER, jaegerUrl, repoRoot } from './support/environment';

async function jaegerAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/services`, { signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * The browser tests read live traces, so the real Jaeger stack must be up. When it is not (a run
 * outside scripts/test-all.sh), start it with traffic and leave a marker so teardown stops it.
 * Whether dist/ is built is checked per spec (support/builtPlugins.ts), so the proxy tests still run.
 */
export default async function globalSetup(): Promise<void> {
  fs.rmSync(STACK_MARKER, { force: true });
  if (await jaegerAnswers(jaegerUrl)) {
    return;
  }
  const start = path.join(repoRoot, 'scripts', 'stack', 'start.sh');
  if (!fs.existsSync(start)) {
    throw new Error(`Jaeger does not answer at ${jaegerUrl} and scripts/stack/start.sh is missing`);
  }
  fs.mkdirSync(path.dirname(STACK_MARKER), { recursive: true });
  fs.writeFileSync(STACK_MARKER, new Date().toISOString());
  execFileSync('bash', [start, '--traffic', '200'], { cwd: repoRoot, stdio: 'inherit', timeout: 15 * 60_000 });
}
