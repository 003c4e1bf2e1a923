/**
 * Independent answers to TraceQL queries: plain TypeScript predicates over the raw traces, written from
 * Tempo's documented semantics (docs/reference/protocols.md §1), sharing no code with the engine.
 * An answer is, per matching trace, its spansets as sets of span IDs.
 */
import type { RawSpan, RawTrace, RawValue } from './rawTraces';

export type Spanset = readonly RawSpan[];
/** traceId → spansets (each a sorted list of span IDs); traces without a non-empty spanset are absent. */
export type Answer = Map<string, string[][]>;

export const MS = 1_000_000;

export const KIND = { unspecified: 0, internal: 1, server: 2, client: 3, producer: 4, consumer: 5 } as const;
export const STATUS = { unset: 0, ok: 1, error: 2 } as const;

export function spanAttr(s: RawSpan, key: string): RawValue | undefined {
  return s.attrs[key];
}
export function resAttr(s: RawSpan, key: string): RawValue | undefined {
  return s.resource[key];
}
/** Unscoped `.key`: span attributes first, then resource. */
export function anyAttr(s: RawSpan, key: string): RawValue | undefined {
  return s.attrs[key] ?? s.resource[key];
}
export function num(v: RawValue | undefined): number | undefined {
  return typeof v === 'number' ? v : undefined;
}
/** TraceQL regexes are RE2 and fully anchored; the patterns used here mean the same in JS. */
export function fullMatch(pattern: string, v: RawValue | undefined): boolean {
  return typeof v === 'string' && new RegExp(`^(?:${pattern})$`).test(v);
}

export function service(s: RawSpan): string {
  return s.service;
}

/** `{ pred }`: one spanset of the matching spans, or none. */
export function where(t: RawTrace, pred: (s: RawSpan) => boolean): Spanset[] {
  const spans = t.spans.filter(pred);
  return spans.length > 0 ? [spans] : [];
}

function byId(t: RawTrace): Map<string, RawSpan> {
  return new Map(t.spans.map((s) => [s.spanId, s]));
}

function ancestors(t: RawTrace, s: RawSpan): RawSpan[] {
  const ids = byId(t);
  const out: RawSpan[] = [];
  const seen = new Set<string>();
  let p = ids.get(s.parentSpanId);
  while (p && !seen.has(p.spanId)) {
    seen.add(p.spanId);
    out.push(p);
    p = ids.get(p.parentSpanId);
  }
  return out;
}

export type Relation = '>>' | '<<' | '>' | '<' | '~';

/** Is `b` in relation `rel` to `a` (b descendant of a for `>>`, and so on)? */
function related(t: RawTrace, a: RawSpan, b: RawSpan, rel: Relation): boolean {
  switch (rel) {
    case '>>':
      return ancestors(t, b).some((x) => x.spanId === a.spanId);
    case '<<':
      return ancestors(t, a).some((x) => x.spanId === b.spanId);
    case '>':
      return b.parentSpanId !== '' && b.parentSpanId === a.spanId;
    case '<':
      return a.parentSpanId !== '' && a.parentSpanId === b.spanId;
    case '~':
      return a.spanId !== b.spanId && a.parentSpanId !== '' && a.parentSpanId === b.parentSpanId;
  }
}

/** `{A} rel {B}`: the B spans in the relation to some A span. */
export function structural(
  t: RawTrace,
  a: (s: RawSpan) => boolean,
  rel: Relation,
  b: (s: RawSpan) => boolean
): Spanset[] {
  const as = t.spans.filter(a);
  const out = t.spans.filter((y) => b(y) && as.some((x) => related(t, x, y, rel)));
  return out.length > 0 ? [out] : [];
}

/** `{A} &rel {B}`: both sides of every related pair. */
export function unionStructural(
  t: RawTrace,
  a: (s: RawSpan) => boolean,
  rel: Relation,
  b: (s: RawSpan) => boolean
): Spanset[] {
  const as = t.spans.filter(a);
  const bs = t.spans.filter(b);
  const keep = new Set<RawSpan>();
  for (const x of as) {
    for (const y of bs) {
      if (related(t, x, y, rel)) {
        keep.add(x);
        keep.add(y);
      }
    }
  }
  const out = t.spans.filter((s) => keep.has(s));
  return out.length > 0 ? [out] : [];
}

