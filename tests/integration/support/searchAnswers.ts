/**
 * Turns answers in Tempo's /api/search shape (what the engine, the executor and the CLI return) into the
 * ground-truth form, checking on the way that no spanset was truncated, so span sets compare exactly.
 */
import { canonical, type Answer } from './groundTruth';

export interface SearchLike {
  traces: ReadonlyArray<{
    traceID: string;
    spanSets?: readonly SpansetLike[];
    spanSet?: SpansetLike;
  }>;
}

export interface SpansetLike {
  spans: ReadonlyArray<{ spanID: string; attributes?: ReadonlyArray<{ key: string; value: unknown }> }>;
  matched: number;
}

export function answerFromSearch(resp: SearchLike): Answer {
  const out: Answer = new Map();
  for (const t of resp.traces) {
    const sets = t.spanSets ?? (t.spanSet ? [t.spanSet] : []);
    for (const set of sets) {
      if (set.matched !== set.spans.length) {
        throw new Error(
          `trace ${t.traceID}: a spanset lists ${set.spans.length} of ${set.matched} matched spans; ` +
            'the comparison needs spans-per-spanset larger than any spanset'
        );
      }
    }
    const nonEmpty = sets.filter((s) => s.spans.length > 0);
    if (nonEmpty.length > 0) {
      out.set(t.traceID.padStart(32, '0'), canonical(nonEmpty.map((s) => s.spans.map((sp) => sp.spanID))));
    }
  }
  return out;
}

/** The plain value of an OTLP-style AnyValue ({stringValue} / {intValue} / ...). */
export function plainValue(v: unknown): unknown {
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of ['stringValue', 'boolValue', 'doubleValue']) {
      if (k in o) {
        return o[k];
      }
    }
    if ('intValue' in o) {
      return Number(o.intValue);
    }
  }
  return v;
}
