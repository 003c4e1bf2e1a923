import type { CliIO } from './types';

/** An in-memory CliIO for command tests: captured output, files from a map, an abortable signal. */
export interface FakeIO extends CliIO {
  readonly out: () => string;
  readonly err: () => string;
  readonly abort: () => void;
}

export function fakeIO(
  files: Readonly<Record<string, string>> = {},
  env: Readonly<Record<string, string | undefined>> = {}
): FakeIO {
  let out = '';
  let err = '';
  const controller = new AbortController();
  return {
    stdout: (s) => {
      out += s;
    },
    stderr: (s) => {
      err += s;
    },
    readFile: async (path) => {
      if (!Object.prototype.hasOwnProperty.call(files, path)) {
        throw new Error(`no such file: ${path}`);
      }
      return files[path];
    },
    signal: controller.signal,
    env,
    out: () => out,
    err: () => err,
    abort: () => controller.abort(),
  };
}
