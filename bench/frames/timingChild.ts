/**
 * Child process for one bench row's timing (see timeRow.ts): JSON.parse of the body, the row's
 * floor (floor.ts) and the data source's bytes → frames path, interleaved, and the three timings as
 * one line of JSON. Before timing, the floor's row count must equal the data source's frame length.
 */
import { dataSourcePath } from './dataSourcePath';
import { checkFloor, floorPath } from './floor';
import { readSpecFile } from './specFile';
import { timeInterleavedAsync } from '../measure';

async function main(): Promise<void> {
  const [specFile, rounds, warmup] = process.argv.slice(2);
  const input = readSpecFile(specFile);
  const text = input.body;
  const path = dataSourcePath(input);
  const floor = floorPath(input);
  await checkFloor(input, floor, path);
  const [parse, floorTiming, frames] = await timeInterleavedAsync(
    [
      { name: 'JSON.parse', run: () => JSON.parse(text) },
      { name: 'floor', run: floor },
      { name: 'bytes → frames', run: path },
    ],
    Number(rounds),
    Number(warmup)
  );
  process.stdout.write(`${JSON.stringify({ parse, floor: floorTiming, frames })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
