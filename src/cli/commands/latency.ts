import { latencySamplesFromTraces, runLatency } from '../../core/analysis/runners';
import {
  buildLatencyHeatmap,
  compareSelection,
  rowBounds,
  type LatencyComparison,
  type LatencySample,
} from '../../core/analysis/latency';
import { errorMessage, isTraceLensError } from '../../core/errors';
import type { Notice } from '../../core/query';
import type { Completeness } from '../../core/scan';
import { flagSet, flagValue, parseArgs } from '../args';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from '../exitCodes';
import { toJson } from '../json';
import {
  BACKEND_USAGE,
  SOURCE_FLAGS,
  SOURCE_HELP,
  durationFlag,
  intOption,
  resolveSource,
  timeFlag,
  type TimeWindow,
} from '../source';
import { SCAN_FLAGS, SCAN_HELP, completenessFields, filesCompleteness, noticeLines, scanOptions } from '../scanFlags';
import { OUTPUT_FLAG, OUTPUT_HELP, outputFormat } from '../output/format';
import { latencyTable } from '../output/reportTables';
import type { CliCommand } from '../types';

const USAGE = `tracelens latency '<TraceQL filter>' (--traces FILE... | ${BACKEND_USAGE}) [--start T --end T | --since 1h]
                  [--step D] [--trace] [--resolution 0-4] [--max-traces N]
                  [--select MIN..MAX [--select-start T --select-end T]] [--output table|json] [--compact]`;

const HELP = `${USAGE}

Buckets the durations of the spans a TraceQL filter matches (or of whole traces with --trace) into
time steps and log-scale duration buckets (Tempo's histogram_over_time bounds at --resolution 0),
and prints counts, example trace IDs per cell and exact p50/p95/p99 as JSON (at a terminal, a table
of the percentiles and of the counts per duration bucket). Every trace in the
window is read, up to --max-traces; the top-level "complete" says whether all were, and when it is
false "why" says what stopped the scan and every count is a lower bound.

With --select, the spans in that duration range (and time range) are compared with the rest of the
window: attribute values ranked by how much more common they are among the selected spans, each
with the TraceQL that finds them.

${SOURCE_HELP}
${SCAN_HELP}
  --step D            time step (default: the window in 60 steps)
  --trace             plot trace durations instead of span durations
  --resolution N      sub-buckets per doubling as log2 (default 0: exactly Tempo's buckets)
  --select MIN..MAX   durations to compare, e.g. 500ms..2s or 1s.. (no upper bound)
${OUTPUT_HELP}`;

const FLAGS = [
  ...SOURCE_FLAGS,
  ...SCAN_FLAGS,
  { name: 'step', type: 'value' as const },
  { name: 'trace', type: 'boolean' as const },
  { name: 'resolution', type: 'value' as const },
  { name: 'select', type: 'value' as const },
  { name: 'select-start', type: 'value' as const },
  { name: 'select-end', type: 'value' as const },
  { name: 'compact', type: 'boolean' as const },
  OUTPUT_FLAG,
];

const ms = (ns: number) => ns / 1e6;

export function parseSelect(raw: string): { minNs: number; maxNs: number } {
  const m = /^\s*([^.]*)\.\.([^.]*)\s*$/.exec(raw);
  if (!m || m[1].trim() === '') {
    throw new Error(`--select must look like 500ms..2s or 1s.., got ${JSON.stringify(raw)}`);
  }
  const minNs = durationFlag('select', m[1].trim());
  const maxNs = m[2].trim() === '' ? Infinity : durationFlag('select', m[2].trim());
  if (maxNs <= minNs) {
    throw new Error('--select: the upper duration must be above the lower');
  }
  return { minNs, maxNs };
}

