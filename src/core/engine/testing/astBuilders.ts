/**
 * Small AST constructors for engine tests, so a query's tree reads close to its TraceQL text.
 * Positions are zero: the engine never reads them.
 */
import type {
  AggregateFn,
  AggregateNode,
  AttributeNode,
  AttributeScope,
  FieldBinaryOp,
  FieldExpr,
  HintNode,
  IntrinsicName,
  IntrinsicNode,
  KindLiteral,
  MetricsExpr,
  PipelineNode,
  PipelineStage,
  RootNode,
  ScalarExpr,
  ScalarFilterNode,
  SpansetExpr,
  SpansetFilterNode,
  SpansetOp,
  StaticNode,
  StatusLiteral,
} from '../../traceql/ast';

const at = { from: 0, to: 0 };

export const attr = (scope: AttributeScope, name: string, parent = false): AttributeNode => ({
  type: 'Attribute',
  scope,
  name,
  parent,
  ...at,
});
export const span = (name: string): AttributeNode => attr('span', name);
export const res = (name: string): AttributeNode => attr('resource', name);
export const dot = (name: string): AttributeNode => attr('unscoped', name);
export const intr = (name: IntrinsicName, raw: string = name): IntrinsicNode => ({
  type: 'Intrinsic',
  name,
  raw,
  ...at,
});

const stat = (value: StaticNode['value'], raw: string): StaticNode => ({ type: 'Static', value, raw, ...at });
export const str = (v: string): StaticNode => stat({ kind: 'string', value: v }, JSON.stringify(v));
export const int = (v: number | bigint): StaticNode => stat({ kind: 'int', value: v }, String(v));
export const float = (v: number): StaticNode => stat({ kind: 'float', value: v }, String(v));
export const dur = (ns: number, raw = `${ns}ns`): StaticNode => stat({ kind: 'duration', value: ns }, raw);
export const boolean = (v: boolean): StaticNode => stat({ kind: 'bool', value: v }, String(v));
export const status = (v: StatusLiteral): StaticNode => stat({ kind: 'status', value: v }, v);
export const kind = (v: KindLiteral): StaticNode => stat({ kind: 'spanKind', value: v }, v);
export const nil = (): StaticNode => stat({ kind: 'nil' }, 'nil');

export const bin = (op: FieldBinaryOp, left: FieldExpr, right: FieldExpr): FieldExpr => ({
  type: 'FieldBinary',
  op,
  left,
  right,
  ...at,
});
export const not = (operand: FieldExpr): FieldExpr => ({ type: 'FieldUnary', op: '!', operand, ...at });
export const neg = (operand: FieldExpr): FieldExpr => ({ type: 'FieldUnary', op: '-', operand, ...at });

export const filter = (expr: FieldExpr | null = null): SpansetFilterNode => ({ type: 'SpansetFilter', expr, ...at });
export const sop = (op: SpansetOp, left: SpansetExpr, right: SpansetExpr): SpansetExpr => ({
  type: 'SpansetBinary',
  op,
  left,
  right,
  ...at,
});
export const wrapped = (pipeline: PipelineNode): SpansetExpr => ({ type: 'WrappedPipeline', pipeline, ...at });

export const agg = (fn: AggregateFn, arg: FieldExpr | null = null): AggregateNode => ({
  type: 'Aggregate',
  fn,
  arg,
  ...at,
});
export const scalarFilter = (op: ScalarFilterNode['op'], left: ScalarExpr, right: ScalarExpr): ScalarFilterNode => ({
  type: 'ScalarFilter',
  op,
  left,
  right,
  ...at,
});
export const by = (expr: FieldExpr): PipelineStage => ({ type: 'GroupBy', expr, ...at });
export const coalesce = (): PipelineStage => ({ type: 'Coalesce', ...at });
export const select = (...fields: Array<AttributeNode | IntrinsicNode>): PipelineStage => ({
  type: 'Select',
  fields,
  ...at,
});

export const pipe = (...stages: PipelineStage[]): PipelineNode => ({ type: 'Pipeline', stages, ...at });

export const hint = (name: string, value: StaticNode): HintNode => ({ name, value, ...at });

export function root(query: PipelineNode | MetricsExpr | PipelineStage, hints: HintNode[] = []): RootNode {
  const q =
    query.type === 'Pipeline' || isMetrics(query)
      ? (query as PipelineNode | MetricsExpr)
      : pipe(query as PipelineStage);
  return { type: 'Root', query: q, hints, ...at };
}

function isMetrics(x: { type: string }): boolean {
  return (
    x.type === 'MetricsQuery' || x.type === 'MetricsBinary' || x.type === 'MetricsParen' || x.type === 'MetricsScalar'
  );
}
