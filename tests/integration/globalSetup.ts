/**
 * Uses the running stack if the state file says it is up and Jaeger already holds demo traffic;
 * otherwise starts it (or adds traffic to it) through scripts/stack/start.sh, then waits until Jaeger
 * holds the traffic's traces. Records whether it started the stack, so the teardown stops only that.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { countTraces, waitForTracesSettled } from '../../scripts/stack/jaegerCounts';
import { groupAlive } from '../../scripts/stack/processes';
import { allProcesses, readState, stateDirFromEnv } from '../../scripts/stack/stackState';

const ROOT = resolve(__dirname, '..', '..');
/** Enough demo requests for ~60 sampled traces with every error kind and the slow route. */
const TRAFFIC = Number(process.env.TRACELENS_IT_TRAFFIC ?? 160);
const MIN_DEMO_TRACES = 30;

export const STARTED_MARKER = 'integration-started-stack';

export default async function globalSetup(): Promise<void> {
  const dir = stateDirFromEnv();
  const before = readState(dir);
  const running = before !== undefined && allProcesses(before).every((p) => groupAlive(p.pid));
  let needTraffic = true;
  if (running) {
    const counts = await countTraces(before.jaeger.queryUrl, Date.now() - 6 * 3600_000, ['frontend', 'api-gateway']);
    needTraffic = (counts.tracesByService['frontend'] ?? 0) < MIN_DEMO_TRACES || !before.hotrod;
  }
  if (!running || needTraffic) {
    process.stderr.write(`\n[integration] ${running ? 'adding traffic to the running stack' : 'starting the stack'}\n`);
    execFileSync('bash', [join(ROOT, 'scripts/stack/start.sh'), '--traffic', String(TRAFFIC)], {
      stdio: ['ignore', 'ignore', 'inherit'],
      timeout: 10 * 60_000,
    });
  }
  const state = readState(dir);
  if (!state) {
    throw new Error(`scripts/stack/start.sh finished but left no state file in ${dir}`);
  }
  if (!running) {
    writeFileSync(join(dir, STARTED_MARKER), String(process.pid));
  }
  await waitForTracesSettled(state.jaeger.queryUrl, Date.now() - 6 * 3600_000, { minSpans: 50, timeoutMs: 60_000 });
}