export function latencyReport(
  samples: readonly LatencySample[],
  window: TimeWindow,
  stepNs: number,
  resolution: number
) {
  const startMs = Number(window.start / 1_000_000n);
  const endMs = Math.max(startMs + 1, Number((window.end + 999_999n) / 1_000_000n));
  const stepMs = Math.max(1, Math.round(stepNs / 1e6));
  const h = buildLatencyHeatmap(
    {
      length: samples.length,
      startMs: samples.map((s) => s.startMs),
      durationNs: samples.map((s) => s.durationNs),
      traceIds: samples.map((s) => s.traceId),
    },
    { startMs, endMs, stepMs, resolution, exemplarsPerCell: 5 }
  );
  const buckets: Array<{
    timeMs: number;
    lowerMs: number;
    upperMs: number;
    count: number;
    exemplars: readonly string[];
  }> = [];
  for (let c = 0; c < h.columns; c++) {
    for (let r = 0; r < h.rows.length; r++) {
      const count = h.counts[c * h.rows.length + r];
      if (count > 0) {
        const b = rowBounds(h, r);
        buckets.push({
          timeMs: startMs + c * stepMs,
          lowerMs: ms(b.lowerNs),
          upperMs: ms(b.upperNs),
          count,
          exemplars: h.exemplars.get(c * h.rows.length + r) ?? [],
        });
      }
    }
  }
  return {
    startMs,
    endMs,
    stepMs,
    resolution,
    total: h.total,
    outOfRange: h.outOfRange,
    percentiles: h.percentiles.map((p) => ({
      p: p.p,
      overallMs: Number.isNaN(p.overall) ? null : ms(p.overall),
      byStepMs: Array.from(p.byColumn, (v) => (Number.isNaN(v) ? null : ms(v))),
    })),
    buckets,
  };
}

/** `tracelens latency`: the latency heatmap's data (and the region comparison) as JSON. */
export const latencyCommand: CliCommand = {
  name: 'latency',
  summary: 'Latency buckets, exemplars and percentiles for a TraceQL filter; compare a slow region with the rest',
  usage: HELP,
  async run(argv, io) {
    const parsed = parseArgs(argv, FLAGS);
    if (!parsed.ok || parsed.args.positionals.length !== 1) {
      io.stderr(
        `tracelens latency: ${parsed.ok ? 'expected one TraceQL filter argument' : parsed.error}\nUsage: ${USAGE}\n`
      );
      return EXIT_USAGE;
    }
    const args = parsed.args;
    const query = args.positionals[0];
    const kind = flagSet(args, 'trace') ? 'trace' : 'span';
    try {
      const output = outputFormat(args, io);
      const select = flagValue(args, 'select');
      const selection = select !== undefined ? parseSelect(select) : undefined;
      const source = await resolveSource(args, io);
      let samples: LatencySample[];
      let notices: readonly Notice[] = [];
      let completeness: Completeness;
      if (source.kind === 'files') {
        samples = latencySamplesFromTraces(query, source.traces, kind);
        completeness = filesCompleteness(source.window, source.traces.length);
      } else {
        const run = await runLatency(
          source.backend,
          query,
          { ...source.window, signal: io.signal },
          kind,
          scanOptions(args)
        );
        samples = run.samples;
        notices = run.notices;
        completeness = run.completeness;
      }
      const w = source.window;
      const rawStep = flagValue(args, 'step');
      const stepNs =
        rawStep !== undefined ? durationFlag('step', rawStep) : Math.max(1e6, Math.ceil(Number(w.end - w.start) / 60));
      const resolution = intOption(args, 'resolution', 4) ?? 0;
      const latency = latencyReport(samples, w, stepNs, resolution);
      let comparison: LatencyComparison | undefined;
      if (selection) {
        const from = flagValue(args, 'select-start');
        const to = flagValue(args, 'select-end');
        comparison = compareSelection(samples, {
          fromMs: from !== undefined ? Number(timeFlag('select-start', from) / 1_000_000n) : -Infinity,
          toMs: to !== undefined ? Number(timeFlag('select-end', to) / 1_000_000n) : Infinity,
          ...selection,
        });
      }
      noticeLines('latency', notices, completeness, output).forEach((line) => io.stderr(line));
      const report = {
        ...completenessFields(completeness),
        ...latency,
        ...(comparison ? { comparison } : {}),
      };
      io.stdout(
        output === 'table'
          ? latencyTable({ ...latency, comparison }, completeness)
          : `${toJson(report, { compact: flagSet(args, 'compact') })}\n`
      );
      return EXIT_OK;
    } catch (e) {
      io.stderr(`tracelens latency: ${errorMessage(e)}\n`);
      const usage = !isTraceLensError(e) || e.kind === 'parse' || e.kind === 'validate' || e.kind === 'input';
      return usage ? EXIT_USAGE : EXIT_FAILURE;
    }
  },
};
