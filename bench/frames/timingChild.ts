/**
 * Child process for one bench row's timing (see timeRow.ts): JSON.parse of the body against the
 * data source's bytes → frames path, interleaved, and the two timings as one line of JSON.
 */
import { dataSourcePath } from './dataSourcePath';
import { readSpecFile } from './specFile';
import { timeInterleavedAsync } from '../measure';

async function main(): Promise<void> {
  const [specFile, rounds, warmup] = process.argv.slice(2);
  const input = readSpecFile(specFile);
  const text = input.body;
  const [parse, frames] = await timeInterleavedAsync(
    [
      { name: 'JSON.parse', run: () => JSON.parse(text) },
      { name: 'bytes → frames', run: dataSourcePath(input) },
    ],
    Number(rounds),
    Number(warmup)
  );
  process.stdout.write(`${JSON.stringify({ parse, frames })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
