/**
 * Stops everything scripts/stack/start.ts started (each process group, newest first), then removes the
 * state file. Logs and the SQLite file stay in the state directory for inspection.
 */
import { stopGroup } from './processes';
import { allProcesses, type ManagedProcess, readState, removeState, stateDirFromEnv, stateFile } from './stackState';

export async function stopStack(dir: string = stateDirFromEnv()): Promise<string[]> {
  const state = readState(dir);
  if (!state) {
    return [`no stack state at ${stateFile(dir)}; nothing to stop`];
  }
  // Traffic sources first, together (they flush their last spans to Jaeger and Zipkin on SIGTERM),
  // the two trace stores last.
  const stores: ManagedProcess[] = [state.jaeger, ...(state.zipkin ? [state.zipkin] : [])];
  const sources = allProcesses(state).filter((p) => !stores.includes(p) && p.pid > 0);
  const report = await Promise.all(sources.map(async (p) => `${p.name} (pid ${p.pid}): ${await stopGroup(p.pid)}`));
  for (const store of stores.filter((p) => p.pid > 0)) {
    report.push(`${store.name} (pid ${store.pid}): ${await stopGroup(store.pid)}`);
  }
  removeState(dir);
  return report;
}

if (require.main === module) {
  stopStack()
    .then((lines) => process.stdout.write(lines.join('\n') + '\n'))
    .catch((e: unknown) => {
      process.stderr.write(`stack stop failed: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    });
}
