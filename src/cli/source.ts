/**
 * Where a command's traces come from: trace files (`--traces`) or a live backend (`--<name> URL`
 * for each registered backend: `--jaeger`, `--tempo`, ...) over a window (`--since`,
 * `--start`/`--end`). Shared by query, graph, latency and sampling so every command reads the same
 * flags the same way.
 */
import { BACKENDS, createBackend, type Backend, type BackendModule } from '../core/backends';
import { TraceLensError, errorMessage } from '../core/errors';
import { decodeTraces, parseJsonBody, type Trace } from '../core/model';
import { flagValue, flagValues, intFlag, type FlagSpec, type ParsedArgs } from './args';
import { CONNECTION_FLAGS, CONNECTION_HELP, connect } from './connection';
import { durationFlag, positiveDuration } from './duration';
import type { CliIO } from './types';

/** One `--<name> URL` flag per registered backend. */
export const BACKEND_FLAGS: readonly FlagSpec[] = BACKENDS.map((b) => ({ name: b.kind, type: 'value' }));

/** `--jaeger URL | --tempo URL | ...`, for usage lines. */
export const BACKEND_USAGE = BACKENDS.map((b) => `--${b.kind} URL`).join(' | ');

/** The backend flags' help lines, aligned like the rest of a command's help. */
export const BACKEND_HELP = BACKENDS.map((b) => `  ${`--${b.kind} URL`.padEnd(20)}${b.cliHelp}`).join('\n');

/** Every registered backend's display name, for help text: `Jaeger, Tempo, Zipkin`. */
export const BACKEND_LABELS = BACKENDS.map((b) => b.label).join(', ');

