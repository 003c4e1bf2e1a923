import { nodeTransport } from '../../core/backends';
import { evaluateMetrics, searchTraces } from '../../core/engine';
import { errorMessage, isTraceLensError, TraceLensError } from '../../core/errors';
import { decodeTraces, parseJsonBody, type Trace } from '../../core/model';
import { createBackend, parseQuery, type Notice } from '../../core/query';
import { isMetricsQuery, type RootNode } from '../../core/traceql/ast';
import { flagValue, flagValues, intFlag, parseArgs, type ParsedArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import type { CliCommand, CliIO } from '../types';

const USAGE = `tracelens query '<TraceQL>' --traces FILE... [--limit N] [--spss N] [--start T --end T --step D]
       tracelens query '<TraceQL>' --jaeger URL | --tempo URL [--since 1h | --start T --end T] [--step D]
                       [--limit N] [--spss N] [--search-depth N] [--timeout 30s] [--compact]`;

const HELP = `${USAGE}

Evaluates a TraceQL query and prints the answer as JSON in Tempo's shapes: /api/search for a search,
/api/metrics/query_range for a metrics query. Notices (bounded samples, fan-out) go to stderr.

  --traces FILE...    trace files in any supported format (Jaeger JSON, Jaeger api_v3, Tempo, OTLP JSON)
  --jaeger URL        a live Jaeger query service (e.g. http://localhost:16686), through the planner
  --tempo URL         a live Tempo (e.g. http://localhost:3200), natively where its version allows
  --since D           live window ending now (default 1h)
  --start T, --end T  RFC3339 or Unix seconds/milliseconds/nanoseconds
  --step D            metrics step (default: the range divided into 60 steps)
  --limit N           most traces in a search answer (default 20)
  --spss N            spans per spanset (default 3)
  --search-depth N    most traces fetched per backend search (default 100)
  --timeout D         per-request timeout for live backends (default 30s)

Exits 0 on success, 2 for a bad query or usage, 1 when the backend or a file fails.`;

const FLAGS = [
  { name: 'traces', type: 'list' as const, repeatable: true },
  { name: 'jaeger', type: 'value' as const },
  { name: 'tempo', type: 'value' as const },
  { name: 'since', type: 'value' as const },
  { name: 'start', type: 'value' as const },
  { name: 'end', type: 'value' as const },
  { name: 'step', type: 'value' as const },
  { name: 'limit', type: 'value' as const },
  { name: 'spss', type: 'value' as const },
  { name: 'search-depth', type: 'value' as const },
  { name: 'timeout', type: 'value' as const },
  { name: 'compact', type: 'boolean' as const },
];

const UNITS: Record<string, number> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
  d: 86400e9,
  w: 604800e9,
};

/** `1h30m`, `15s`, `500ms` → nanoseconds. */
export function parseDurationFlag(name: string, raw: string): number {
  const parts = raw.trim().match(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h|d|w)/g);
  if (!parts || parts.join('') !== raw.trim()) {
    throw new TraceLensError('input', `--${name} must be a duration like 15s, 5m or 1h30m, got ${JSON.stringify(raw)}`);
  }
  return parts.reduce((sum, p) => {
    const m = /^(\d+(?:\.\d+)?)(.+)$/.exec(p) as RegExpExecArray;
    return sum + Number(m[1]) * UNITS[m[2]];
  }, 0);
}

