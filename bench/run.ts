/**
 * `npm run bench [-- name...]`: runs every bench/*.bench.ts (or those whose file name contains one of
 * the given names). A bench's default export is `async () => string[]`; its lines are printed under
 * a header. A bench that cannot run here (say, it needs a server) returns a line saying it skipped
 * and why. Exits 1 if any bench throws, after running the rest.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Bench = () => Promise<string[]>;

function isBench(v: unknown): v is Bench {
  return typeof v === 'function';
}

async function loadBench(file: string): Promise<Bench> {
  const mod: unknown = await import(join(__dirname, file));
  // tsx may wrap a CommonJS default export once more.
  let candidate: unknown = (mod as { default?: unknown }).default;
  if (!isBench(candidate) && typeof candidate === 'object' && candidate !== null) {
    candidate = (candidate as { default?: unknown }).default;
  }
  if (!isBench(candidate)) {
    throw new Error(`${file} has no default export of type () => Promise<string[]>`);
  }
  return candidate;
}

export async function runBenches(filters: readonly string[], print: (line: string) => void): Promise<number> {
  const files = readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => filters.length === 0 || filters.some((name) => f.includes(name)))
    .sort();
  if (files.length === 0) {
    print(`no benches match ${filters.join(', ')}`);
    return 1;
  }
  let failures = 0;
  for (const file of files) {
    const name = file.replace(/\.bench\.ts$/, '');
    print(`\n== ${name} ==`);
    const t0 = performance.now();
    try {
      const bench = await loadBench(file);
      const lines: unknown = await bench();
      if (!Array.isArray(lines) || !lines.every((l) => typeof l === 'string')) {
        throw new Error(`${file} returned ${typeof lines}, not the string[] of result lines`);
      }
      for (const line of lines) {
        print(`  ${line}`);
      }
      print(`  (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    } catch (e) {
      failures++;
      print(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    }
  }
  print(failures === 0 ? `\n${files.length} benches ran` : `\n${failures} of ${files.length} benches failed`);
  return failures === 0 ? 0 : 1;
}

async function cli(): Promise<void> {
  const out: string[] = [];
  const print = (line: string): void => {
    out.push(line);
    process.stdout.write(`${line}\n`);
  };
  print(`node ${process.version}, ${new Date().toISOString()}`);
  const code = await runBenches(process.argv.slice(2), print);
  // Kept out of git (.gitignore): the last run's figures, for reports.
  const dir = join(__dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'latest.txt'), `${out.join('\n')}\n`);
  process.exitCode = code;
}

if (require.main === module) {
  void cli();
}
