/**
 * Child process for one peak-memory measurement (see peakMemory.ts): loads everything, reads the
 * body, collects garbage and resets the kernel's peak-RSS mark, then runs one variant (JSON.parse
 * alone, or the data source's bytes → frames path) and reports the peak RSS while the result is
 * still held. A fresh process per measurement keeps one run's heap from colouring the next.
 */
import { readFileSync, writeFileSync } from 'node:fs';

import { collectGarbage } from '../measure';
import { dataSourcePath } from './dataSourcePath';
import { readSpecFile } from './specFile';

function statusKb(field: 'VmHWM' | 'VmRSS'): number {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync('/proc/self/status', 'utf8'));
  if (!m) {
    throw new Error(`/proc/self/status has no ${field}`);
  }
  return Number(m[1]);
}

async function main(): Promise<void> {
  const [specFile, variant] = process.argv.slice(2);
  const input = readSpecFile(specFile);
  const body = input.body;
  const path = dataSourcePath(input);
  collectGarbage();
  collectGarbage();
  const rssBefore = statusKb('VmRSS');
  // Writing 5 to clear_refs resets the peak-RSS mark (VmHWM) to the current RSS (Linux ≥ 4.0).
  writeFileSync('/proc/self/clear_refs', '5');
  let held: unknown;
  if (variant === 'parse') {
    held = JSON.parse(body);
  } else {
    held = await path();
  }
  const peak = statusKb('VmHWM');
  process.stdout.write(`${JSON.stringify({ peakKb: peak, beforeKb: rssBefore, held: held !== undefined })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
