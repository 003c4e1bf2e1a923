/**
 * The metrics function over matching spans: sorts each span into a series (by its `by()` values)
 * and a step (by its start time), then folds it into the function's per-step accumulator.
 */
import type { AttributeNode, IntrinsicNode, MetricsFnNode } from '../../traceql/ast';
import { compileField } from '../compileField';
import { QueryCompileError } from '../compilePipeline';
import type { CompiledField, EvalContext } from '../evalContext';
import { printAttribute, printIntrinsic } from '../printField';
import type { TraceIndex } from '../traceIndex';
import { NIL, type Value } from '../values';
import { type HistogramBucket, bucketOf, log2Quantile } from './bucketize';
import { type Label, promLabels } from './labels';
import type { Exemplar, Series, SeriesSet } from './series';
import { type TimeGrid, stepOf } from './timeGrid';

export function fieldLabel(f: AttributeNode | IntrinsicNode): string {
  return f.type === 'Attribute' ? printAttribute(f) : printIntrinsic(f);
}

function compileOrThrow(f: AttributeNode | IntrinsicNode): CompiledField {
  const c = compileField(f);
  if (!c.ok) {
    throw new QueryCompileError(c.message);
  }
  return c.fn;
}

/** Numbers for *_over_time: durations in seconds, like Tempo; anything non-numeric is missing. */
function measure(v: Value): number {
  switch (v.t) {
    case 'duration':
      return v.v / 1e9;
    case 'int':
      return Number(v.v);
    case 'float':
      return v.v;
    default:
      return NaN;
  }
}

interface Acc {
  labels: Label[];
  key: string;
  values: Float64Array;
  /** avg: weights per step; quantile: bucket counts per step. */
  weights?: Float64Array;
  hist?: Array<Map<number, number>>;
  exemplars: Exemplar[];
}

export class FirstStage {
  private readonly by: Array<{ name: string; fn: CompiledField }>;
  private readonly measured: CompiledField | null;
  private readonly accs = new Map<string, Acc>();
  private readonly ctx: EvalContext = { ix: undefined as never, i: 0, ev: null, ln: null };

  constructor(
    private readonly fn: MetricsFnNode,
    private readonly grid: TimeGrid
  ) {
    this.by = fn.by.map((f) => ({ name: fieldLabel(f), fn: compileOrThrow(f) }));
    this.measured = fn.attr === null ? null : compileOrThrow(fn.attr);
  }

  /** Folds one span in with weight w (1 unless sampling or extrapolation scales it). */
  observe(ix: TraceIndex, i: number, w: number, exemplarLabels: Label[] | null): void {
    const step = stepOf(this.grid, ix.spans[i].startTimeUnixNano);
    if (step < 0) {
      return;
    }
    this.ctx.ix = ix;
    this.ctx.i = i;
    const raw = this.measured === null ? NIL : this.measured(this.ctx);
    const labels = this.groupLabels();
    let exemplarValue = NaN;
    switch (this.fn.name) {
      case 'rate':
      case 'count_over_time': {
        const a = this.acc(labels, 0);
        a.values[step] += w;
        break;
      }
      case 'min_over_time':
      case 'max_over_time':
      case 'sum_over_time':
      case 'avg_over_time': {
        const v = measure(raw);
        if (Number.isNaN(v)) {
          return;
        }
        exemplarValue = v;
        const a = this.acc(labels, NaN);
        const cur = a.values[step];
        if (this.fn.name === 'min_over_time') {
          a.values[step] = Number.isNaN(cur) || v < cur ? v : cur;
        } else if (this.fn.name === 'max_over_time') {
          a.values[step] = Number.isNaN(cur) || v > cur ? v : cur;
        } else {
          a.values[step] = (Number.isNaN(cur) ? 0 : cur) + v * w;
          if (this.fn.name === 'avg_over_time') {
            a.weights ??= new Float64Array(this.grid.count);
            a.weights[step] += w;
          }
        }
        break;
      }
      case 'histogram_over_time': {
        const b = bucketOf(raw);
        if (b === null) {
          return;
        }
        exemplarValue = measure(raw);
        const a = this.acc([...labels, { name: '__bucket', value: { t: 'float', v: b } }], 0);
        a.values[step] += w;
        break;
      }
      case 'quantile_over_time': {
        const b = bucketOf(raw);
        if (b === null) {
          return;
        }
        exemplarValue = measure(raw);
        const a = this.acc(labels, NaN);
        a.hist ??= Array.from({ length: this.grid.count }, () => new Map<number, number>());
        a.hist[step].set(b, (a.hist[step].get(b) ?? 0) + w);
        break;
      }
      case 'compare':
        // compare() is not evaluated by this engine (see evaluateMetrics); nothing to fold in.
        return;
    }
    if (exemplarLabels !== null) {
      const key =
        this.fn.name === 'histogram_over_time'
          ? promLabels([...labels, { name: '__bucket', value: { t: 'float', v: bucketOf(raw) ?? 0 } }])
          : promLabels(labels);
      const a = this.accs.get(key);
      const ms = (ix.spans[i].startTimeUnixNano / 1_000_000n).toString();
      a?.exemplars.push({
        labels: [...exemplarLabels, ...labels.filter((l) => l.name !== '__name__')],
        value: exemplarValue,
        step,
        timestampMs: ms,
      });
    }
  }

