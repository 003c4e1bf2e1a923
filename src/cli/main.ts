import { errorMessage, isTraceLensError, type TraceLensErrorKind } from '../core/errors';
import { COMMANDS } from './commands';
import { secretsIn } from './connection';
import { BACKEND_LABELS } from './source';
import type { CliCommand, CliIO } from './types';

import { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE } from './exitCodes';

export { EXIT_FAILURE, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE };

/** Errors the user can fix by changing the query or the arguments; the rest are runtime failures. */
const USAGE_KINDS: ReadonlySet<TraceLensErrorKind> = new Set([
  'parse',
  'validate',
  'unsupported',
  'input',
  'forbidden-path',
]);

export function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    `tracelens: TraceQL over ${BACKEND_LABELS} and trace files from the command line`,
    '',
    'Usage: tracelens <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    `  ${'help'.padEnd(width)}  Show help for a command: tracelens help <command>`,
    '',
    'Exit codes: 0 ok, 2 bad query or usage, 1 runtime failure, 130 interrupted.',
    '',
  ].join('\n');
}

function commandHelp(command: CliCommand): string {
  return `${command.summary}\n\nUsage: ${command.usage}\n`;
}

function wantsHelp(argv: readonly string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') {
      return false;
    }
    if (arg === '--help' || arg === '-h') {
      return true;
    }
  }
  return false;
}

/**
 * Dispatches one CLI invocation and resolves to its exit code. Never rejects: whatever a command
 * throws becomes a message on stderr and an exit code chosen from the error's kind.
 */
export async function main(
  argv: readonly string[],
  rawIO: CliIO,
  commands: readonly CliCommand[] = COMMANDS
): Promise<number> {
  // Every message and notice goes through one redactor, whichever command or layer wrote it.
  const redactor = secretsIn(argv, rawIO.env ?? {});
  const io: CliIO = { ...rawIO, stderr: (s) => rawIO.stderr(redactor.text(s)) };
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(overview(commands));
    return EXIT_USAGE;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(overview(commands));
    return EXIT_OK;
  }
  if (name === 'help') {
    if (rest.length === 0) {
      io.stdout(overview(commands));
      return EXIT_OK;
    }
    const target = commands.find((c) => c.name === rest[0]);
    if (target === undefined) {
      io.stderr(`tracelens: unknown command ${JSON.stringify(rest[0])}\n\n${overview(commands)}`);
      return EXIT_USAGE;
    }
    io.stdout(commandHelp(target));
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`tracelens: unknown command ${JSON.stringify(name)}\n\n${overview(commands)}`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    io.stdout(commandHelp(command));
    return EXIT_OK;
  }
  try {
    const code = await command.run(rest, io);
    return io.signal.aborted ? EXIT_INTERRUPTED : code;
  } catch (e) {
    return reportFailure(command, e, io);
  }
}

function reportFailure(command: CliCommand, e: unknown, io: CliIO): number {
  if (io.signal.aborted || (isTraceLensError(e) && e.kind === 'cancelled')) {
    io.stderr(`tracelens ${command.name}: interrupted\n`);
    return EXIT_INTERRUPTED;
  }
  if (isTraceLensError(e)) {
    io.stderr(`tracelens ${command.name}: ${e.message}\n`);
    return USAGE_KINDS.has(e.kind) ? EXIT_USAGE : EXIT_FAILURE;
  }
  // Not one of ours: a bug or an environment failure. Say so plainly rather than dumping a stack.
  io.stderr(`tracelens ${command.name}: unexpected failure: ${errorMessage(e)}\n`);
  return EXIT_FAILURE;
}
