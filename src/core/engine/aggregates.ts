/**
 * Pipeline aggregates (`count() avg() min() max() sum()`) over one spanset. As in Tempo, missing
 * values are skipped, and a spanset with no value at all yields nil (the scalar filter then drops
 * it). Types are kept: the max of durations is a duration, a sum of ints is an int.
 */
import type { AggregateFn } from '../traceql/ast';
import type { CompiledField, EvalContext } from './evalContext';
import type { TraceIndex } from './traceIndex';
import { NIL, type Value, arith, compare, int, isNumeric } from './values';

export function aggregate(fn: AggregateFn, arg: CompiledField | null, ix: TraceIndex, spans: readonly number[]): Value {
  if (fn === 'count' || arg === null) {
    return int(spans.length);
  }
  const ctx: EvalContext = { ix, i: 0, ev: null, ln: null };
  let acc: Value | null = null;
  let n = 0;
  for (const i of spans) {
    ctx.i = i;
    const v = arg(ctx);
    if (!isNumeric(v)) {
      continue;
    }
    n++;
    if (acc === null) {
      acc = v;
      continue;
    }
    switch (fn) {
      case 'sum':
      case 'avg':
        acc = arith('+', acc, v);
        break;
      case 'min':
        acc = (compare(v, acc) ?? 0) < 0 ? v : acc;
        break;
      case 'max':
        acc = (compare(v, acc) ?? 0) > 0 ? v : acc;
        break;
    }
  }
  if (acc === null) {
    return NIL;
  }
  if (fn === 'avg') {
    const mean = Number(acc.t === 'int' ? Number(acc.v) : (acc as { v: number }).v) / n;
    return acc.t === 'duration' ? { t: 'duration', v: mean } : { t: 'float', v: mean };
  }
  return acc;
}
