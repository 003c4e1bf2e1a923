/**
 * Which conditions must hold on one span of every trace the query returns. This is what makes a
 * pushdown sound: a backend that returns "traces with some span satisfying C" loses no answer as
 * long as every answer trace has a span satisfying all of C.
 *
 * For each spanset expression the analysis yields
 *   - `required`: candidate condition sets, each guaranteed on one span of every matching trace;
 *   - `output`: conditions every span the expression returns satisfies.
 * `A && B` and `A >> B` need both sides (either side's candidates are sound); `A || B` needs one
 * (only what both sides share); negated structural operators need only their right side.
 */
import { printField } from '../traceql';
import type { FieldExpr, MetricsExpr, PipelineNode, RootNode, SpansetExpr } from '../traceql/ast';

export interface Conjunct {
  readonly expr: FieldExpr;
  /** Canonical text, for identity. */
  readonly key: string;
}

export type Candidate = readonly Conjunct[];

interface Analysis {
  readonly required: Candidate[];
  readonly output: Conjunct[];
}

/** Top-level `&&` conjuncts of a filter expression, parentheses looked through. */
export function conjunctsOf(expr: FieldExpr | null): Conjunct[] {
  if (expr === null) {
    return [];
  }
  if (expr.type === 'FieldParen') {
    return conjunctsOf(expr.expr);
  }
  if (expr.type === 'FieldBinary' && expr.op === '&&') {
    return union(conjunctsOf(expr.left), conjunctsOf(expr.right));
  }
  return [{ expr, key: printField(expr) }];
}

function union(a: readonly Conjunct[], b: readonly Conjunct[]): Conjunct[] {
  const keys = new Set(a.map((c) => c.key));
  return [...a, ...b.filter((c) => !keys.has(c.key))];
}

function intersect(a: readonly Conjunct[], b: readonly Conjunct[]): Conjunct[] {
  const keys = new Set(b.map((c) => c.key));
  return a.filter((c) => keys.has(c.key));
}

function nonEmpty(cands: Candidate[]): Candidate[] {
  return cands.filter((c) => c.length > 0);
}

/** Pairwise intersections: sound when a trace satisfies either side. */
function either(a: Candidate[], b: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const x of a) {
    for (const y of b) {
      out.push(intersect(x, y));
    }
  }
  return nonEmpty(out);
}

function spanset(e: SpansetExpr): Analysis {
  switch (e.type) {
    case 'SpansetFilter': {
      const cs = conjunctsOf(e.expr);
      return { required: nonEmpty([cs]), output: cs };
    }
    case 'SpansetParen':
      return spanset(e.expr);
    case 'WrappedPipeline':
      return pipeline(e.pipeline);
    case 'SpansetBinary': {
      const l = spanset(e.left);
      const r = spanset(e.right);
      switch (e.op) {
        case '&&':
          return { required: [...l.required, ...r.required], output: intersect(l.output, r.output) };
        case '||':
          return { required: either(l.required, r.required), output: intersect(l.output, r.output) };
        case '>>':
        case '<<':
        case '>':
        case '<':
        case '~':
          // Both sides must match; the result is right-hand spans.
          return { required: [...l.required, ...r.required], output: r.output };
        case '&>>':
        case '&<<':
        case '&>':
        case '&<':
        case '&~':
          return { required: [...l.required, ...r.required], output: intersect(l.output, r.output) };
        case '!>>':
        case '!<<':
        case '!>':
        case '!<':
        case '!~':
          // Right-hand spans *not* in the relation: the left side may be empty.
          return { required: r.required, output: r.output };
      }
    }
  }
}

/**
 * Every stage works on the spans the previous stages kept, and a trace is returned only when the
 * last stage yields a non-empty spanset; so later spanset stages add conditions on the same spans.
 */
function pipeline(p: PipelineNode): Analysis {
  const required: Candidate[] = [];
  let output: Conjunct[] = [];
  for (const stage of p.stages) {
    if (
      stage.type === 'ScalarFilter' ||
      stage.type === 'GroupBy' ||
      stage.type === 'Coalesce' ||
      stage.type === 'Select'
    ) {
      continue;
    }
    const a = spanset(stage);
    for (const c of a.required) {
      required.push(union(output, c));
    }
    output = union(output, a.output);
  }
  if (output.length) {
    required.push(output);
  }
  return { required: nonEmpty(required), output };
}

/**
 * Sides of metrics arithmetic need different traces, so only conditions both sides share are
 * sound; a scalar side needs no traces at all (null).
 */
function metrics(m: MetricsExpr): Candidate[] | null {
  switch (m.type) {
    case 'MetricsQuery':
      return pipeline(m.pipeline).required;
    case 'MetricsParen':
    case 'MetricsStaged':
      // Second stages only drop points, so they need no traces beyond what their input needs.
      return metrics(m.expr);
    case 'MetricsScalar':
      return null;
    case 'MetricsBinary': {
      const l = metrics(m.left);
      const r = metrics(m.right);
      if (l === null) {
        return r;
      }
      if (r === null) {
        return l;
      }
      return either(l, r);
    }
  }
}

/** Candidate same-span condition sets for the whole query (empty: nothing can be pushed). */
export function requiredSpanCandidates(root: RootNode): Candidate[] {
  if (root.query.type === 'Pipeline') {
    return dedupe(pipeline(root.query).required);
  }
  return dedupe(metrics(root.query) ?? []);
}

function dedupe(cands: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return cands.filter((c) => {
    const k = c
      .map((x) => x.key)
      .sort()
      .join('\u0000');
    if (seen.has(k)) {
      return false;
    }
    seen.add(k);
    return true;
  });
}
