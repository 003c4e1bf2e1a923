import type { AdHocVariableFilter } from '@grafana/data';

import type {
  FieldExpr,
  FieldBinaryNode,
  PipelineNode,
  RootNode,
  SpansetExpr,
  MetricsExpr,
  StaticNode,
} from '../../core/traceql/ast';
import { parseTraceQL, printTraceQL } from '../language/traceql';
import { quoteTraceQLString } from './quote';

const OPERATORS = new Set(['=', '!=', '=~', '!~', '<', '>', '<=', '>=']);
const BARE_VALUE_KEYS = new Set(['status', 'span:status', 'kind', 'span:kind']);
const DURATION_KEYS = new Set(['duration', 'span:duration', 'traceDuration', 'trace:duration', 'event:timeSinceStart']);

/** One ad-hoc filter as TraceQL: `resource.service.name = "api"`, `status = error`, `duration > 2s`. */
export function adHocFilterCondition(filter: AdHocVariableFilter): string {
  const op = OPERATORS.has(filter.operator) ? filter.operator : '=';
  const isBare = BARE_VALUE_KEYS.has(filter.key) && /^[a-z]+$/.test(filter.value);
  const isDuration = DURATION_KEYS.has(filter.key) && /^\d+(\.\d+)?(ns|us|µs|ms|s|m|h)$/.test(filter.value);
  const isNumber = /^-?\d+(\.\d+)?$/.test(filter.value) && !op.includes('~');
  const value = isBare || isDuration || isNumber ? filter.value : quoteTraceQLString(filter.value);
  return `${filter.key} ${op} ${value}`;
}

/**
 * Ad-hoc filters restrict every spanset filter of the query: `{ a }` becomes `{ (a) && f }`, so
 * only spans that also match the dashboard's filters count, in searches and in metrics alike.
 * The conditions are parsed (never pasted) so a bad key or value is a parse error, not a new query.
 */
export function applyAdHocFilters(query: string, filters: readonly AdHocVariableFilter[]): string {
  if (filters.length === 0) {
    return query;
  }
  const conditions = `{ ${filters.map(adHocFilterCondition).join(' && ')} }`;
  const parsedConditions = parseTraceQL(conditions);
  if (!parsedConditions.ok) {
    throw new Error(`ad-hoc filter is not valid TraceQL: ${parsedConditions.error.message} in ${conditions}`);
  }
  const condition = firstFilterExpr(parsedConditions.value);
  if (query.trim() === '') {
    return conditions;
  }
  const parsed = parseTraceQL(query);
  if (!parsed.ok || !condition) {
    // The query's own parse error is reported by the core with the user's positions.
    return query;
  }
  return printTraceQL({ ...parsed.value, query: mapQuery(parsed.value.query, condition) });
}

function firstFilterExpr(root: RootNode): FieldExpr | null {
  if (root.query.type !== 'Pipeline') {
    return null;
  }
  const stage = root.query.stages[0];
  return stage && stage.type === 'SpansetFilter' ? stage.expr : null;
}

function and(left: FieldExpr, right: FieldExpr): FieldBinaryNode {
  const wrapped: FieldExpr =
    left.type === 'FieldBinary' && (left.op === '||' || left.op === '&&')
      ? { type: 'FieldParen', expr: left, from: left.from, to: left.to }
      : left;
  return { type: 'FieldBinary', op: '&&', left: wrapped, right, from: left.from, to: left.to };
}

function mapSpanset(s: SpansetExpr, c: FieldExpr): SpansetExpr {
  switch (s.type) {
    case 'SpansetFilter':
      return { ...s, expr: s.expr === null || isTrue(s.expr) ? c : and(s.expr, c) };
    case 'SpansetBinary':
      return { ...s, left: mapSpanset(s.left, c), right: mapSpanset(s.right, c) };
    case 'SpansetParen':
      return { ...s, expr: mapSpanset(s.expr, c) };
    case 'WrappedPipeline':
      return { ...s, pipeline: mapPipeline(s.pipeline, c) };
  }
}

function isTrue(e: FieldExpr): e is StaticNode {
  return e.type === 'Static' && e.value.kind === 'bool' && e.value.value;
}

function mapPipeline(p: PipelineNode, c: FieldExpr): PipelineNode {
  return {
    ...p,
    stages: p.stages.map((stage) => {
      switch (stage.type) {
        case 'SpansetFilter':
        case 'SpansetBinary':
        case 'SpansetParen':
        case 'WrappedPipeline':
          return mapSpanset(stage, c);
        default:
          return stage;
      }
    }),
  };
}

function mapMetrics(m: MetricsExpr, c: FieldExpr): MetricsExpr {
  switch (m.type) {
    case 'MetricsQuery':
      return { ...m, pipeline: mapPipeline(m.pipeline, c) };
    case 'MetricsBinary':
      return { ...m, left: mapMetrics(m.left, c), right: mapMetrics(m.right, c) };
    case 'MetricsParen':
    case 'MetricsStaged':
      return { ...m, expr: mapMetrics(m.expr, c) };
    case 'MetricsScalar':
      return m;
  }
}

function mapQuery(q: RootNode['query'], c: FieldExpr): RootNode['query'] {
  return q.type === 'Pipeline' ? mapPipeline(q, c) : mapMetrics(q, c);
}
