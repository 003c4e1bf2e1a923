/**
 * compare({selector}, topN, start, end): splits matching spans into a selection (spans matching
 * the selector, inside [start, end) when given) and a baseline (the rest), and counts per step how
 * often each attribute value occurs on each side. Series follow Tempo's layout: `__meta_type`
 * baseline/selection with one attribute value (the topN values by total count), baseline_total and
 * selection_total per attribute, and `__meta_error="__too_many_values__"` for attributes with
 * more than topN values.
 */
import type { MetricsFnNode } from '../../traceql/ast';
import { type SpanPredicate, compileFilter } from '../compileFilter';
import { QueryCompileError } from '../compilePipeline';
import { fromAttribute } from '../attributeValue';
import type { TraceIndex } from '../traceIndex';
import { NIL, type Value, valueKey } from '../values';
import { type Label, promLabels } from './labels';
import type { SeriesSet } from './series';
import { type TimeGrid, stepOf } from './timeGrid';

type Side = Map<string, Map<string, { value: Value; counts: Float64Array }>>;

const metaType = (v: string): Label => ({ name: '__meta_type', value: { t: 'string', v } });

export class CompareStage {
  private readonly selector: SpanPredicate;
  private readonly topN: number;
  private readonly window: { start: bigint; end: bigint } | null;
  private readonly sides: { baseline: Side; selection: Side } = { baseline: new Map(), selection: new Map() };
  private readonly totals: { baseline: Map<string, Float64Array>; selection: Map<string, Float64Array> } = {
    baseline: new Map(),
    selection: new Map(),
  };

  constructor(
    fn: MetricsFnNode,
    private readonly grid: TimeGrid
  ) {
    const c = fn.compare;
    if (c === null) {
      throw new QueryCompileError('compare() needs a selector');
    }
    const f = compileFilter(c.selector);
    if (!f.ok) {
      throw new QueryCompileError(f.message);
    }
    this.selector = f.test;
    this.topN = c.topN > 0 ? c.topN : 10;
    this.window =
      c.start !== undefined && c.end !== undefined && c.start > 0 && c.end > 0
        ? { start: BigInt(c.start), end: BigInt(c.end) }
        : null;
  }

  observe(ix: TraceIndex, i: number, w: number): void {
    const s = ix.spans[i];
    const step = stepOf(this.grid, s.startTimeUnixNano);
    if (step < 0) {
      return;
    }
    const inWindow =
      this.window === null || (s.startTimeUnixNano >= this.window.start && s.startTimeUnixNano < this.window.end);
    const side = inWindow && this.selector(ix, i) ? 'selection' : 'baseline';
    for (const [name, value] of attributesOf(ix, i)) {
      let values = this.sides[side].get(name);
      if (values === undefined) {
        values = new Map();
        this.sides[side].set(name, values);
      }
      const k = valueKey(value);
      let entry = values.get(k);
      if (entry === undefined) {
        entry = { value, counts: new Float64Array(this.grid.count) };
        values.set(k, entry);
      }
      entry.counts[step] += w;
      let total = this.totals[side].get(name);
      if (total === undefined) {
        total = new Float64Array(this.grid.count);
        this.totals[side].set(name, total);
      }
      total[step] += w;
    }
  }

  result(): SeriesSet {
    const out: SeriesSet = new Map();
    const add = (labels: Label[], values: Float64Array) => {
      const key = promLabels(labels);
      out.set(key, { labels, key, values, exemplars: [] });
    };
    const tooMany = new Set<string>();
    for (const side of ['baseline', 'selection'] as const) {
      for (const [name, values] of this.sides[side]) {
        const ranked = [...values.values()]
          .map((e) => ({ e, total: e.counts.reduce((a, b) => a + b, 0) }))
          // Stable: equal totals keep first-seen order, so the cut is deterministic.
          .sort((a, b) => b.total - a.total);
        for (const { e } of ranked.slice(0, this.topN)) {
          add([metaType(side), { name, value: e.value }], e.counts);
        }
        if (values.size > this.topN) {
          tooMany.add(name);
        }
      }
    }
    for (const name of tooMany) {
      // Tempo marks the attribute without samples; our output omits series without samples, so
      // the marker carries zeros to stay visible.
      add(
        [
          { name: '__meta_error', value: { t: 'string', v: '__too_many_values__' } },
          { name, value: NIL },
        ],
        new Float64Array(this.grid.count)
      );
    }
    for (const side of ['baseline', 'selection'] as const) {
      for (const [name, counts] of this.totals[side]) {
        add([metaType(`${side}_total`), { name, value: NIL }], counts);
      }
    }
    return out;
  }
}

/**
 * The attributes compare() groups by: span and resource attributes and the low-cardinality
 * intrinsics. Durations and ids are skipped, as in Tempo, because their cardinality is useless.
 */
function* attributesOf(ix: TraceIndex, i: number): Generator<[string, Value]> {
  const s = ix.spans[i];
  yield ['name', { t: 'string', v: s.name }];
  yield ['status', { t: 'status', v: s.statusCode }];
  yield ['kind', { t: 'kind', v: s.kind }];
  if (s.statusMessage !== '') {
    yield ['statusMessage', { t: 'string', v: s.statusMessage }];
  }
  if (ix.root >= 0) {
    yield ['rootName', { t: 'string', v: ix.spans[ix.root].name }];
    yield ['rootServiceName', { t: 'string', v: ix.spans[ix.root].resource.serviceName }];
  }
  for (const [k, v] of Object.entries(s.attributes)) {
    const value = fromAttribute(v);
    if (value.t !== 'nil' && value.t !== 'duration') {
      yield ['span.' + k, value];
    }
  }
  for (const [k, v] of Object.entries(s.resource.attributes)) {
    const value = fromAttribute(v);
    if (value.t !== 'nil') {
      yield ['resource.' + k, value];
    }
  }
}
