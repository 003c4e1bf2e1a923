/**
 * TraceQL metrics over decoded traces, answering in the shape of Tempo's `/api/metrics/query_range`
 * (and `/api/metrics/query` for an instant). Which spans count, and in which sample, is the time
 * grid's rule (timeGrid.ts); nothing here compares times itself.
 */
import { TraceLensError } from '../../errors';
import type { Trace } from '../../model/types';
import type { MetricsExpr, MetricsQueryNode, RootNode } from '../../traceql/ast';
import { nodeBeyondDepth, tooDeepMessage } from '../../traceql/depth';
import { QueryCompileError, compilePipeline } from '../compilePipeline';
import { SpansetEvalError } from '../spanset';
import { indexTrace } from '../traceIndex';
import type { Value } from '../values';
import { type MetricsArithOp, type Operand, combine } from './arithmetic';
import { CompareStage } from './compare';
import { FirstStage } from './firstStage';
import { type Label, labelsJson } from './labels';
import type { InstantMetricsResponse, MetricsResponse, MetricsSeries, MetricsStats } from './metricsResponse';
import { samplingPlan } from './sampling';
import { applySecondStage } from './secondStage';
import { MAX_EXEMPLARS, MAX_EXEMPLARS_PER_STEP, type SeriesSet } from './series';
import { type TimeGrid, instantGrid, rangeGrid, stepOf, stepTimestampMs } from './timeGrid';

export interface MetricsRangeOptions {
  /** Unix nanoseconds, as asked; the grid rounds it down to the step. */
  readonly start: bigint;
  /** Unix nanoseconds, as asked; the grid rounds it up to the step. */
  readonly end: bigint;
  /** Nanoseconds. */
  readonly step: number;
  /** Exemplar budget (Tempo's `exemplars=N`); `with(exemplars=...)` overrides; default 100. */
  readonly exemplars?: number;
}

export type MetricsResult =
  { readonly ok: true; readonly response: MetricsResponse } | { readonly ok: false; readonly error: TraceLensError };
export type InstantMetricsResult =
  | { readonly ok: true; readonly response: InstantMetricsResponse }
  | { readonly ok: false; readonly error: TraceLensError };

/** Prometheus' own cap on points per series; keeps a mistyped step from exhausting memory. */
const MAX_STEPS = 11_000;

interface Evaluated {
  readonly operand: Operand;
  readonly stats: MetricsStats;
}

function hintOf(root: RootNode): (name: string) => Value | undefined {
  return (name) => {
    const h = root.hints.find((x) => x.name === name);
    if (h === undefined) {
      return undefined;
    }
    const v = h.value.value;
    return v.kind === 'nil'
      ? { t: 'nil' }
      : v.kind === 'spanKind'
        ? { t: 'kind', v: v.value }
        : ({ t: v.kind, v: v.value } as Value);
  };
}

function exemplarBudget(root: RootNode, fallback: number | undefined): number {
  const h = hintOf(root)('exemplars');
  if (h?.t === 'bool') {
    return h.v ? (fallback ?? MAX_EXEMPLARS) : 0;
  }
  if (h?.t === 'int') {
    return Math.max(0, Math.min(MAX_EXEMPLARS, Number(h.v)));
  }
  return Math.max(0, Math.min(MAX_EXEMPLARS, fallback ?? MAX_EXEMPLARS));
}

function run(root: RootNode, traces: Iterable<Trace>, grid: TimeGrid, exemplars: number): Evaluated | TraceLensError {
  if (root.query.type === 'Pipeline') {
    return new TraceLensError('validate', 'not a metrics query: add a metrics function such as `| rate()`');
  }
  const deep = nodeBeyondDepth(root);
  if (deep !== undefined) {
    return new TraceLensError('validate', `${tooDeepMessage()} (at offset ${deep.from})`);
  }
  const all = Array.isArray(traces) ? (traces as Trace[]) : [...traces];
  const stats = { inspectedTraces: all.length, inspectedSpans: 0 };
  for (const t of all) {
    stats.inspectedSpans += t.spans.length;
  }
  try {
    const operand = evalExpr(root.query, root, all, grid, exemplars);
    return {
      operand,
      stats: {
        inspectedTraces: stats.inspectedTraces,
        inspectedSpans: String(stats.inspectedSpans),
        inspectedBytes: '0',
        totalBlocks: 0,
        completedJobs: 1,
        totalJobs: 1,
      },
    };
  } catch (e) {
    if (e instanceof TraceLensError) {
      return e;
    }
    if (e instanceof QueryCompileError) {
      return new TraceLensError('validate', e.message);
    }
    if (e instanceof SpansetEvalError) {
      return new TraceLensError('unsupported', e.message);
    }
    throw e;
  }
}

function evalExpr(
  e: MetricsExpr,
  root: RootNode,
  traces: readonly Trace[],
  grid: TimeGrid,
  exemplars: number
): Operand {
  switch (e.type) {
    case 'MetricsParen':
      return evalExpr(e.expr, root, traces, grid, exemplars);
    case 'MetricsScalar':
      return { kind: 'scalar', value: e.value, isInt: Number.isInteger(e.value) && /^-?\d+$/.test(e.raw.trim()) };
    case 'MetricsBinary':
      return combine(
        e.op as MetricsArithOp,
        evalExpr(e.left, root, traces, grid, exemplars),
        evalExpr(e.right, root, traces, grid, exemplars)
      );
    case 'MetricsQuery':
      return { kind: 'series', set: evalQuery(e, root, traces, grid, exemplars) };
    case 'MetricsStaged': {
      let set = toSeriesSet(evalExpr(e.expr, root, traces, grid, exemplars), grid);
      for (const stage of e.stages) {
        set = applySecondStage(stage, set);
      }
      return { kind: 'series', set };
    }
  }
}

