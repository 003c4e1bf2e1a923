import { BACKENDS, BACKEND_KINDS, backendModule } from '../../core/backends';
import { differencesFromTempo, differencesText } from '../../core/plan';
import { errorMessage, isTraceLensError } from '../../core/errors';
import { parseQuery } from '../../core/query';
import { flagSet, flagValue, intFlag, parseArgs, type FlagSpec } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import { oneOf } from '../source';
import type { CliCommand } from '../types';
import { parseDurationFlag } from './query';

/** Each backend's own planning flags (`--tempo-version`, `--jaeger-api`), with the backend they belong to. */
const PLAN_FLAGS = BACKENDS.flatMap((b) => b.planner.flags.map((flag) => ({ flag, kind: b.kind })));

const USAGE = `tracelens explain --backend ${BACKEND_KINDS.join('|')} ${PLAN_FLAGS.map((f) => `[--${f.flag.name} X]`).join(' ')} [--search-depth N] [--since 1h] [--json] '<TraceQL>'`;

const HELP = `${USAGE}

Shows how a query would run, without contacting any server: what the backend is asked for (Jaeger's
search parameters, or the TraceQL Tempo runs) and what the TraceLens engine evaluates, and why.

  ${`--backend ${BACKEND_KINDS.join('|')}`.padEnd(22)}  which backend to plan for
${PLAN_FLAGS.map((f) => `  ${`--${f.flag.name} X`.padEnd(22)}  ${f.flag.help}`).join('\n')}
  --search-depth N        most traces per backend search (default 100)
  --since D               the time window ending now (default 1h)
  --json                  print the plan as JSON

Exits 0 on success, 2 for a bad query or usage.`;

const FLAGS: readonly FlagSpec[] = [
  { name: 'backend', type: 'value' },
  ...PLAN_FLAGS.map((f) => ({ name: f.flag.name, type: 'value' as const })),
  { name: 'search-depth', type: 'value' },
  { name: 'since', type: 'value' },
  { name: 'json', type: 'boolean' },
];

/** `tracelens explain`: the planner's split in words (or JSON). */
export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'Show what a query runs on a backend and what the engine finishes',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    const fail = (why: string) => {
      io.stderr(`tracelens explain: ${why}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    };
    if (!parsed.ok) {
      return fail(parsed.error);
    }
    const args = parsed.args;
    const backend = flagValue(args, 'backend');
    if (backend === undefined || !(BACKEND_KINDS as readonly string[]).includes(backend)) {
      return fail(
        backend === undefined
          ? '--backend is required'
          : `--backend must be ${oneOf([...BACKEND_KINDS])}, got ${backend}`
      );
    }
    if (args.positionals.length !== 1) {
      return fail(`expected one query argument, got ${args.positionals.length}`);
    }
    const foreign = PLAN_FLAGS.find((f) => f.kind !== backend && flagValue(args, f.flag.name) !== undefined);
    if (foreign) {
      return fail(`--${foreign.flag.name} only applies to --backend ${foreign.kind}`);
    }
    const depth = intFlag(args, 'search-depth', 1, 100_000);
    if (!depth.ok) {
      return fail(depth.error);
    }
    try {
      const root = parseQuery(args.positionals[0]);
      const now = BigInt(Date.now()) * 1_000_000n;
      const window = { start: now - BigInt(parseDurationFlag('since', flagValue(args, 'since') ?? '1h')), end: now };
      const module = backendModule(backend);
      const flags = Object.fromEntries(module.planner.flags.map((f) => [f.name, flagValue(args, f.name)]));
      const { text, json } = module.planner.explain(root, window, { searchDepth: depth.value, flags });
      io.stdout(
        flagSet(args, 'json')
          ? `${toJson({ ...(json as Record<string, unknown>), differencesFromTempo: differencesFromTempo(root) })}\n`
          : `${text}${differencesText(root)}\n`
      );
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens explain: ${errorMessage(e)}\n`);
      return isTraceLensError(e) && ['parse', 'validate', 'input'].includes(e.kind) ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
