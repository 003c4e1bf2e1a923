/**
 * The TraceQL abstract syntax tree. Every node carries `from`/`to` character offsets into the
 * interpolated query text so diagnostics, the editor and `explain` can point at source.
 *
 * Shape follows Tempo's grammar (pkg/traceql/expr.y, summarised in docs/reference/protocols.md §1):
 *   Root := SpansetPipeline | MetricsExpr, plus trailing `with(...)` hints.
 */

export interface SourceRange {
  /** Offset of the first character (0-based, UTF-16 code units). */
  readonly from: number;
  /** Offset one past the last character. */
  readonly to: number;
}

// ---------------------------------------------------------------------------------------------
// Values and field expressions (what goes inside `{ ... }`, and aggregate arguments)

export type StatusLiteral = 'ok' | 'error' | 'unset';
export type KindLiteral = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

export type StaticValue =
  | { readonly kind: 'string'; readonly value: string }
  /** Ints stay exact: bigint only when outside the safe range (minInt/maxInt, large literals). */
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'float'; readonly value: number }
  /** Nanoseconds. */
  | { readonly kind: 'duration'; readonly value: number }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'status'; readonly value: StatusLiteral }
  | { readonly kind: 'spanKind'; readonly value: KindLiteral }
  | { readonly kind: 'nil' };

export interface StaticNode extends SourceRange {
  readonly type: 'Static';
  readonly value: StaticValue;
  /** Source text of the literal, so printing keeps `1h30m`, `.99`, backtick strings. */
  readonly raw: string;
}

/** `span.`, `resource.`, ..., or 'unscoped' for `.attr` (span first, then resource). */
export type AttributeScope = 'span' | 'resource' | 'event' | 'link' | 'instrumentation' | 'unscoped';

export interface AttributeNode extends SourceRange {
  readonly type: 'Attribute';
  readonly scope: AttributeScope;
  /** The attribute key, unquoted: `http.status_code`, `attr with space`. */
  readonly name: string;
  /** `parent.` prefix: the value is read from the span's parent (scope may be span/resource/unscoped). */
  readonly parent: boolean;
}

/** Canonical (scoped) names; legacy unscoped spellings are mapped onto these by the parser. */
export type IntrinsicName =
  | 'span:name'
  | 'span:duration'
  | 'span:status'
  | 'span:statusMessage'
  | 'span:kind'
  | 'span:id'
  | 'span:parentID'
  | 'span:childCount'
  | 'trace:duration'
  | 'trace:rootName'
  | 'trace:rootService'
  | 'trace:id'
  | 'event:name'
  | 'event:timeSinceStart'
  | 'link:traceID'
  | 'link:spanID'
  | 'instrumentation:name'
  | 'instrumentation:version'
  | 'parent'
  | 'nestedSetLeft'
  | 'nestedSetRight'
  | 'nestedSetParent';

export interface IntrinsicNode extends SourceRange {
  readonly type: 'Intrinsic';
  readonly name: IntrinsicName;
  /** The spelling used in the source (`duration`, `span:duration`, `rootServiceName`...). */
  readonly raw: string;
}

export type ComparisonOp = '=' | '!=' | '<' | '<=' | '>' | '>=' | '=~' | '!~';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | '^';
export type LogicalOp = '&&' | '||';
export type FieldBinaryOp = ComparisonOp | ArithmeticOp | LogicalOp;

export interface FieldBinaryNode extends SourceRange {
  readonly type: 'FieldBinary';
  readonly op: FieldBinaryOp;
  readonly left: FieldExpr;
  readonly right: FieldExpr;
}

export interface FieldUnaryNode extends SourceRange {
  readonly type: 'FieldUnary';
  readonly op: '-' | '!';
  readonly operand: FieldExpr;
}

/** Parentheses are kept so the printer round-trips the user's grouping. */
export interface FieldParenNode extends SourceRange {
  readonly type: 'FieldParen';
  readonly expr: FieldExpr;
}

export type FieldExpr = StaticNode | AttributeNode | IntrinsicNode | FieldBinaryNode | FieldUnaryNode | FieldParenNode;

// ---------------------------------------------------------------------------------------------
// Spanset expressions

export type StructuralOp = '>>' | '<<' | '>' | '<' | '~';
export type UnionStructuralOp = '&>>' | '&<<' | '&>' | '&<' | '&~';
export type NegatedStructuralOp = '!>>' | '!<<' | '!>' | '!<' | '!~';
export type SpansetOp = LogicalOp | StructuralOp | UnionStructuralOp | NegatedStructuralOp;

/** `{ expr }`; `expr` is null for `{}`. */
export interface SpansetFilterNode extends SourceRange {
  readonly type: 'SpansetFilter';
  readonly expr: FieldExpr | null;
}

export interface SpansetBinaryNode extends SourceRange {
  readonly type: 'SpansetBinary';
  readonly op: SpansetOp;
  readonly left: SpansetExpr;
  readonly right: SpansetExpr;
}

export interface SpansetParenNode extends SourceRange {
  readonly type: 'SpansetParen';
  readonly expr: SpansetExpr;
}

/** `( pipeline )` used as an operand of a spanset operator, e.g. `({a} | count() > 1) && {b}`. */
export interface WrappedPipelineNode extends SourceRange {
  readonly type: 'WrappedPipeline';
  readonly pipeline: PipelineNode;
}

export type SpansetExpr = SpansetFilterNode | SpansetBinaryNode | SpansetParenNode | WrappedPipelineNode;

// ---------------------------------------------------------------------------------------------
// Pipeline stages

export type AggregateFn = 'count' | 'avg' | 'min' | 'max' | 'sum';

