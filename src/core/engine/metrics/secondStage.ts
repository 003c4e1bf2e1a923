/**
 * Stages after the metrics function, applied left to right: comparison filters drop the points
 * that fail (and a series left without points), topk/bottomk keep at each step the n highest or
 * lowest series.
 */
import type { MetricsSecondStage } from '../../traceql/ast';
import { staticValue } from '../compileField';
import { asFloat } from '../values';
import type { Series, SeriesSet } from './series';

export function applySecondStage(stage: MetricsSecondStage, set: SeriesSet): SeriesSet {
  if (stage.type === 'MetricsFilter') {
    return filterPoints(stage.op, thresholdOf(stage.value), set);
  }
  return keepExtremes(stage.type === 'TopK', stage.n, set);
}

/** Duration thresholds compare against metric values, which carry durations in seconds. */
function thresholdOf(node: Extract<MetricsSecondStage, { type: 'MetricsFilter' }>['value']): number {
  const v = staticValue(node);
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

function holds(op: string, a: number, b: number): boolean {
  switch (op) {
    case '=':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    default:
      return a >= b;
  }
}

function filterPoints(op: string, threshold: number, set: SeriesSet): SeriesSet {
  const out: SeriesSet = new Map();
  for (const s of set.values()) {
    const values = s.values.map((v) => (!Number.isNaN(v) && holds(op, v, threshold) ? v : NaN));
    if (values.some((v) => !Number.isNaN(v))) {
      out.set(s.key, { ...s, values, exemplars: s.exemplars.filter((e) => !Number.isNaN(values[e.step])) });
    }
  }
  return out;
}

/**
 * Keeps at each step the n series with the highest (topk) or lowest (bottomk) value. Equal values
 * are ordered as Tempo orders them, by the series' labels in their own order: topk prefers the
 * alphabetically earlier label value, bottomk the later (see tieOrder).
 */
function keepExtremes(top: boolean, n: number, set: SeriesSet): SeriesSet {
  const all = [...set.values()];
  const steps = all.length === 0 ? 0 : all[0].values.length;
  const kept = new Map<string, Float64Array>();
  for (let i = 0; i < steps; i++) {
    const ranked = all
      .filter((s) => !Number.isNaN(s.values[i]))
      .sort((a, b) => {
        const d = top ? b.values[i] - a.values[i] : a.values[i] - b.values[i];
        return d !== 0 ? d : top ? -tieOrder(a, b) : tieOrder(a, b);
      })
      .slice(0, Math.max(0, n));
    for (const s of ranked) {
      let values = kept.get(s.key);
      if (values === undefined) {
        values = new Float64Array(steps).fill(NaN);
        kept.set(s.key, values);
      }
      values[i] = s.values[i];
    }
  }
  const out: SeriesSet = new Map();
  for (const s of all) {
    const values = kept.get(s.key);
    if (values !== undefined) {
      const series: Series = { ...s, values, exemplars: s.exemplars.filter((e) => !Number.isNaN(values[e.step])) };
      out.set(s.key, series);
    }
  }
  return out;
}

/**
 * Tempo's order between two series with equal values, label by label in the series' own order:
 * the first differing string value decides, the alphabetically earlier one counting as greater;
 * then the label name, the same way; then numbers and booleans, the smaller counting as smaller.
 * Positive when `a` counts as greater (so topk keeps it), negative when smaller, 0 when equal.
 */
export function tieOrder(a: Series, b: Series): number {
  const n = Math.max(a.labels.length, b.labels.length);
  for (let i = 0; i < n; i++) {
    const la = a.labels[i];
    const lb = b.labels[i];
    const sa = la?.value.t === 'string' ? la.value.v : '';
    const sb = lb?.value.t === 'string' ? lb.value.v : '';
    if (sa !== sb) {
      return sa < sb ? 1 : -1;
    }
    const na = la?.name ?? '';
    const nb = lb?.name ?? '';
    if (na !== nb) {
      return na < nb ? 1 : -1;
    }
    const xa = numberOf(la?.value);
    const xb = numberOf(lb?.value);
    if (xa !== xb) {
      return xa < xb ? -1 : 1;
    }
  }
  return 0;
}

/** A label's numeric value for ordering; non-numeric values rank as 0. */
function numberOf(v: Series['labels'][number]['value'] | undefined): number {
  const x = v === undefined ? NaN : asFloat(v);
  return Number.isNaN(x) ? 0 : x;
}
