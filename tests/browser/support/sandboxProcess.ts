import { ChildProcess, spawn } from 'child_process';

import { repoRoot } from './environment';

export interface SandboxProcess {
  url: string;
  stop: () => Promise<void>;
}

/**
 * Starts a second, private sandbox with its own environment and provisioning folder, for tests
 * that need data sources the project's provisioning does not have (auth against an echo server).
 */
export async function startSandbox(port: number, env: NodeJS.ProcessEnv): Promise<SandboxProcess> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'sandbox/server/main.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...env, SANDBOX_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid) {
      process.kill(-child.pid, 'SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`sandbox exited early:\n${output}`);
    }
    try {
      if ((await fetch(`${url}/api/health`)).ok) {
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`sandbox did not answer on ${url}:\n${output}`);
}
