/**
 * A bench input handed to a child process: the body in one file, the rest of the input as JSON in
 * another (bodies reach 144 MB, too large for an argument or a JSON string field).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FrameInput } from './inputs';

/** Runs `fn` with the path of a spec file for `input`; the files are removed afterwards. */
export function withSpecFile<T>(input: FrameInput, fn: (specFile: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tracelens-bench-'));
  try {
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, input.body);
    const { body: _body, ...rest } = input;
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify({ ...rest, bodyFile }));
    return fn(specFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The input a spec file describes, in the child. */
export function readSpecFile(specFile: string): FrameInput {
  const spec = JSON.parse(readFileSync(specFile, 'utf8')) as Omit<FrameInput, 'body'> & { bodyFile: string };
  const { bodyFile, ...rest } = spec;
  return { ...rest, body: readFileSync(bodyFile, 'utf8') };
}
