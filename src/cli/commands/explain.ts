import { errorMessage, isTraceLensError } from '../../core/errors';
import { explainPlan, jaegerCapabilities, planQuery, tempoCapabilities } from '../../core/plan';
import { parseQuery } from '../../core/query';
import { flagSet, flagValue, intFlag, parseArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import type { CliCommand } from '../types';
import { parseDurationFlag } from './query';

const USAGE =
  "tracelens explain --backend jaeger|tempo [--tempo-version X] [--jaeger-api v3|v1] [--search-depth N] [--since 1h] [--json] '<TraceQL>'";

const HELP = `${USAGE}

Shows how a query would run, without contacting any server: what the backend is asked for (Jaeger's
search parameters, or the TraceQL Tempo runs) and what the TraceLens engine evaluates, and why.

  --backend jaeger|tempo  which backend to plan for
  --tempo-version X       the Tempo version to plan for (default: the latest release)
  --jaeger-api v3|v1      the Jaeger search API to plan for (default v3)
  --search-depth N        most traces per backend search (default 100)
  --since D               the time window ending now (default 1h)
  --json                  print the plan as JSON

Exits 0 on success, 2 for a bad query or usage.`;

/** `tracelens explain`: the planner's split in words (or JSON). */
export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Show what a query runs on Jaeger or Tempo and what the engine finishes',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, [
      { name: 'backend', type: 'value' },
      { name: 'tempo-version', type: 'value' },
      { name: 'jaeger-api', type: 'value' },
      { name: 'search-depth', type: 'value' },
      { name: 'since', type: 'value' },
      { name: 'json', type: 'boolean' },
    ]);
    const fail = (why: string) => {
      io.stderr(`tracelens explain: ${why}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    };
    if (!parsed.ok) {
      return fail(parsed.error);
    }
    const args = parsed.args;
    const backend = flagValue(args, 'backend');
    if (backend !== 'jaeger' && backend !== 'tempo') {
      return fail(
        backend === undefined ? '--backend is required' : `--backend must be jaeger or tempo, got ${backend}`
      );
    }
    if (args.positionals.length !== 1) {
      return fail(`expected one query argument, got ${args.positionals.length}`);
    }
    const api = flagValue(args, 'jaeger-api') ?? 'v3';
    if (api !== 'v3' && api !== 'v1') {
      return fail(`--jaeger-api must be v3 or v1, got ${api}`);
    }
    if (backend === 'jaeger' && flagValue(args, 'tempo-version') !== undefined) {
      return fail('--tempo-version only applies to --backend tempo');
    }
    const depth = intFlag(args, 'search-depth', 1, 100_000);
    if (!depth.ok) {
      return fail(depth.error);
    }
    try {
      const root = parseQuery(args.positionals[0]);
      const now = BigInt(Date.now()) * 1_000_000n;
      const window = { start: now - BigInt(parseDurationFlag('since', flagValue(args, 'since') ?? '1h')), end: now };
      const caps =
        backend === 'jaeger'
          ? jaegerCapabilities(api, depth.value)
          : tempoCapabilities(flagValue(args, 'tempo-version') ?? '', depth.value);
      const { text, json } = explainPlan(planQuery(root, caps, window));
      io.stdout(flagSet(args, 'json') ? `${toJson(json)}\n` : `${text}\n`);
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens explain: ${errorMessage(e)}\n`);
      return isTraceLensError(e) && ['parse', 'validate', 'input'].includes(e.kind) ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