/** RFC3339 (nanosecond fractions kept) or a Unix time whose digit count says its unit. */
export function parseTimeFlag(name: string, raw: string): bigint {
  const s = raw.trim();
  if (/^\d+$/.test(s)) {
    const n = BigInt(s);
    return s.length <= 11 ? n * 1_000_000_000n : s.length <= 14 ? n * 1_000_000n : s.length <= 17 ? n * 1000n : n;
  }
  const m = /^(.*T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(s);
  const ms = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
  if (!m || Number.isNaN(ms)) {
    throw new TraceLensError('input', `--${name} must be RFC3339 or Unix time, got ${JSON.stringify(raw)}`);
  }
  return BigInt(ms) * 1_000_000n + BigInt((m[2] ?? '').padEnd(9, '0') || '0');
}

function window(args: ParsedArgs, fallback?: { start: bigint; end: bigint }): { start: bigint; end: bigint } {
  const start = flagValue(args, 'start');
  const end = flagValue(args, 'end');
  if (start !== undefined || end !== undefined) {
    const e = end !== undefined ? parseTimeFlag('end', end) : BigInt(Date.now()) * 1_000_000n;
    const s = start !== undefined ? parseTimeFlag('start', start) : e - 3_600_000_000_000n;
    if (e <= s) {
      throw new TraceLensError('input', '--end must be after --start');
    }
    return { start: s, end: e };
  }
  if (fallback) {
    return fallback;
  }
  const now = BigInt(Date.now()) * 1_000_000n;
  return { start: now - BigInt(parseDurationFlag('since', flagValue(args, 'since') ?? '1h')), end: now };
}

function stepFor(args: ParsedArgs, w: { start: bigint; end: bigint }): number {
  const raw = flagValue(args, 'step');
  return raw !== undefined ? parseDurationFlag('step', raw) : Math.max(1, Math.ceil(Number(w.end - w.start) / 60));
}

function intOption(args: ParsedArgs, name: string, max: number): number | undefined {
  const r = intFlag(args, name, 1, max);
  if (!r.ok) {
    throw new TraceLensError('input', r.error);
  }
  return r.value;
}

/** The time span of the spans in the files, so a metrics query over files needs no --start/--end. */
function traceSpan(traces: readonly Trace[]): { start: bigint; end: bigint } | undefined {
  let min: bigint | undefined;
  let max: bigint | undefined;
  for (const t of traces) {
    for (const s of t.spans) {
      min = min === undefined || s.startTimeUnixNano < min ? s.startTimeUnixNano : min;
      max = max === undefined || s.startTimeUnixNano > max ? s.startTimeUnixNano : max;
    }
  }
  return min === undefined || max === undefined ? undefined : { start: min, end: max + 1n };
}

async function loadTraces(files: readonly string[], io: CliIO): Promise<Trace[]> {
  const byId = new Map<string, Trace>();
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      throw new TraceLensError('input', `cannot read ${file}: ${errorMessage(e)}`, { cause: e });
    }
    for (const t of decodeTraces(parseJsonBody(text, file))) {
      const prev = byId.get(t.traceId);
      // The same trace in several files (e.g. split exports) is merged span by span.
      byId.set(t.traceId, prev ? { ...prev, spans: mergeSpans(prev.spans, t.spans) } : t);
    }
  }
  return [...byId.values()];
}

function mergeSpans(a: Trace['spans'], b: Trace['spans']): Trace['spans'] {
  const ids = new Set(a.map((s) => s.spanId));
  return [...a, ...b.filter((s) => !ids.has(s.spanId))];
}

function runFiles(root: RootNode, traces: Trace[], args: ParsedArgs): unknown {
  if (isMetricsQuery(root)) {
    const w = window(args, traceSpan(traces) ?? { start: 0n, end: 1n });
    const r = evaluateMetrics(root, traces, { start: w.start, end: w.end, step: stepFor(args, w) });
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

async function runLive(queryText: string, root: RootNode, args: ParsedArgs, io: CliIO): Promise<unknown> {
  const jaeger = flagValue(args, 'jaeger');
  const tempo = flagValue(args, 'tempo');
  const url = (jaeger ?? tempo) as string;
  const timeout = flagValue(args, 'timeout');
  const transport = nodeTransport(url, {
    timeoutMs: timeout ? parseDurationFlag('timeout', timeout) / 1e6 : undefined,
  });
  const backend = createBackend({
    kind: jaeger !== undefined ? 'jaeger' : 'tempo',
    transport,
    searchDepth: intOption(args, 'search-depth', 100_000),
  });
  const w = { ...window(args), signal: io.signal };
  const printNotices = (notices: readonly Notice[]) =>
    notices.forEach((n) => io.stderr(`tracelens query: ${n.severity}: ${n.text}\n`));
  if (isMetricsQuery(root)) {
    const out = await backend.metrics(queryText, { ...w, step: stepFor(args, w) });
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

/** `tracelens query`: TraceQL over trace files or a live Jaeger/Tempo, printed in Tempo's JSON shapes. */
export const queryCommand: CliCommand = {
  name: 'query',
  summary: 'Run a TraceQL search or metrics query over trace files or a live Jaeger or Tempo',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok) {
      io.stderr(`tracelens query: ${parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    const sources = [flagValues(args, 'traces').length > 0, flagValue(args, 'jaeger'), flagValue(args, 'tempo')].filter(
      Boolean
    );
    if (args.positionals.length !== 1 || sources.length !== 1) {
      const why =
        args.positionals.length !== 1
          ? `expected one query argument, got ${args.positionals.length}`
          : 'give exactly one of --traces, --jaeger or --tempo';
      io.stderr(`tracelens query: ${why}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const queryText = args.positionals[0];
    try {
      const root = parseQuery(queryText);
      const files = flagValues(args, 'traces');
      const result = files.length
        ? runFiles(root, await loadTraces(files, io), args)
        : await runLive(queryText, root, args, io);
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
