/**
 * Bytes → frames, as the data source runs it (bench/frames/dataSourcePath.ts), against JSON.parse
 * of the same bytes in the same run: one row per input of issue 18, medians of interleaved rounds
 * with a full GC before each timed run, CPU time (user + system) and wall time. Each row runs in
 * its own process on a single GC thread (frames/timeRow.ts says why). The 100k-span rows add peak RSS, each variant measured in its own child process.
 * Each row also times its floor (frames/floor.ts): JSON.parse plus the least work any decoder must
 * do for the same frame, so the row says how much of its ratio no decoder could remove.
 * Goals (issue 18): trace by id ≤ 1.2x JSON.parse; 100k-span peak memory ≤ 1.3x JSON.parse alone;
 * search (Jaeger including the engine's residual evaluation, and Tempo) ≤ 1.5x.
 */
import { jaegerSearchInput, tempoSearchInput, traceByIdInput, type FrameInput } from './frames/inputs';
import { peakMemory } from './frames/peakMemory';
import { timeRow } from './frames/timeRow';
import { formatMs, formatRatio } from './measure';

const ROUNDS = 15;
const LARGE_ROUNDS = 7;
const MEMORY_REPEATS = 3;
/** Untimed runs of each variant first, so the timed ones run optimised code. */
const WARMUP = 3;

interface Row {
  /** Which half of issue 18 the row belongs to: BENCH_FRAMES_ROWS=search (or trace) runs only those. */
  readonly kind: 'trace' | 'search';
  readonly input: () => FrameInput;
  readonly goal: number;
  readonly rounds: number;
  readonly memory?: boolean;
}

/**
 * BENCH_FRAMES_SPANS=N times the trace-by-id rows at N spans instead of 10,000 and leaves out the
 * 100k-span rows: the ratio at 10k depends on whether JSON.parse's tree fits V8's young generation
 * (README, Measured), and a few sizes around it show how much.
 */
const TRACE_SPANS = Number(process.env.BENCH_FRAMES_SPANS) || 10_000;
const SWEEP = TRACE_SPANS !== 10_000;

const ROWS: readonly Row[] = [
  { kind: 'trace', input: () => traceByIdInput('jaeger-v1', TRACE_SPANS), goal: 1.2, rounds: ROUNDS },
  { kind: 'trace', input: () => traceByIdInput('jaeger-api-v3', TRACE_SPANS), goal: 1.2, rounds: ROUNDS },
  { kind: 'trace', input: () => traceByIdInput('tempo', TRACE_SPANS), goal: 1.2, rounds: ROUNDS },
  { kind: 'trace', input: () => traceByIdInput('jaeger-v1', 100_000), goal: 1.2, rounds: LARGE_ROUNDS, memory: true },
  {
    kind: 'trace',
    input: () => traceByIdInput('jaeger-api-v3', 100_000),
    goal: 1.2,
    rounds: LARGE_ROUNDS,
    memory: true,
  },
  { kind: 'trace', input: () => traceByIdInput('tempo', 100_000), goal: 1.2, rounds: LARGE_ROUNDS, memory: true },
  { kind: 'search', input: () => jaegerSearchInput('jaeger-v1'), goal: 1.5, rounds: ROUNDS },
  { kind: 'search', input: () => jaegerSearchInput('jaeger-api-v3'), goal: 1.5, rounds: ROUNDS },
  { kind: 'search', input: () => tempoSearchInput(), goal: 1.5, rounds: ROUNDS },
];

const MEMORY_GOAL = 1.3;

function verdict(ratio: number, goal: number): string {
  return ratio <= goal ? `meets ≤ ${goal}x` : `misses ≤ ${goal}x`;
}

export default async function bench(): Promise<string[]> {
  const lines = [
    `bytes → frames through the data source's runners vs JSON.parse of the same bytes; medians of ` +
      `${ROUNDS} interleaved rounds (${LARGE_ROUNDS} at 100k spans) after ${WARMUP} untimed, GC before each run, ` +
      `a process per row on one GC thread; ratios of CPU time (wall in brackets)`,
  ];
  const only = process.env.BENCH_FRAMES_ROWS;
  const rows = ROWS.filter((r) => (only === undefined || only === '' || r.kind === only) && !(SWEEP && r.memory));
  for (const row of rows) {
    const input = row.input();
    const text = input.body;
    const { parse, floor, frames } = timeRow(input, row.rounds, WARMUP);
    const cpu = frames.medianCpuMs / parse.medianCpuMs;
    const wall = frames.medianMs / parse.medianMs;
    const floorCpu = floor.medianCpuMs / parse.medianCpuMs;
    lines.push(
      `${input.label} (${(text.length / 1e6).toFixed(1)} MB): ${formatRatio(cpu)} (${formatRatio(wall)} wall) ` +
        `JSON.parse, ${verdict(Math.max(cpu, wall), row.goal)}; JSON.parse ${formatMs(parse.medianCpuMs)}, ` +
        `bytes → frames ${formatMs(frames.medianCpuMs)} CPU`,
      `  floor (JSON.parse + the least any decoder must do, frames/floor.ts): ${formatRatio(floorCpu)} JSON.parse` +
        `${floorCpu > row.goal ? ', above the goal itself' : ''}; the data source is ` +
        `${formatRatio(frames.medianCpuMs / floor.medianCpuMs)} the floor`
    );
    if (row.memory) {
      const m = peakMemory(input, MEMORY_REPEATS);
      const ratio = m.pathMb / m.parseMb;
      lines.push(
        `  peak RSS: ${m.pathMb.toFixed(0)} MB vs ${m.parseMb.toFixed(0)} MB for JSON.parse alone = ` +
          `${formatRatio(ratio)}, ${verdict(ratio, MEMORY_GOAL)} (${m.beforeMb.toFixed(0)} MB before either: ` +
          `modules and the body; medians of ${MEMORY_REPEATS} child processes each)`
      );
    }
  }
  return lines;
}