  private groupLabels(): Label[] {
    if (this.by.length === 0) {
      return this.fn.name === 'histogram_over_time' || this.fn.name === 'quantile_over_time'
        ? []
        : [{ name: '__name__', value: { t: 'string', v: this.fn.name } }];
    }
    const out: Label[] = [];
    for (const b of this.by) {
      const v = b.fn(this.ctx);
      if (v.t !== 'nil') {
        out.push({ name: b.name, value: v });
      }
    }
    // All missing: Prometheus needs at least one label, so Tempo keeps the first as nil.
    return out.length > 0 ? out : [{ name: this.by[0].name, value: NIL }];
  }

  private acc(labels: Label[], init: number): Acc {
    const key = promLabels(labels);
    let a = this.accs.get(key);
    if (a === undefined) {
      a = { labels, key, values: new Float64Array(this.grid.count).fill(init), exemplars: [] };
      this.accs.set(key, a);
    }
    return a;
  }

  result(): SeriesSet {
    const out: SeriesSet = new Map();
    const stepSeconds = Number(this.grid.step) / 1e9;
    const overall = this.fn.name === 'quantile_over_time' ? this.overallQuantiles() : [];
    for (const a of this.accs.values()) {
      if (this.fn.name === 'quantile_over_time') {
        this.quantiles(a, overall, out);
        continue;
      }
      const values = a.values;
      if (this.fn.name === 'rate') {
        for (let s = 0; s < values.length; s++) {
          values[s] /= stepSeconds;
        }
      } else if (this.fn.name === 'avg_over_time' && a.weights !== undefined) {
        for (let s = 0; s < values.length; s++) {
          values[s] = a.weights[s] > 0 ? values[s] / a.weights[s] : NaN;
        }
      }
      for (const e of a.exemplars) {
        if (Number.isNaN(e.value)) {
          e.value = values[e.step];
        }
      }
      out.set(a.key, { labels: a.labels, key: a.key, values, exemplars: a.exemplars });
    }
    return out;
  }

  /**
   * Each quantile over every span of every series and step, as Tempo computes it to decide which
   * quantile series an exemplar belongs to.
   */
  private overallQuantiles(): number[] {
    const merged = new Map<number, number>();
    for (const a of this.accs.values()) {
      for (const step of a.hist ?? []) {
        for (const [max, count] of step) {
          merged.set(max, (merged.get(max) ?? 0) + count);
        }
      }
    }
    const buckets = sortedBuckets(merged);
    return this.fn.quantiles.map((p) => log2Quantile(p, buckets));
  }

  /**
   * One series per quantile. A step without spans is 0, not missing: Tempo lists every step of a
   * quantile series. Each exemplar goes to the quantile (over the whole answer) nearest its value.
   */
  private quantiles(a: Acc, overall: readonly number[], out: SeriesSet): void {
    const perStep = (a.hist ?? []).map(sortedBuckets);
    const made: Series[] = this.fn.quantiles.map((p) => {
      const labels: Label[] = [...a.labels, { name: 'p', value: { t: 'float', v: p } }];
      const key = promLabels(labels);
      const values = Float64Array.from(perStep, (b) => (b.length === 0 ? 0 : log2Quantile(p, b)));
      const s: Series = { labels, key, values, exemplars: [] };
      out.set(key, s);
      return s;
    });
    for (const e of a.exemplars) {
      let best = -1;
      for (let q = 0; q < overall.length; q++) {
        if (best < 0 || Math.abs(e.value - overall[q]) < Math.abs(e.value - overall[best])) {
          best = q;
        }
      }
      if (best >= 0) {
        made[best].exemplars.push(e);
      }
    }
  }
}

function sortedBuckets(m: ReadonlyMap<number, number>): HistogramBucket[] {
  return [...m.entries()].map(([max, count]) => ({ max, count })).sort((x, y) => x.max - y.max);
}
