/**
 * Times a row in its own process started with --single-threaded-gc. With V8's default helper
 * threads, the forced GC before each timed run leaves the previous variant's garbage to be swept
 * concurrently, and process CPU time charges that sweeping to whichever run comes next: JSON.parse
 * of the 1.35 MB Tempo answer measured 23–29 ms of CPU right after the bytes → frames run, 7 ms on
 * its own, so the Tempo ratio moved between 1.8x and 4x from run to run. On one thread every GC
 * pause belongs to the run that caused it, and the same rows agree within a few percent.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { Timing } from '../measure';
import type { FrameInput } from './inputs';
import { withSpecFile } from './specFile';

/** A row's three timings: JSON.parse alone, the floor (floor.ts), and the data source's path. */
export interface RowTimings {
  readonly parse: Timing;
  readonly floor: Timing;
  readonly frames: Timing;
}

export function timeRow(input: FrameInput, rounds: number, warmup: number): RowTimings {
  return withSpecFile(input, (specFile) => {
    const args = [...process.execArgv, '--single-threaded-gc', join(__dirname, 'timingChild.ts')];
    const r = spawnSync(process.execPath, [...args, specFile, String(rounds), String(warmup)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    });
    if (r.status !== 0) {
      throw new Error(`timing child for ${input.label} failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
    }
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as RowTimings;
  });
}
