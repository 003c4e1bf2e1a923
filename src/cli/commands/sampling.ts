import { runSampling } from '../../core/analysis/runners';
import { estimateSampling, type ServiceSampling } from '../../core/analysis/sampling';
import { errorMessage, isTraceLensError } from '../../core/errors';
import type { Notice } from '../../core/query';
import type { Completeness } from '../../core/scan';
import { flagSet, parseArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import { BACKEND_USAGE, SOURCE_FLAGS, SOURCE_HELP, resolveSource } from '../source';
import { SCAN_FLAGS, SCAN_HELP, completenessFields, filesCompleteness, noticeLines, scanOptions } from '../scanFlags';
import { OUTPUT_FLAG, OUTPUT_HELP, outputFormat } from '../output/format';
import { samplingTable } from '../output/reportTables';
import type { CliCommand } from '../types';

const USAGE = `tracelens sampling (--traces FILE... | ${BACKEND_USAGE}) [--sampling-url URL] [--since 1h | --start T --end T]
                   [--by-operation] [--max-traces N] [--output table|json] [--compact]`;

const HELP = `${USAGE}

Per root service (a table at a terminal, JSON otherwise): the sampler in effect (tracestate, jaeger-tags, strategy, rate-limited or unknown),
its probability, stored traces and spans, spans per trace, and the real request count the stored
traces stand for (sum of 1/p, with a 95% interval). estimatedRequests is null where it cannot
honestly be estimated (rate-limited or unknown samplers). A service is identified by
service.namespace/service.name; a Jaeger strategy (served by name only) is used only when one
deployment of that name is in the window. errorRate is the service graph's: requests whose root
span failed, weighted by 1/p.

Every trace in the window is read, up to --max-traces; the top-level "complete" says whether all
were, and when it is false "why" says what stopped the scan and stored counts are lower bounds.

${SOURCE_HELP}
${SCAN_HELP}
  --sampling-url URL  the backend's sampling-strategy endpoint, where it has one (Jaeger's remote
                      sampling; default for --jaeger: the same host on port 5778)
  --by-operation      one row per service and root operation
${OUTPUT_HELP}`;

const FLAGS = [
  ...SOURCE_FLAGS,
  ...SCAN_FLAGS,
  { name: 'by-operation', type: 'boolean' as const },
  { name: 'compact', type: 'boolean' as const },
  OUTPUT_FLAG,
];

function publicRow(r: ServiceSampling) {
  return {
    service: r.service,
    ...(r.serviceName !== undefined && r.serviceName !== r.service ? { serviceName: r.serviceName } : {}),
    ...(r.namespace !== undefined ? { namespace: r.namespace } : {}),
    ...(r.operation !== undefined ? { operation: r.operation } : {}),
    ...(r.sdk !== undefined ? { sdk: r.sdk } : {}),
    sampler: r.sampler,
    samplerDetail: r.samplerDetail,
    probability: r.probability,
    storedTraces: r.storedTraces,
    storedSpans: r.storedSpans,
    spansPerTrace: r.spansPerTrace,
    storedTracesPerSecond: r.storedTracesPerSecond,
    estimatedRequests: r.estimatedRequests,
    estimatedRequestsInterval: r.estimatedRequestsInterval,
    estimatedRequestsPerSecond: r.estimatedRequestsPerSecond,
    effectiveRate: r.effectiveRate,
    bytesPerSpan: r.bytesPerSpan,
    errorRate: r.errorRate,
    notes: r.notes,
  };
}

/** `tracelens sampling`: what sampling keeps and the traffic it stands for, per service, as JSON. */
export const samplingCommand: CliCommand = {
  name: 'sampling',
  summary: 'Per-service sampler, probability, stored traces and estimated real requests',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok || parsed.args.positionals.length !== 0) {
      io.stderr(`tracelens sampling: ${parsed.ok ? 'takes no positional arguments' : parsed.error}\nUsage: ${USAGE}\n`);
      return EXIT_USAGE;
    }
    const args = parsed.args;
    const byOperation = flagSet(args, 'by-operation');
    try {
      const output = outputFormat(args, io);
      const source = await resolveSource(args, io);
      let rows: ServiceSampling[];
      let notices: readonly Notice[] = [];
      let windowSeconds: number;
      let completeness: Completeness;
      if (source.kind === 'files') {
        windowSeconds = Math.max(1e-9, Number(source.window.end - source.window.start) / 1e9);
        rows = estimateSampling({ traces: source.traces, windowSeconds, byOperation });
        completeness = filesCompleteness(source.window, source.traces.length);
      } else {
        // Say which strategy endpoint was read: a guessed one that does not answer is why every
        // sampler would otherwise show as "unknown" with no hint.
        io.stderr(
          source.sampling
            ? `tracelens sampling: sampling strategies from ${source.sampling.url}${
                source.sampling.defaulted ? " (the backend host's sampling port; --sampling-url to change)" : ''
              }\n`
            : 'tracelens sampling: no sampling-strategy URL (--sampling-url); strategies count as unknown\n'
        );
        const run = await runSampling(
          source.backend,
          { ...source.window, signal: io.signal },
          { byOperation, ...scanOptions(args) }
        );
        rows = run.rows;
        notices = run.notices;
        windowSeconds = run.windowSeconds;
        completeness = run.completeness;
      }
      noticeLines('sampling', notices, completeness, output).forEach((line) => io.stderr(line));
      const services = rows.map(publicRow);
      const report = { ...completenessFields(completeness), windowSeconds, services };
      io.stdout(
        output === 'table'
          ? samplingTable({ windowSeconds, services }, completeness)
          : `${toJson(report, { compact: flagSet(args, 'compact') })}\n`
      );
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens sampling: ${errorMessage(e)}\n`);
      return !isTraceLensError(e) || e.kind === 'input' ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
