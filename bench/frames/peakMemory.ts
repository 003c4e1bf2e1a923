/**
 * Peak resident memory of one bytes → frames run against JSON.parse of the same body alone, each in
 * its own child process (same modules loaded, same body read, garbage collected, peak mark reset
 * just before the run), so the figure is what the run itself adds on top of holding the response.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import type { FrameInput } from './inputs';
import { withSpecFile } from './specFile';

export interface PeakMemory {
  /** Median peak RSS over the repeats, in MB. */
  readonly parseMb: number;
  readonly pathMb: number;
  /** RSS just before the run (modules and the body), in MB. */
  readonly beforeMb: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

function runChild(specFile: string, variant: 'parse' | 'path'): { peakKb: number; beforeKb: number } {
  const r = spawnSync(process.execPath, [...process.execArgv, join(__dirname, 'memoryChild.ts'), specFile, variant], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (r.status !== 0) {
    throw new Error(`memory child (${variant}) failed: ${r.stderr || r.error?.message || `exit ${r.status}`}`);
  }
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as { peakKb: number; beforeKb: number };
}

/** Alternates parse and path children `repeats` times each; medians of their peaks. */
export function peakMemory(input: FrameInput, repeats: number): PeakMemory {
  return withSpecFile(input, (specFile) => {
    const parse: number[] = [];
    const path: number[] = [];
    const before: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const p = runChild(specFile, 'parse');
      parse.push(p.peakKb);
      before.push(p.beforeKb);
      path.push(runChild(specFile, 'path').peakKb);
    }
    return { parseMb: median(parse) / 1024, pathMb: median(path) / 1024, beforeMb: median(before) / 1024 };
  });
}