function evalQuery(
  q: MetricsQueryNode,
  root: RootNode,
  traces: readonly Trace[],
  grid: TimeGrid,
  exemplars: number
): SeriesSet {
  const pipeline = compilePipeline(q.pipeline);
  const compare = q.fn.name === 'compare' ? new CompareStage(q.fn, grid) : null;
  const first = compare === null ? new FirstStage(q.fn, grid) : null;
  const plan = samplingPlan(hintOf(root));
  const exemplarTraces = { left: exemplars };
  for (const trace of traces) {
    const tw = plan.traceWeight(trace.traceId);
    if (tw === 0 || trace.spans.length === 0) {
      continue;
    }
    const ix = indexTrace(trace);
    const out = pipeline.run(ix, [{ spans: Array.from(ix.spans, (_s, i) => i), attributes: [] }]);
    const seen = new Set<number>();
    // One exemplar per trace, from its first matching span in range (Tempo picks one at random).
    let wantExemplar = exemplarTraces.left > 0;
    for (const ss of out) {
      for (const i of ss.spans) {
        if (seen.has(i)) {
          continue;
        }
        seen.add(i);
        const s = ix.spans[i];
        if (stepOf(grid, s.startTimeUnixNano) < 0) {
          continue;
        }
        const w = tw * plan.spanWeight(s);
        if (w === 0) {
          continue;
        }
        const labels: Label[] | null = wantExemplar
          ? [
              { name: 'trace:id', value: { t: 'string', v: trace.traceId } },
              { name: 'span:id', value: { t: 'string', v: s.spanId } },
            ]
          : null;
        if (wantExemplar) {
          wantExemplar = false;
          exemplarTraces.left--;
        }
        if (compare !== null) {
          compare.observe(ix, i, w);
        } else {
          first?.observe(ix, i, w, labels);
        }
      }
    }
  }
  let set = compare !== null ? compare.result() : (first as FirstStage).result();
  for (const stage of q.secondStages) {
    set = applySecondStage(stage, set);
  }
  return set;
}

function toSeriesSet(op: Operand, grid: TimeGrid): SeriesSet {
  if (op.kind === 'series') {
    return op.set;
  }
  // A query that is only numbers is one unlabeled series holding that number at every step.
  const values = new Float64Array(grid.count).fill(op.value);
  return new Map([['{}', { labels: [], key: '{}', values, exemplars: [] }]]);
}

function rangeJson(set: SeriesSet, grid: TimeGrid, budget: number): MetricsSeries[] {
  const perStep = new Map<number, number>();
  let total = 0;
  const out: MetricsSeries[] = [];
  for (const s of set.values()) {
    const samples = [];
    for (let i = 0; i < s.values.length; i++) {
      if (!Number.isNaN(s.values[i])) {
        samples.push({ timestampMs: stepTimestampMs(grid, i), value: s.values[i] });
      }
    }
    if (samples.length === 0) {
      continue;
    }
    const exemplars = [];
    for (const e of s.exemplars) {
      const used = perStep.get(e.step) ?? 0;
      if (
        total >= budget ||
        used >= MAX_EXEMPLARS_PER_STEP ||
        Number.isNaN(s.values[e.step]) ||
        Number.isNaN(e.value)
      ) {
        continue;
      }
      perStep.set(e.step, used + 1);
      total++;
      exemplars.push({ labels: labelsJson(e.labels), value: e.value, timestampMs: e.timestampMs });
    }
    out.push({ labels: labelsJson(s.labels), promLabels: s.key, samples, exemplars });
  }
  return out;
}

function checkRange(start: bigint, end: bigint): TraceLensError | null {
  return end <= start ? new TraceLensError('input', 'end must be greater than start') : null;
}

export function evaluateMetrics(root: RootNode, traces: Iterable<Trace>, opts: MetricsRangeOptions): MetricsResult {
  const bad = checkRange(opts.start, opts.end);
  if (bad !== null) {
    return { ok: false, error: bad };
  }
  if (!Number.isFinite(opts.step) || opts.step <= 0) {
    return { ok: false, error: new TraceLensError('input', 'step must be a positive number of nanoseconds') };
  }
  const grid = rangeGrid(opts.start, opts.end, BigInt(Math.round(opts.step)));
  if (grid.count > MAX_STEPS) {
    return {
      ok: false,
      error: new TraceLensError(
        'input',
        `too many steps (${grid.count}); use a larger step (at most ${MAX_STEPS} points)`
      ),
    };
  }
  const budget = exemplarBudget(root, opts.exemplars);
  const r = run(root, traces, grid, budget);
  if (r instanceof TraceLensError) {
    return { ok: false, error: r };
  }
  return { ok: true, response: { series: rangeJson(toSeriesSet(r.operand, grid), grid, budget), metrics: r.stats } };
}

export function evaluateMetricsInstant(
  root: RootNode,
  traces: Iterable<Trace>,
  opts: { start: bigint; end: bigint }
): InstantMetricsResult {
  const bad = checkRange(opts.start, opts.end);
  if (bad !== null) {
    return { ok: false, error: bad };
  }
  const grid = instantGrid(opts.start, opts.end);
  const r = run(root, traces, grid, 0);
  if (r instanceof TraceLensError) {
    return { ok: false, error: r };
  }
  const series = [...toSeriesSet(r.operand, grid).values()]
    .filter((s) => !Number.isNaN(s.values[0]))
    .map((s) => ({ labels: labelsJson(s.labels), promLabels: s.key, value: s.values[0] }));
  return { ok: true, response: { series, metrics: r.stats } };
}
