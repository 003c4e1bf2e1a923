import { flagValue, type ParsedArgs } from '../args';
import { TraceLensError } from '../../core/errors';
import type { CliIO } from '../types';

export type OutputFormat = 'json' | 'table';

export const OUTPUT_FLAG = { name: 'output', type: 'value' as const };

export const OUTPUT_HELP = `  --output F          table (default when stdout is a terminal) or json (default otherwise)`;

/**
 * `--output`, or by default a table for a person at a terminal and JSON for a pipe or a file, so
 * scripts that read the JSON keep working unchanged.
 */
export function outputFormat(args: ParsedArgs, io: CliIO): OutputFormat {
  const raw = flagValue(args, 'output');
  if (raw === undefined) {
    return io.stdoutIsTTY === true ? 'table' : 'json';
  }
  if (raw === 'json' || raw === 'table') {
    return raw;
  }
  throw new TraceLensError('input', `--output must be table or json, got ${JSON.stringify(raw)}`);
}
