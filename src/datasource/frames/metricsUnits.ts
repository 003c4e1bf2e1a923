import { parseTraceQL, type AttributeNode, type IntrinsicNode, type MetricsExpr } from '../../core/traceql';

/**
 * The Grafana unit of a TraceQL metrics query's values, so the series and the axis say what they
 * count: without one, a rate of 0.5 spans a second and a p99 of 0.25 s both read as bare numbers.
 *
 * - `rate()` counts spans per second (`count:spans/s`, which Grafana scales to K and M);
 *   `count_over_time()` counts spans per step (`count:spans`).
 * - `min_over_time`, `max_over_time`, `avg_over_time`, `sum_over_time` and `quantile_over_time` of
 *   a duration (span or trace duration, an event's time since the span start) are in seconds, as
 *   Tempo answers them; of any other attribute they carry that attribute's own unknown unit.
 * - Arithmetic keeps a unit only when both sides have the same one and the operator is + or -
 *   (a sum of rates is a rate; a ratio of rates is a plain number); a scalar factor keeps it
 *   for * and /. Parentheses and second stages (topk, filters) do not change the unit.
 *
 * Undefined when the query is not a metrics query, does not parse, or its unit is unknown.
 */
export function metricsUnit(query: string): string | undefined {
  const parsed = parseTraceQL(query);
  if (!parsed.ok || parsed.value.query.type === 'Pipeline') {
    return undefined;
  }
  const unit = unitOf(parsed.value.query);
  return unit === null || unit === 'scalar' ? undefined : unit;
}

const DURATIONS: ReadonlySet<string> = new Set(['span:duration', 'trace:duration', 'event:timeSinceStart']);

function isDuration(attr: AttributeNode | IntrinsicNode | null): boolean {
  return attr !== null && attr.type === 'Intrinsic' && DURATIONS.has(attr.name);
}

/** `null` for no unit (a plain number or unknown); a scalar is `'scalar'` so arithmetic can tell. */
function unitOf(expr: MetricsExpr): string | null {
  switch (expr.type) {
    case 'MetricsQuery': {
      const fn = expr.fn;
      switch (fn.name) {
        case 'rate':
          return 'count:spans/s';
        case 'count_over_time':
          return 'count:spans';
        case 'min_over_time':
        case 'max_over_time':
        case 'avg_over_time':
        case 'sum_over_time':
        case 'quantile_over_time':
          return isDuration(fn.attr) ? 's' : null;
        default:
          return null;
      }
    }
    case 'MetricsParen':
    case 'MetricsStaged':
      return unitOf(expr.expr);
    case 'MetricsScalar':
      return 'scalar';
    case 'MetricsBinary': {
      const left = unitOf(expr.left);
      const right = unitOf(expr.right);
      if (left === 'scalar' && right === 'scalar') {
        return 'scalar';
      }
      if (expr.op === '+' || expr.op === '-') {
        return left === right ? left : null;
      }
      // k * x, x * k and x / k keep x's unit; anything over a measured series is a ratio.
      if (left === 'scalar' && expr.op === '*') {
        return right;
      }
      return right === 'scalar' ? left : null;
    }
  }
}
