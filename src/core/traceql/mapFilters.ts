/**
 * Rewrites every spanset filter's condition in a query (pipelines, structural operands, metrics
 * pipelines, compare() selectors) with `f`, keeping unchanged subtrees identical so callers can
 * tell whether anything changed. Scalar filters, by() and select() are left alone.
 */
import type { FieldExpr, MetricsExpr, PipelineNode, PipelineStage, RootNode, SpansetExpr } from './ast';

export function mapFilterConditions(root: RootNode, f: (e: FieldExpr) => FieldExpr): RootNode | null {
  function spanset(s: SpansetExpr): SpansetExpr {
    switch (s.type) {
      case 'SpansetFilter': {
        const expr = s.expr === null ? null : f(s.expr);
        return expr === s.expr ? s : { ...s, expr };
      }
      case 'SpansetBinary': {
        const left = spanset(s.left);
        const right = spanset(s.right);
        return left === s.left && right === s.right ? s : { ...s, left, right };
      }
      case 'SpansetParen': {
        const expr = spanset(s.expr);
        return expr === s.expr ? s : { ...s, expr };
      }
      case 'WrappedPipeline': {
        const p = pipeline(s.pipeline);
        return p === s.pipeline ? s : { ...s, pipeline: p };
      }
    }
  }

  function stage(s: PipelineStage): PipelineStage {
    switch (s.type) {
      case 'SpansetFilter':
      case 'SpansetBinary':
      case 'SpansetParen':
      case 'WrappedPipeline':
        return spanset(s);
      default:
        return s;
    }
  }

  function pipeline(p: PipelineNode): PipelineNode {
    const stages = p.stages.map(stage);
    return stages.every((s, i) => s === p.stages[i]) ? p : { ...p, stages };
  }

  function metrics(m: MetricsExpr): MetricsExpr {
    switch (m.type) {
      case 'MetricsQuery': {
        const p = pipeline(m.pipeline);
        const c = m.fn.compare;
        const selector = c === null ? null : spanset(c.selector);
        if (p === m.pipeline && (c === null || selector === c.selector)) {
          return m;
        }
        const fn =
          c === null || selector === null
            ? m.fn
            : { ...m.fn, compare: { ...c, selector: selector as typeof c.selector } };
        return { ...m, pipeline: p, fn };
      }
      case 'MetricsBinary': {
        const left = metrics(m.left);
        const right = metrics(m.right);
        return left === m.left && right === m.right ? m : { ...m, left, right };
      }
      case 'MetricsParen':
      case 'MetricsStaged': {
        const expr = metrics(m.expr);
        return expr === m.expr ? m : { ...m, expr };
      }
      case 'MetricsScalar':
        return m;
    }
  }

  const query = root.query.type === 'Pipeline' ? pipeline(root.query) : metrics(root.query);
  return query === root.query ? null : { ...root, query };
}

/** Calls `visit` with every spanset filter's condition in the query. */
export function forEachFilterCondition(root: RootNode, visit: (e: FieldExpr) => void): void {
  mapFilterConditions(root, (e) => {
    visit(e);
    return e;
  });
}
