import { readFile } from 'node:fs/promises';
import { TraceLensError, errorMessage } from '../core/errors';
import type { CliIO } from './types';

/** Reads a whole file, or stdin for '-', as UTF-8; failures name the file and the reason. */
async function readInput(path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    }
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as { code?: string }).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : errorMessage(e);
    throw new TraceLensError('input', `cannot read ${JSON.stringify(path)}: ${reason}`, { cause: e });
  }
}

/**
 * The real process IO. The first SIGINT aborts the signal so a command can stop cleanly (cancel
 * requests, flush what it has); a second one exits at once.
 */
export function nodeIO(): { io: CliIO; dispose: () => void } {
  const controller = new AbortController();
  const onSigint = (): void => {
    if (controller.signal.aborted) {
      process.exit(130);
    }
    controller.abort();
  };
  process.on('SIGINT', onSigint);
  // `tracelens ... | head` closes stdout early; that is not a failure worth a stack trace.
  const onStdoutError = (e: NodeJS.ErrnoException): void => {
    if (e.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    throw e;
  };
  process.stdout.on('error', onStdoutError);
  const io: CliIO = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    readFile: readInput,
    signal: controller.signal,
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
  return {
    io,
    dispose: () => {
      process.off('SIGINT', onSigint);
      process.stdout.off('error', onStdoutError);
    },
  };
}
