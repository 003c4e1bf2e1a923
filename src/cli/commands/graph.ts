import { runServiceGraphWithServerNodes } from '../../core/analysis/runners';
import {
  neighbourhoodGraph,
  buildServiceGraph,
  serviceGraphFromDependencies,
  type ServiceGraph,
} from '../../core/analysis/serviceGraph';
import { BACKENDS } from '../../core/backends';
import { errorMessage, isTraceLensError, TraceLensError } from '../../core/errors';
import type { Notice } from '../../core/query';
import { flagSet, flagValue, parseArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import { BACKEND_USAGE, SOURCE_FLAGS, SOURCE_HELP, intOption, oneOf, resolveSource } from '../source';
import { SCAN_FLAGS, SCAN_HELP, completenessFields, filesCompleteness, noticeLines, scanOptions } from '../scanFlags';
import type { Completeness } from '../../core/scan';
import { OUTPUT_FLAG, OUTPUT_HELP, outputFormat } from '../output/format';
import { graphTable } from '../output/reportTables';
import type { CliCommand } from '../types';

const USAGE = `tracelens graph (--traces FILE... | ${BACKEND_USAGE}) [--start T --end T | --since 1h]
                [--detail services|peers] [--max-traces N] [--dependencies] [--focus SERVICE [--hops N]] [--output table|json] [--compact]`;

/** The flags of backends with a dependencies API, for help and errors. */
const DEPENDENCY_FLAGS = BACKENDS.filter((b) => b.features.dependencies).map((b) => `--${b.kind} URL`);

const HELP = `${USAGE}

Prints the service dependency graph with RED figures, as a table at a terminal or as JSON:
  {"complete", "tracesScanned", "tracesAtLeast", "why", "covered", ...,
   "nodes": [{"id", "kind", "requests", "errors", "requestRate", "errorRate", "p50Ms", "p95Ms", "p99Ms", "avgMs"}],
   "edges": [{"source", "target", "requests", "errors", "requestRate", "errorRate", "p50Ms", "p95Ms", "p99Ms", "avgMs"}]}

Every trace in the window is read, through as many searches as that takes, up to --max-traces.
"complete" is true when every one was; when it is false, every count and rate is a lower bound,
"why" says what stopped the scan and "covered" the time ranges read completely. A service with a
service.namespace is identified as "namespace/name" (two deployments reusing a name stay apart).

A call counts once per callee entry span whose parent span is in another service; it failed when
that span has error status; its latency is that span's duration. With --detail peers, databases,
caches, queues and external peers appear too, named by the client span (peer.service, db.system,
messaging.system, server.address), with the client span's status and duration. Percentiles are exact
up to 2,048 calls per node or edge and within about 2% beyond. Rates are per second over the window.
On a Tempo that runs TraceQL metrics, service nodes carry Tempo's own figures for their server spans
over the whole window ("nodeFigures": "server"), exact whatever --max-traces; edges come from traces.

${SOURCE_HELP}
${SCAN_HELP}
  --detail D          services (default) or peers
  --dependencies      with ${oneOf(DEPENDENCY_FLAGS)}: the backend's own call counts (no errors or latency)
                      instead of traces
  --focus SERVICE     only SERVICE (its id, or its name when one deployment has it) and its callers
                      and callees up to --hops calls away (default 2)
${OUTPUT_HELP}
  --compact           one-line JSON`;

const FLAGS = [
  ...SOURCE_FLAGS,
  ...SCAN_FLAGS,
  { name: 'detail', type: 'value' as const },
  { name: 'dependencies', type: 'boolean' as const },
  { name: 'focus', type: 'value' as const },
  { name: 'hops', type: 'value' as const },
  { name: 'compact', type: 'boolean' as const },
  OUTPUT_FLAG,
];

function detailFlag(raw: string | undefined): 'services' | 'peers' {
  if (raw === undefined || raw === 'services' || raw === 'peers') {
    return raw ?? 'services';
  }
  throw new TraceLensError('input', `--detail must be services or peers, got ${JSON.stringify(raw)}`);
}

/** The node --focus names: an id, or a service name only one deployment has. */
function focusId(graph: ServiceGraph, focus: string): string {
  if (graph.nodes.some((n) => n.id === focus)) {
    return focus;
  }
  const byName = graph.nodes.filter((n) => n.service === focus);
  if (byName.length === 1) {
    return byName[0].id;
  }
  if (byName.length > 1) {
    throw new TraceLensError(
      'input',
      `--focus: ${byName.length} services are named ${JSON.stringify(focus)} (${byName.map((n) => n.id).join(', ')}); give one of those ids`
    );
  }
  throw new TraceLensError('input', `--focus: no service named ${JSON.stringify(focus)} in the graph`);
}

/** The JSON the command prints: stable key order, nothing the reader has to decode. */
export function graphReport(g: ServiceGraph) {
  return {
    windowSeconds: g.windowSeconds,
    source: g.source,
    ...(g.nodeFigures !== undefined ? { nodeFigures: g.nodeFigures } : {}),
    nodes: g.nodes.map((n) => ({
      id: n.id,
      kind: n.kind,
      ...(n.namespace !== undefined ? { namespace: n.namespace } : {}),
      ...(n.service !== undefined ? { service: n.service } : {}),
      ...(n.namedBy !== undefined ? { namedBy: n.namedBy } : {}),
      requests: n.requests,
      errors: n.errors,
      requestRate: n.requestRate,
      errorRate: n.errorRate,
      p50Ms: n.p50Ms,
      p95Ms: n.p95Ms,
      p99Ms: n.p99Ms,
      avgMs: n.avgMs,
    })),
    edges: g.edges.map((e) => ({
      source: e.source,
      target: e.target,
      requests: e.requests,
      errors: e.errors,
      requestRate: e.requestRate,
      errorRate: e.errorRate,
      p50Ms: e.p50Ms,
      p95Ms: e.p95Ms,
      p99Ms: e.p99Ms,
      avgMs: e.avgMs,
    })),
  };
}

/** `tracelens graph`: the service dependency graph with RED figures, for terminals and CI checks. */
export const graphCommand: CliCommand = {
  name: 'graph',
  summary: 'Service dependency graph with request rate, errors and p50/p95/p99 per service and call',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok || parsed.args.positionals.length > 0) {
      io.stderr(`tracelens graph: ${parsed.ok ? 'takes no positional arguments' : parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    try {
      const output = outputFormat(args, io);
      const detail = detailFlag(flagValue(args, 'detail'));
      const hops = intOption(args, 'hops', 100) ?? 2;
      const source = await resolveSource(args, io);
      const windowSeconds = Number(source.window.end - source.window.start) / 1e9;
      const scan = scanOptions(args);
      let graph: ServiceGraph;
      let notices: readonly Notice[] = [];
      // The backend's own aggregate counts every call it holds; TraceLens reads no traces for it.
      let completeness: Record<string, unknown> = { complete: true, tracesScanned: null };
      let scanned: Completeness | undefined;
      if (flagSet(args, 'dependencies')) {
        if (source.kind !== 'backend' || !source.backend.features.dependencies) {
          throw new TraceLensError('input', `--dependencies needs ${oneOf(DEPENDENCY_FLAGS)}`);
        }
        const deps = await source.backend.dependencies({ ...source.window, signal: io.signal });
        graph = serviceGraphFromDependencies(deps, { windowSeconds });
      } else if (source.kind === 'files') {
        graph = buildServiceGraph(source.traces, { windowSeconds, detail });
        scanned = filesCompleteness(source.window, source.traces.length);
        completeness = completenessFields(scanned);
      } else {
        // On a Tempo with TraceQL metrics, node figures are its own exact aggregates (see the help).
        const run = await runServiceGraphWithServerNodes(
          source.backend,
          { ...source.window, signal: io.signal },
          { ...scan, detail }
        );
        notices = run.notices;
        graph = run.graph;
        scanned = run.completeness;
        completeness = completenessFields(scanned);
      }
      const focus = flagValue(args, 'focus');
      if (focus !== undefined) {
        graph = neighbourhoodGraph(graph, focusId(graph, focus), hops);
      }
      noticeLines('graph', notices, scanned, output).forEach((line) => io.stderr(line));
      const report = graphReport(graph);
      io.stdout(
        output === 'table'
          ? graphTable(report, scanned)
          : `${toJson({ ...completeness, ...report }, { compact: flagSet(args, 'compact') })}\n`
      );
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens graph: ${errorMessage(e)}\n`);
      const usage = !isTraceLensError(e) || e.kind === 'input';
      return usage ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
