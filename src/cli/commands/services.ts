import { runServiceMetrics, serviceMetricsFromTraces } from '../../core/analysis/runners';
import type { ServiceMetrics } from '../../core/analysis/serviceMetrics';
import { errorMessage, isTraceLensError } from '../../core/errors';
import type { Notice } from '../../core/query';
import { flagSet, parseArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import { BACKEND_USAGE, SOURCE_FLAGS, SOURCE_HELP, resolveSource } from '../source';
import { SCAN_FLAGS, SCAN_HELP, completenessFields, filesCompleteness, scanOptions } from '../scanFlags';
import type { CliCommand } from '../types';

const USAGE = `tracelens services (--traces FILE... | ${BACKEND_USAGE}) [--start T --end T | --since 1h]
                   [--max-traces N] [--compact]`;

const HELP = `${USAGE}

Prints each service's request rate, error rate and p50/p95/p99 as JSON:
  {"complete", "tracesScanned", "tracesAtLeast", "why", "covered", ..., "source",
   "services": [{"id", "service", "namespace", "requests", "errors", "requestRate", "errorRate",
                 "p50Ms", "p95Ms", "p99Ms"}]}

A request is a span of kind server that started in the window (both ends included, as Tempo 2.9+
counts an instant query); it failed when its status is error; rates are per second over the window.
The figures are two TraceQL metrics queries, count_over_time() by (resource.service.namespace,
resource.service.name, status) and histogram_over_time(duration) by namespace and name; quantiles
are read from the power-of-two buckets the way Tempo's quantile_over_time reads them.

"source" is "server" when the backend ran those queries itself over every span it holds (Tempo),
and "traces" when TraceLens read every trace in the window, up to --max-traces, and evaluated them
(Jaeger, Zipkin, trace files, or a Tempo that cannot). "complete" false means the figures are lower
bounds and "why" says why. Unlike \`tracelens graph\`, these count every server span, including
calls within one service.

${SOURCE_HELP}
${SCAN_HELP}
  --compact           one-line JSON`;

const FLAGS = [...SOURCE_FLAGS, ...SCAN_FLAGS, { name: 'compact', type: 'boolean' as const }];

function servicesReport(m: ServiceMetrics) {
  return {
    windowSeconds: m.windowSeconds,
    source: m.source,
    services: m.services.map((s) => ({
      id: s.id,
      service: s.service,
      ...(s.namespace !== undefined ? { namespace: s.namespace } : {}),
      requests: s.requests,
      errors: s.errors,
      requestRate: s.requestRate,
      errorRate: s.errorRate,
      p50Ms: s.p50Ms,
      p95Ms: s.p95Ms,
      p99Ms: s.p99Ms,
    })),
  };
}

/** `tracelens services`: per-service RED figures, from the backend's own aggregates where it has them. */
export const servicesCommand: CliCommand = {
  name: 'services',
  summary: 'Request rate, error rate and p50/p95/p99 per service (Tempo aggregates them itself)',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok || parsed.args.positionals.length > 0) {
      io.stderr(`tracelens services: ${parsed.ok ? 'takes no positional arguments' : parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    try {
      const scan = scanOptions(args);
      const source = await resolveSource(args, io);
      let metrics: ServiceMetrics;
      let completeness: Record<string, unknown>;
      let notices: readonly Notice[] = [];
      if (source.kind === 'files') {
        metrics = serviceMetricsFromTraces(source.traces, source.window);
        completeness = completenessFields(filesCompleteness(source.window, source.traces.length));
      } else {
        const run = await runServiceMetrics(source.backend, { ...source.window, signal: io.signal }, scan);
        metrics = run.metrics;
        notices = run.notices;
        completeness = completenessFields(run.completeness);
      }
      notices.forEach((n) => io.stderr(`tracelens services: ${n.severity}: ${n.text}\n`));
      io.stdout(`${toJson({ ...completeness, ...servicesReport(metrics) }, { compact: flagSet(args, 'compact') })}\n`);
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens services: ${errorMessage(e)}\n`);
      const usage = !isTraceLensError(e) || e.kind === 'input';
      return usage ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
