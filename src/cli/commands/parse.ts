import { formatDiagnostic, parseTraceQL } from '../../core/traceql';
import { flagSet, parseArgs } from '../args';
import { toJson } from '../json';
import { EXIT_OK, EXIT_USAGE } from '../exitCodes';
import type { CliCommand } from '../types';

const USAGE = "tracelens parse [--compact] '<TraceQL query>'";

/** `tracelens parse`: the AST as JSON, or the first problem with line, column and a caret. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Parse and check a TraceQL query and print its syntax tree as JSON',
  usage: `${USAGE}\n\n  --compact  print the JSON on one line\n\nExits 0 for a valid query, 2 (with the problem on stderr) for an invalid one.`,
  async run(argv, io) {
    const parsed = parseArgs(argv, [{ name: 'compact', type: 'boolean' }]);
    if (!parsed.ok) {
      io.stderr(`tracelens parse: ${parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const { positionals } = parsed.args;
    if (positionals.length !== 1) {
      io.stderr(`tracelens parse: expected one query argument, got ${positionals.length}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const query = positionals[0];
    const result = parseTraceQL(query);
    if (!result.ok) {
      io.stderr(`tracelens parse: ${formatDiagnostic(query, result.error)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`${toJson(result.value, { compact: flagSet(parsed.args, 'compact') })}\n`);
    return EXIT_OK;
  },
};
