/**
 * Query-time sampling hints and sampling extrapolation for metrics. Tempo samples at random; here
 * the choice is a deterministic function of the ids (their low bits are random by the W3C spec), so
 * the same query over the same data always gives the same answer. Kept spans count 1/p each.
 * `with(extrapolate=true)` weights each span by the adjusted count of its tracestate `ot=th:`.
 */
import type { Span } from '../../model/types';
import type { Value } from '../values';

const TWO_56 = 2 ** 56;

/** Low 56 bits of a hex id as a fraction in [0, 1). */
function idFraction(hex: string): number {
  const tail = hex.slice(-14).padStart(14, '0');
  const n = parseInt(tail, 16);
  return Number.isFinite(n) ? n / TWO_56 : 0;
}

/** 1/p for a span carrying an OTel consistent-sampling threshold; 1 when it has none. */
export function adjustedCount(traceState: string): number {
  for (const entry of traceState.split(',')) {
    const [vendor, value] = entry.trim().split('=', 2);
    if (vendor !== 'ot' || value === undefined) {
      continue;
    }
    for (const field of value.split(';')) {
      if (field.startsWith('th:')) {
        const th = field.slice(3);
        if (!/^[0-9a-f]{1,14}$/.test(th)) {
          return 1;
        }
        const t = parseInt(th.padEnd(14, '0'), 16);
        return t >= TWO_56 ? 1 : TWO_56 / (TWO_56 - t);
      }
    }
  }
  return 1;
}

export interface SamplingPlan {
  /** Weight of a trace (0 = skip it). */
  traceWeight(traceId: string): number;
  /** Weight of a span (0 = skip it), multiplied with its trace's weight. */
  spanWeight(span: Span): number;
}

function probability(v: Value | undefined): number | null {
  if (v === undefined) {
    return null;
  }
  const p = v.t === 'float' ? v.v : v.t === 'int' ? Number(v.v) : null;
  return p !== null && p > 0 && p < 1 ? p : null;
}

export function samplingPlan(hint: (name: string) => Value | undefined): SamplingPlan {
  // `sample=true` lets Tempo pick a rate for speed; evaluating everything is the exact answer.
  const traceP = probability(hint('trace_sample')) ?? probability(hint('sample'));
  const spanP = probability(hint('span_sample'));
  const ex = hint('extrapolate');
  const extrapolate = ex !== undefined && ex.t === 'bool' && ex.v;
  return {
    traceWeight: (id) => (traceP === null ? 1 : idFraction(id) < traceP ? 1 / traceP : 0),
    spanWeight: (s) => {
      const kept = spanP === null ? 1 : idFraction(s.spanId) < spanP ? 1 / spanP : 0;
      return kept === 0 || !extrapolate ? kept : kept * adjustedCount(s.traceState);
    },
  };
}
