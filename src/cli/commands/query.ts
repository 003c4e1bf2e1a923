import { evaluateMetrics, evaluateMetricsInstant, searchTraces } from '../../core/engine';
import { errorMessage, isTraceLensError } from '../../core/errors';
import type { Trace } from '../../core/model';
import type { Backend } from '../../core/backends';
import { parseQuery, type Notice } from '../../core/query';
import { isMetricsQuery, type RootNode } from '../../core/traceql/ast';
import { flagValue, flagValues, parseArgs, type ParsedArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import { CONNECTION_FLAGS, CONNECTION_HELP } from '../connection';
import {
  BACKEND_FLAGS,
  BACKEND_HELP,
  BACKEND_LABELS,
  BACKEND_USAGE,
  durationFlag,
  extentOf,
  intOption,
  oneOf,
  positiveDuration,
  resolveSource,
  timeFlag,
  windowFlags,
} from '../source';
import type { CliCommand, CliIO } from '../types';

/** Kept under their old names for explain.ts and the tests. */
export const parseDurationFlag = durationFlag;
export const parseTimeFlag = timeFlag;

const USAGE = `tracelens query '<TraceQL>' --traces FILE... [--limit N] [--spss N] [--start T --end T] [--step D | --instant]
       tracelens query '<TraceQL>' ${BACKEND_USAGE} [--since 1h | --start T --end T] [--step D | --instant]
                       [--limit N] [--spss N] [--search-depth N] [--timeout 30s] [--header 'N: V']... [--compact]`;

const HELP = `${USAGE}

Evaluates a TraceQL query and prints the answer as JSON in Tempo's shapes: /api/search for a search,
/api/metrics/query_range for a metrics query (/api/metrics/query with --instant). Metrics follow
Tempo 2.9+: a range sample stamped t counts spans starting in (t - step, t], the range rounded out
to whole steps; an instant counts spans starting in [start, end]. Notices go to stderr.

  --traces FILE...    trace files in any supported format (Jaeger JSON, Jaeger api_v3, Tempo, OTLP JSON, Zipkin v2 JSON)
${BACKEND_HELP}
  --since D           live window ending now (default 1h)
  --start T, --end T  RFC3339 or Unix seconds/milliseconds/nanoseconds
  --step D            metrics step (default: the range divided into 60 steps)
  --instant           one metrics value over the whole window (Tempo's instant query)
  --limit N           most traces in a search answer (default 20)
  --spss N            spans per spanset (default 3)
  --search-depth N    most traces fetched per backend search (default 100)
${CONNECTION_HELP}

Exits 0 on success, 2 for a bad query or usage, 1 when the backend or a file fails.`;

const FLAGS = [
  { name: 'traces', type: 'list' as const, repeatable: true },
  ...BACKEND_FLAGS,
  { name: 'since', type: 'value' as const },
  { name: 'start', type: 'value' as const },
  { name: 'end', type: 'value' as const },
  { name: 'step', type: 'value' as const },
  { name: 'instant', type: 'boolean' as const },
  { name: 'limit', type: 'value' as const },
  { name: 'spss', type: 'value' as const },
  { name: 'search-depth', type: 'value' as const },
  ...CONNECTION_FLAGS,
  { name: 'compact', type: 'boolean' as const },
];

function stepFor(args: ParsedArgs, w: { start: bigint; end: bigint }): number {
  const raw = flagValue(args, 'step');
  return raw !== undefined ? positiveDuration('step', raw) : Math.max(1, Math.ceil(Number(w.end - w.start) / 60));
}

function isInstant(args: ParsedArgs): boolean {
  return flagValue(args, 'instant') === 'true';
}

function runFiles(root: RootNode, traces: Trace[], args: ParsedArgs): unknown {
  if (isMetricsQuery(root)) {
    const w = windowFlags(args, extentOf(traces) ?? { start: 0n, end: 1n });
    const r = isInstant(args)
      ? evaluateMetricsInstant(root, traces, { start: w.start, end: w.end })
      : evaluateMetrics(root, traces, { start: w.start, end: w.end, step: stepFor(args, w) });
    if (!r.ok) {
      throw r.error;
    }
    return r.response;
  }
  const r = searchTraces(root, traces, {
    limit: intOption(args, 'limit', 1_000_000),
    spss: intOption(args, 'spss', 100_000),
  });
  if (!r.ok) {
    throw r.error;
  }
  return r.response;
}

async function runLive(
  queryText: string,
  root: RootNode,
  backend: Backend,
  window: { start: bigint; end: bigint },
  args: ParsedArgs,
  io: CliIO
): Promise<unknown> {
  const w = { ...window, signal: io.signal };
  const printNotices = (notices: readonly Notice[]) =>
    notices.forEach((n) => io.stderr(`tracelens query: ${n.severity}: ${n.text}\n`));
  if (isMetricsQuery(root)) {
    const out = isInstant(args)
      ? await backend.metricsInstant(queryText, w)
      : await backend.metrics(queryText, { ...w, step: stepFor(args, w) });
    printNotices(out.notices);
    return out.response;
  }
  const out = await backend.search(queryText, {
    ...w,
    limit: intOption(args, 'limit', 100_000),
    spss: intOption(args, 'spss', 100_000),
  });
  printNotices(out.notices);
  return out.response;
}

/** `tracelens query`: TraceQL over trace files or a live backend, printed in Tempo's JSON shapes. */
export const queryCommand: CliCommand = {
  name: 'query',
  summary: `Run a TraceQL search or metrics query over trace files or a live backend (${BACKEND_LABELS})`,
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok) {
      io.stderr(`tracelens query: ${parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    const sources = [
      flagValues(args, 'traces').length > 0,
      ...BACKEND_FLAGS.map((f) => flagValue(args, f.name) !== undefined),
    ].filter(Boolean);
    if (args.positionals.length !== 1 || sources.length !== 1) {
      const why =
        args.positionals.length !== 1
          ? `expected one query argument, got ${args.positionals.length}`
          : `give exactly one of ${oneOf(['--traces', ...BACKEND_FLAGS.map((f) => `--${f.name}`)])}`;
      io.stderr(`tracelens query: ${why}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const queryText = args.positionals[0];
    if (isInstant(args) && flagValue(args, 'step') !== undefined) {
      io.stderr(
        `tracelens query: --instant takes no --step: an instant query is one value over the window\nUsage: ${USAGE}\n`
      );
      return EXIT_USAGE;
    }
    try {
      const root = parseQuery(queryText);
      const source = await resolveSource(args, io);
      const result =
        source.kind === 'files'
          ? runFiles(root, source.traces, args)
          : await runLive(queryText, root, source.backend, source.window, args, io);
      io.stdout(`${toJson(result, { compact: flagValue(args, 'compact') === 'true' })}\n`);
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens query: ${errorMessage(e)}\n`);
      // A bad query or flag is the caller's to fix (2); a backend or file that fails is a runtime failure (1).
      const usage =
        isTraceLensError(e) && (e.kind === 'parse' || e.kind === 'validate' || (e.kind === 'input' && !e.cause));
      return usage ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
