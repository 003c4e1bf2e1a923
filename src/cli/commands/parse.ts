import { formatDiagnostic, interpolateTemplateVariables, parseTraceQL } from '../../core/traceql';
import { flagSet, flagValues, parseArgs } from '../args';
import { toJson } from '../json';
import { EXIT_OK, EXIT_USAGE } from '../exitCodes';
import type { CliCommand } from '../types';

const USAGE = "tracelens parse [--compact] [--var name=value]... '<TraceQL query>'";

/** `tracelens parse`: the AST as JSON, or the first problem with line, column and a caret. */
export const parseCommand: CliCommand = {
  name: 'parse',
  summary: 'Parse and check a TraceQL query and print its syntax tree as JSON',
  usage:
    `${USAGE}\n\n` +
    '  --compact         print the JSON on one line\n' +
    '  --var name=value  a Grafana template variable ($name, ${name}); repeat a name for a multi-value variable\n\n' +
    'Exits 0 for a valid query, 2 (with the problem on stderr) for an invalid one.',
  async run(argv, io) {
    const parsed = parseArgs(argv, [
      { name: 'compact', type: 'boolean' },
      { name: 'var', type: 'value', repeatable: true },
    ]);
    if (!parsed.ok) {
      io.stderr(`tracelens parse: ${parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const { positionals } = parsed.args;
    if (positionals.length !== 1) {
      io.stderr(`tracelens parse: expected one query argument, got ${positionals.length}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const vars = templateVariables(flagValues(parsed.args, 'var'));
    if (typeof vars === 'string') {
      io.stderr(`tracelens parse: ${vars}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    // Diagnostics point into the interpolated text, which is what was parsed.
    const query = Object.keys(vars).length > 0 ? interpolateTemplateVariables(positionals[0], vars) : positionals[0];
    const result = parseTraceQL(query);
    if (!result.ok) {
      io.stderr(`tracelens parse: ${formatDiagnostic(query, result.error)}\n`);
      return EXIT_USAGE;
    }
    io.stdout(`${toJson(result.value, { compact: flagSet(parsed.args, 'compact') })}\n`);
    return EXIT_OK;
  },
};

/** `--var env=prod --var svc=a --var svc=b` → {env: 'prod', svc: ['a', 'b']}; a message if malformed. */
function templateVariables(specs: readonly string[]): Record<string, string | string[]> | string {
  const vars: Record<string, string | string[]> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq <= 0) {
      return `--var takes name=value, got ${JSON.stringify(spec)}`;
    }
    const name = spec.slice(0, eq);
    const value = spec.slice(eq + 1);
    const existing = Object.prototype.hasOwnProperty.call(vars, name) ? vars[name] : undefined;
    vars[name] = existing === undefined ? value : ([] as string[]).concat(existing, value);
  }
  return vars;
}