export interface AggregateNode extends SourceRange {
  readonly type: 'Aggregate';
  readonly fn: AggregateFn;
  /** null for count(). */
  readonly arg: FieldExpr | null;
}

export interface ScalarBinaryNode extends SourceRange {
  readonly type: 'ScalarBinary';
  readonly op: ArithmeticOp;
  readonly left: ScalarExpr;
  readonly right: ScalarExpr;
}

export interface ScalarParenNode extends SourceRange {
  readonly type: 'ScalarParen';
  readonly expr: ScalarExpr;
}

/**
 * `({ .a } | count())`: a spanset pipeline ending in an aggregate, as an operand of a comparison
 * or of arithmetic at the query's top (`({ .a } | count()) = ({ .b } | count())`). Tempo's grammar
 * has it and its engine does not run it; validation refuses it the same way.
 */
export interface ScalarPipelineNode extends SourceRange {
  readonly type: 'ScalarPipeline';
  readonly pipeline: PipelineNode;
  readonly aggregate: AggregateNode;
}

export type ScalarExpr = AggregateNode | StaticNode | ScalarBinaryNode | ScalarParenNode | ScalarPipelineNode;

/** `count() > 2`, `avg(duration) > 20ms`: keeps spansets whose comparison holds. */
export interface ScalarFilterNode extends SourceRange {
  readonly type: 'ScalarFilter';
  readonly op: Exclude<ComparisonOp, '=~' | '!~'>;
  readonly left: ScalarExpr;
  readonly right: ScalarExpr;
}

/** `by(expr)`: splits each spanset by the value of expr. */
export interface GroupByNode extends SourceRange {
  readonly type: 'GroupBy';
  readonly expr: FieldExpr;
}

export interface CoalesceNode extends SourceRange {
  readonly type: 'Coalesce';
}

export interface SelectNode extends SourceRange {
  readonly type: 'Select';
  readonly fields: ReadonlyArray<AttributeNode | IntrinsicNode>;
}

export type PipelineStage = SpansetExpr | ScalarFilterNode | GroupByNode | CoalesceNode | SelectNode;

export interface PipelineNode extends SourceRange {
  readonly type: 'Pipeline';
  readonly stages: readonly PipelineStage[];
}

// ---------------------------------------------------------------------------------------------
// Metrics

export type MetricsFnName =
  | 'rate'
  | 'count_over_time'
  | 'min_over_time'
  | 'max_over_time'
  | 'avg_over_time'
  | 'sum_over_time'
  | 'quantile_over_time'
  | 'histogram_over_time'
  | 'compare';

export interface MetricsFnNode extends SourceRange {
  readonly type: 'MetricsFn';
  readonly name: MetricsFnName;
  /** The measured attribute for *_over_time, quantile, histogram. */
  readonly attr: AttributeNode | IntrinsicNode | null;
  /** quantile_over_time(attr, q1, q2...). */
  readonly quantiles: readonly number[];
  /** compare({selector}, topN, start, end). */
  readonly compare: {
    readonly selector: SpansetFilterNode;
    readonly topN: number;
    readonly start?: number;
    readonly end?: number;
  } | null;
  /** `by (a, b)`. */
  readonly by: ReadonlyArray<AttributeNode | IntrinsicNode>;
}

export type MetricsSecondStage =
  | ({ readonly type: 'TopK' | 'BottomK'; readonly n: number } & SourceRange)
  | ({
      readonly type: 'MetricsFilter';
      readonly op: Exclude<ComparisonOp, '=~' | '!~'>;
      readonly value: StaticNode;
    } & SourceRange);

/** `{...} | rate() by (x) | topk(5) > 10`. */
export interface MetricsQueryNode extends SourceRange {
  readonly type: 'MetricsQuery';
  readonly pipeline: PipelineNode;
  readonly fn: MetricsFnNode;
  readonly secondStages: readonly MetricsSecondStage[];
}

/** Arithmetic between metrics queries: `({status=error} | rate()) / ({} | rate())`. */
export interface MetricsBinaryNode extends SourceRange {
  readonly type: 'MetricsBinary';
  readonly op: '+' | '-' | '*' | '/';
  readonly left: MetricsExpr;
  readonly right: MetricsExpr;
}

export interface MetricsParenNode extends SourceRange {
  readonly type: 'MetricsParen';
  readonly expr: MetricsExpr;
}

/** A plain number on one side of metrics arithmetic: `100 * (...)`. */
export interface MetricsScalarNode extends SourceRange {
  readonly type: 'MetricsScalar';
  readonly value: number;
  readonly raw: string;
}

/**
 * Second stages applied to the result of a parenthesised metrics query or of arithmetic between
 * queries: `({} | rate()) > 10`, `(A) / (B) > 0.5`, `(A) + (B) | topk(5)`. (Stages written right
 * after a metrics function belong to its MetricsQueryNode.)
 */
export interface MetricsStagedNode extends SourceRange {
  readonly type: 'MetricsStaged';
  readonly expr: MetricsExpr;
  readonly stages: readonly MetricsSecondStage[];
}

export type MetricsExpr =
  MetricsQueryNode | MetricsBinaryNode | MetricsParenNode | MetricsScalarNode | MetricsStagedNode;

// ---------------------------------------------------------------------------------------------
// Root

export interface HintNode extends SourceRange {
  readonly name: string;
  readonly value: StaticNode;
}

export interface RootNode extends SourceRange {
  readonly type: 'Root';
  /** A search query (pipeline) or a metrics query. */
  readonly query: PipelineNode | MetricsExpr;
  readonly hints: readonly HintNode[];
}

export function isMetricsQuery(root: RootNode): root is RootNode & { query: MetricsExpr } {
  return root.query.type !== 'Pipeline';
}
