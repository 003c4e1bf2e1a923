/**
 * Starting and stopping the stack's processes. Each one is spawned detached, so it leads its own process
 * group, with stdout and stderr appended to a log file; stopping signals the whole group (tsx and node,
 * HotROD's goroutines) and escalates to SIGKILL after a grace period, so nothing is left behind.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface SpawnSpec {
  command: string;
  args: string[];
  log: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export function spawnDetached(spec: SpawnSpec): number {
  mkdirSync(dirname(spec.log), { recursive: true });
  const fd = openSync(spec.log, 'a');
  try {
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: spec.env ?? process.env,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    if (child.pid === undefined) {
      throw new Error(`could not start ${spec.command}: no pid (is it executable?)`);
    }
    child.unref();
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** True while any process of the group is alive. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** SIGTERM to the group, SIGKILL after graceMs; resolves to how it ended. */
export async function stopGroup(pgid: number, graceMs = 5000): Promise<'not-running' | 'terminated' | 'killed'> {
  if (!groupAlive(pgid)) {
    return 'not-running';
  }
  signalGroup(pgid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) {
      return 'terminated';
    }
    await sleep(100);
  }
  signalGroup(pgid, 'SIGKILL');
  for (let i = 0; i < 20 && groupAlive(pgid); i++) {
    await sleep(100);
  }
  return 'killed';
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') {
      throw e;
    }
  }
}