/** `A && B` on spansets: both non-empty, the union. */
export function both(t: RawTrace, a: (s: RawSpan) => boolean, b: (s: RawSpan) => boolean): Spanset[] {
  const as = t.spans.filter(a);
  const bs = t.spans.filter(b);
  const out = t.spans.filter((s) => as.includes(s) || bs.includes(s));
  return as.length > 0 && bs.length > 0 ? [out] : [];
}

/** `A || B` on spansets: the union of whichever are non-empty. */
export function either(t: RawTrace, a: (s: RawSpan) => boolean, b: (s: RawSpan) => boolean): Spanset[] {
  return where(t, (s) => a(s) || b(s));
}

/** `| by(key)`: each spanset split into groups by the key's value (spans without it form no group). */
export function groupBy(sets: Spanset[], key: (s: RawSpan) => RawValue | undefined): Spanset[] {
  const out: Spanset[] = [];
  for (const set of sets) {
    const groups = new Map<string, RawSpan[]>();
    for (const s of set) {
      const k = key(s);
      if (k === undefined) {
        continue;
      }
      const id = JSON.stringify(k);
      groups.set(id, [...(groups.get(id) ?? []), s]);
    }
    out.push(...groups.values());
  }
  return out;
}

/** `| agg(...) cmp n`: keeps the spansets whose aggregate satisfies the comparison. */
export function having(
  sets: Spanset[],
  agg: (set: Spanset) => number | undefined,
  ok: (v: number) => boolean
): Spanset[] {
  return sets.filter((set) => {
    const v = agg(set);
    return v !== undefined && ok(v);
  });
}

export const aggregates = {
  count: (set: Spanset) => set.length,
  avg: (f: (s: RawSpan) => number | undefined) => (set: Spanset) => {
    const xs = set.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
  },
  max: (f: (s: RawSpan) => number | undefined) => (set: Spanset) => {
    const xs = set.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? Math.max(...xs) : undefined;
  },
  min: (f: (s: RawSpan) => number | undefined) => (set: Spanset) => {
    const xs = set.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? Math.min(...xs) : undefined;
  },
  sum: (f: (s: RawSpan) => number | undefined) => (set: Spanset) => {
    const xs = set.map(f).filter((x): x is number => x !== undefined);
    return xs.length ? xs.reduce((a, b) => a + b, 0) : undefined;
  },
};

/** Trace-level intrinsics. */
export function rootSpan(t: RawTrace): RawSpan | undefined {
  const ids = new Set(t.spans.map((s) => s.spanId));
  return t.spans.find((s) => s.parentSpanId === '') ?? t.spans.find((s) => !ids.has(s.parentSpanId));
}
export function traceDurationNs(t: RawTrace): number {
  let min = t.spans[0].startNs;
  let max = t.spans[0].startNs + BigInt(t.spans[0].durationNs);
  for (const s of t.spans) {
    const end = s.startNs + BigInt(s.durationNs);
    min = s.startNs < min ? s.startNs : min;
    max = end > max ? end : max;
  }
  return Number(max - min);
}

export function answerOf(traces: Iterable<RawTrace>, expect: (t: RawTrace) => Spanset[]): Answer {
  const out: Answer = new Map();
  for (const t of traces) {
    const sets = expect(t).filter((s) => s.length > 0);
    if (sets.length > 0) {
      out.set(t.traceId, canonical(sets.map((set) => set.map((s) => s.spanId))));
    }
  }
  return out;
}

/** Spansets compared as a sorted list of sorted span-ID lists. */
export function canonical(sets: string[][]): string[][] {
  return sets.map((ids) => [...new Set(ids)].sort()).sort((a, b) => a.join(',').localeCompare(b.join(',')));
}

/** A readable difference (empty when equal), naming a few differing traces. */
export function diffAnswers(expected: Answer, actual: Answer): string[] {
  const problems: string[] = [];
  for (const [id, sets] of expected) {
    const got = actual.get(id);
    if (!got) {
      problems.push(`missing trace ${id} (expected ${sets.length} spanset(s): ${JSON.stringify(sets).slice(0, 160)})`);
    } else if (JSON.stringify(got) !== JSON.stringify(sets)) {
      problems.push(
        `trace ${id}: expected ${JSON.stringify(sets).slice(0, 200)}, got ${JSON.stringify(got).slice(0, 200)}`
      );
    }
  }
  for (const [id, sets] of actual) {
    if (!expected.has(id)) {
      problems.push(`unexpected trace ${id} (${JSON.stringify(sets).slice(0, 160)})`);
    }
  }
  return problems;
}
