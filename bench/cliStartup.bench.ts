/**
 * How long `tracelens parse` takes from exec to exit: the built CLI (dist-cli/, what `npm install -g`
 * gives) against the sources through tsx (bin/tracelens.js, what a checkout runs without a build),
 * with bare `node -e 0` as the floor neither can go below. Each is a fresh process, interleaved over
 * rounds so load from other jobs hits all three alike; the bar is under 200 ms for the
 * built one. Skips when dist-cli/ is not built (`npm run build` or `npm run build:cli`).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { formatMs, formatRatio, timeInterleaved, type Variant } from './measure';

const ROOT = resolve(__dirname, '..');
const BUILT = join(ROOT, 'dist-cli', 'tracelens.js');
const SOURCE = join(ROOT, 'bin', 'tracelens.js');
const QUERY = '{ resource.service.name = "api-gateway" && duration > 100ms } >> { status = error } | count() > 1';
const ROUNDS = Number(process.env.BENCH_CLI_ROUNDS ?? 15);

function exec(args: string[]): Variant['run'] {
  return () => {
    const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
    if (r.status !== 0) {
      throw new Error(`node ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    }
    return r.stdout.length;
  };
}

export default async function cliStartup(): Promise<string[]> {
  if (!existsSync(BUILT)) {
    return ['skipped: dist-cli/tracelens.js is not built (npm run build:cli)'];
  }
  const [floor, built, source] = timeInterleaved(
    [
      { name: 'node -e 0', run: exec(['-e', '0']) },
      { name: 'built (dist-cli)', run: exec([BUILT, 'parse', QUERY]) },
      { name: 'source via tsx', run: exec([SOURCE, 'parse', QUERY]) },
    ],
    ROUNDS
  );
  const row = (t: typeof floor) => `${t.name.padEnd(18)} median ${formatMs(t.medianMs)}, min ${formatMs(t.minMs)}`;
  return [
    `tracelens parse, exec to exit, ${ROUNDS} interleaved rounds:`,
    row(floor),
    row(built),
    row(source),
    `built is ${formatRatio(source.medianMs / built.medianMs)} faster than tsx; ` +
      `${formatMs(built.medianMs - floor.medianMs)} above bare Node (${formatRatio(built.medianMs / floor.medianMs)})`,
  ];
}