/** `a, b or c`. */
export function oneOf(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The live backend the flags name, if any; more than one is a usage error. */
export function liveBackendFlag(args: ParsedArgs): { module: BackendModule; url: string } | undefined {
  const given = BACKENDS.flatMap((module) => {
    const url = flagValue(args, module.kind);
    return url === undefined ? [] : [{ module, url }];
  });
  if (given.length > 1) {
    throw new TraceLensError('input', `give one backend, not ${oneOf(given.map((g) => `--${g.module.kind}`))}`);
  }
  return given[0];
}

export { durationFlag, positiveDuration };

export const SOURCE_FLAGS: readonly FlagSpec[] = [
  { name: 'traces', type: 'list', repeatable: true },
  ...BACKEND_FLAGS,
  { name: 'sampling-url', type: 'value' },
  { name: 'since', type: 'value' },
  { name: 'start', type: 'value' },
  { name: 'end', type: 'value' },
  { name: 'search-depth', type: 'value' },
  ...CONNECTION_FLAGS,
];

export const SOURCE_HELP = `  --traces FILE...    trace files in any supported format (Jaeger JSON, Jaeger api_v3, Tempo, OTLP JSON, Zipkin v2 JSON)
${BACKEND_HELP}
  --since D           live window ending now (default 1h)
  --start T, --end T  RFC3339 or Unix seconds/milliseconds/nanoseconds
  --search-depth N    most traces fetched per backend search (default 100)
${CONNECTION_HELP}`;

/** RFC3339 (nanosecond fractions kept) or a Unix time whose digit count says its unit. */
export function timeFlag(name: string, raw: string): bigint {
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

export interface TimeWindow {
  readonly start: bigint;
  readonly end: bigint;
}

/** --start/--end, else the fallback (the files' own extent), else --since (default 1h) ending now. */
export function windowFlags(args: ParsedArgs, fallback?: TimeWindow): TimeWindow {
  const start = flagValue(args, 'start');
  const end = flagValue(args, 'end');
  if (start !== undefined || end !== undefined) {
    const e = end !== undefined ? timeFlag('end', end) : BigInt(Date.now()) * 1_000_000n;
    const s = start !== undefined ? timeFlag('start', start) : e - 3_600_000_000_000n;
    if (e <= s) {
      throw new TraceLensError('input', '--end must be after --start');
    }
    return { start: s, end: e };
  }
  if (fallback) {
    return fallback;
  }
  const now = BigInt(Date.now()) * 1_000_000n;
  return { start: now - BigInt(positiveDuration('since', flagValue(args, 'since') ?? '1h')), end: now };
}

export function intOption(args: ParsedArgs, name: string, max: number): number | undefined {
  const r = intFlag(args, name, 1, max);
  if (!r.ok) {
    throw new TraceLensError('input', r.error);
  }
  return r.value;
}

/** First span start to last span start (+1 ns) of the traces: the window of a file-based run. */
export function extentOf(traces: readonly Trace[]): TimeWindow | undefined {
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

/** A backend's own file format where one recognises the body (Zipkin v2 JSON), else the model's formats. */
function decodeTraceFile(body: unknown): Trace[] {
  const format = BACKENDS.find((b) => b.traceFiles?.detect(body))?.traceFiles;
  return format ? format.decode(body) : decodeTraces(body);
}

/** Reads and decodes trace files; the same trace split over several files is merged span by span. */
export async function loadTraceFiles(files: readonly string[], io: CliIO): Promise<Trace[]> {
  const byId = new Map<string, Trace>();
  for (const file of files) {
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      throw new TraceLensError('input', `cannot read ${file}: ${errorMessage(e)}`, { cause: e });
    }
    for (const t of decodeTraceFile(parseJsonBody(text, file))) {
      const prev = byId.get(t.traceId);
      if (prev) {
        const ids = new Set(prev.spans.map((s) => s.spanId));
        byId.set(t.traceId, { ...prev, spans: [...prev.spans, ...t.spans.filter((s) => !ids.has(s.spanId))] });
      } else {
        byId.set(t.traceId, t);
      }
    }
  }
  return [...byId.values()];
}

export type Source =
  | { readonly kind: 'files'; readonly traces: Trace[]; readonly window: TimeWindow }
  | {
      readonly kind: 'backend';
      readonly backend: Backend;
      readonly window: TimeWindow;
      /** Where sampling strategies are read, and whether it was guessed rather than given. */
      readonly sampling?: { readonly url: string; readonly defaulted: boolean };
    };

/**
 * The sampling URL to try when none is given: a backend that serves strategies beside its query
 * API (Jaeger, port 5778) is asked on the query URL's host, so `--jaeger http://host:16686` implies
 * http://host:5778. Backends without a sampling endpoint have none.
 */
export function defaultSamplingUrl(
  module: Pick<BackendModule, 'samplingPort'>,
  backendUrl: string
): string | undefined {
  if (module.samplingPort === undefined) {
    return undefined;
  }
  try {
    const url = new URL(backendUrl);
    url.port = String(module.samplingPort);
    return url.origin;
  } catch {
    return undefined;
  }
}

/** Exactly one of --traces or a backend flag; anything else is a usage error (TraceLensError 'input'). */
export async function resolveSource(args: ParsedArgs, io: CliIO): Promise<Source> {
  const files = flagValues(args, 'traces');
  const backendFlags = BACKENDS.filter((b) => flagValue(args, b.kind) !== undefined);
  if ((files.length > 0 ? 1 : 0) + backendFlags.length !== 1) {
    const choices = ['--traces FILE...', ...BACKENDS.map((b) => `--${b.kind} URL`)];
    throw new TraceLensError('input', `give exactly one of ${oneOf(choices)}`);
  }
  if (files.length > 0) {
    const traces = await loadTraceFiles(files, io);
    return { kind: 'files', traces, window: windowFlags(args, extentOf(traces) ?? { start: 0n, end: 1n }) };
  }
  const live = liveBackendFlag(args) as { module: BackendModule; url: string };
  const givenSamplingUrl = flagValue(args, 'sampling-url');
  const samplingUrl = givenSamplingUrl ?? defaultSamplingUrl(live.module, live.url);
  const backend = createBackend({
    kind: live.module.kind,
    transport: connect(live.module.kind, live.url, args, io),
    samplingTransport: samplingUrl ? connect('sampling-url', samplingUrl, args, io) : undefined,
    searchDepth: intOption(args, 'search-depth', 100_000),
  });
  const sampling = samplingUrl ? { url: samplingUrl, defaulted: givenSamplingUrl === undefined } : undefined;
  return { kind: 'backend', backend, window: windowFlags(args), sampling };
}
