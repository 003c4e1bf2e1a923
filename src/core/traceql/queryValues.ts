import {
  AggregateNode,
  CoalesceNode,
  GroupByNode,
  MetricsExpr,
  MetricsFnNode,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  ScalarExpr,
  ScalarFilterNode,
  SelectNode,
  SpansetExpr,
} from './ast';

/**
 * What a piece of query-level syntax turned out to be. The query-level parser reads operators
 * generically (`>` is both "child of" and "greater than") and decides the meaning from the kinds of
 * the two operands, the way Tempo's grammar does by its separate rules.
 */
export type QueryValue =
  | { readonly t: 'spanset'; readonly node: SpansetExpr }
  /**
   * `stages` is the node's own array, owned by the parser while it is still building the pipeline:
   * appending in place keeps a pipeline of n stages linear to build, not quadratic.
   */
  | { readonly t: 'pipeline'; readonly node: PipelineNode; readonly stages: PipelineStage[] }
  | { readonly t: 'scalar'; readonly node: ScalarExpr }
  | { readonly t: 'scalarFilter'; readonly node: ScalarFilterNode }
  | { readonly t: 'groupBy'; readonly node: GroupByNode }
  | { readonly t: 'coalesce'; readonly node: CoalesceNode }
  | { readonly t: 'select'; readonly node: SelectNode }
  /** A metrics function and the comparisons written right after it (`rate() > 10`). */
  | {
      readonly t: 'metricsFn';
      readonly node: MetricsFnNode;
      readonly stages: MetricsSecondStage[];
      readonly to: number;
    }
  /** `topk(n)` or `bottomk(n)` and comparisons after it. */
  | {
      readonly t: 'secondStages';
      readonly stages: MetricsSecondStage[];
      readonly from: number;
      readonly to: number;
    }
  /** `ownStages` is the second-stage array of a MetricsQuery the parser is still extending. */
  | { readonly t: 'metrics'; readonly node: MetricsExpr; readonly ownStages?: MetricsSecondStage[] }
  /** `{ .a } | count()` before its parentheses make it a ScalarPipeline operand. */
  | {
      readonly t: 'scalarPipeline';
      readonly pipeline: PipelineNode;
      readonly aggregate: AggregateNode;
      readonly from: number;
      readonly to: number;
    };

export function valueFrom(v: QueryValue): number {
  return v.t === 'secondStages' || v.t === 'scalarPipeline' ? v.from : v.node.from;
}

export function valueTo(v: QueryValue): number {
  return v.t === 'secondStages' || v.t === 'metricsFn' || v.t === 'scalarPipeline' ? v.to : v.node.to;
}

/** How a value is named in messages. */
export function valueNoun(v: QueryValue): string {
  switch (v.t) {
    case 'spanset':
      return 'a spanset';
    case 'pipeline':
      return 'a pipeline';
    case 'scalar':
      return v.node.type === 'Static' ? 'a number' : 'an aggregate';
    case 'scalarFilter':
      return 'a scalar filter';
    case 'groupBy':
      return 'by()';
    case 'coalesce':
      return 'coalesce()';
    case 'select':
      return 'select()';
    case 'metricsFn':
      return `${v.node.name}()`;
    case 'secondStages':
      return 'topk()/bottomk()';
    case 'metrics':
      return 'a metrics query';
    case 'scalarPipeline':
      return 'a pipeline ending in an aggregate';
  }
}

export function scalarHasAggregate(e: ScalarExpr): boolean {
  const stack: ScalarExpr[] = [e];
  for (let cur = stack.pop(); cur !== undefined; cur = stack.pop()) {
    if (cur.type === 'Aggregate' || cur.type === 'ScalarPipeline') {
      return true;
    }
    if (cur.type === 'ScalarParen') {
      stack.push(cur.expr);
    } else if (cur.type === 'ScalarBinary') {
      stack.push(cur.right, cur.left);
    }
  }
  return false;
}
