import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findCopyClaims } from './copyClaims';

/**
 * CI's provenance check: no tracked file may say it was copied, ported or translated from an AGPL
 * project, or name their test data as its source (CONTRIBUTING.md, "Provenance").
 */
const ROOT = join(__dirname, '..', '..', '..');

/** This folder holds example claims on purpose; the lock file and images are not prose or code. */
const SKIP = [/^tests\/unit\/provenance\//, /^package-lock\.json$/, /\.(png|jpe?g|gif|ico|woff2?|ttf|svg)$/i];

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return out.split('\0').filter((f) => f !== '' && !SKIP.some((re) => re.test(f)));
}

describe('provenance', () => {
  const files = trackedFiles();

  it('scans the repository', () => {
    // A broken file list would make the check below pass vacuously.
    expect(files.length).toBeGreaterThan(200);
    expect(files).toContain('src/core/traceql/parser.ts');
  });

  it('has no file that says it was copied or translated from Grafana core, Tempo or Loki', () => {
    const found = files.flatMap((file) => {
      let text: string;
      try {
        text = readFileSync(join(ROOT, file), 'utf8');
      } catch {
        return []; // listed by git but deleted in the working tree
      }
      return findCopyClaims(text).map((c) => `${file}:${c.line}: ${c.text}`);
    });
    expect(found).toEqual([]);
  });
});
