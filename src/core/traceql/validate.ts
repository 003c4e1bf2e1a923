import {
  AggregateNode,
  MetricsExpr,
  MetricsFnNode,
  MetricsQueryNode,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  RootNode,
  ScalarExpr,
  SpansetExpr,
} from './ast';
import { TraceQLDiagnostic } from './diagnostics';
import { INTRINSIC_TYPES, isNumeric, referencesSpan } from './fieldTypes';
import { makeDiagnostic } from './parser';
import { checkField, Report } from './validateField';
import { checkHints } from './validateHints';

/**
 * Tempo's semantic checks on a parsed query (its `validate()`): types of operands, regexes,
 * aggregates that read the span, metrics arguments, hint names. Returns the problems sorted by
 * position (at most MAX_DIAGNOSTICS); an empty list means the query can run.
 */
export function validateTraceQL(root: RootNode, text: string): TraceQLDiagnostic[] {
  const found: Array<{ from: number; to: number; message: string }> = [];
  const report: Report = (from, to, message) => found.push({ from, to, message });
  if (root.query.type === 'Pipeline') {
    checkPipeline(root.query, report);
  } else {
    checkMetrics(root.query, report, false);
  }
  checkHints(root.hints, report);
  // Line and column cost a scan of the text each, so only the problems anyone will read get them.
  return found
    .sort((a, b) => a.from - b.from)
    .slice(0, MAX_DIAGNOSTICS)
    .map(({ from, to, message }) => {
      const token = text.slice(from, Math.min(to, from + 80));
      return makeDiagnostic(text, message, from, to, token);
    });
}

/** An editor underlines a screenful at most; a generated query with thousands of errors needs no more. */
export const MAX_DIAGNOSTICS = 100;

function checkPipeline(p: PipelineNode, report: Report): void {
  for (const stage of p.stages) {
    checkStage(stage, report);
  }
}

function checkStage(s: PipelineStage, report: Report): void {
  switch (s.type) {
    case 'SpansetFilter':
    case 'SpansetBinary':
    case 'SpansetParen':
    case 'WrappedPipeline':
      checkSpanset(s, report);
      return;
    case 'ScalarFilter':
      checkScalar(s.left, report);
      checkScalar(s.right, report);
      return;
    case 'GroupBy':
      checkField(s.expr, report);
      if (!referencesSpan(s.expr)) {
        report(s.from, s.to, 'by() must group by something read from the span, e.g. by(resource.service.name)');
      }
      return;
    case 'Coalesce':
    case 'Select':
      return;
  }
}

export function checkSpanset(s: SpansetExpr, report: Report): void {
  switch (s.type) {
    case 'SpansetFilter': {
      if (s.expr === null) {
        return;
      }
      const t = checkField(s.expr, report);
      if (t !== 'bool' && t !== 'attribute') {
        report(s.expr.from, s.expr.to, `a spanset filter needs a condition that is true or false, not ${t}`);
      }
      return;
    }
    case 'SpansetBinary': {
      // Loop down the left spine: `{a} >> {b} >> ...` chains can be thousands long.
      let cur: SpansetExpr = s;
      while (cur.type === 'SpansetBinary') {
        checkSpanset(cur.right, report);
        cur = cur.left;
      }
      checkSpanset(cur, report);
      return;
    }
    case 'SpansetParen':
      checkSpanset(s.expr, report);
      return;
    case 'WrappedPipeline':
      checkPipeline(s.pipeline, report);
      return;
  }
}

function checkScalar(e: ScalarExpr, report: Report): void {
  switch (e.type) {
    case 'Aggregate':
      checkAggregate(e, report);
      return;
    case 'Static':
      return;
    case 'ScalarParen':
      checkScalar(e.expr, report);
      return;
    case 'ScalarPipeline':
      // Tempo parses this and its engine refuses it ("scalar filter ... not supported").
      report(
        e.from,
        e.to,
        'comparing the result of a parenthesised pipeline is not supported (Tempo parses it but does not run it); compare an aggregate with a number, e.g. { .a } | count() > 2'
      );
      return;
    case 'ScalarBinary': {
      let cur: ScalarExpr = e;
      while (cur.type === 'ScalarBinary') {
        checkScalar(cur.right, report);
        cur = cur.left;
      }
      checkScalar(cur, report);
      return;
    }
  }
}

function checkAggregate(a: AggregateNode, report: Report): void {
  if (a.arg === null) {
    return;
  }
  const t = checkField(a.arg, report);
  if (t !== 'attribute' && !isNumeric(t)) {
    report(a.arg.from, a.arg.to, `${a.fn}() needs a number or duration, not ${t}`);
  } else if (!referencesSpan(a.arg)) {
    report(a.from, a.to, `${a.fn}() must aggregate something read from the span, e.g. ${a.fn}(duration)`);
  }
}

function checkMetrics(m: MetricsExpr, report: Report, inArithmetic: boolean): void {
  switch (m.type) {
    case 'MetricsQuery':
      checkMetricsQuery(m, report, inArithmetic);
      return;
    case 'MetricsBinary': {
      let cur: MetricsExpr = m;
      while (cur.type === 'MetricsBinary') {
        checkMetrics(cur.right, report, true);
        cur = cur.left;
      }
      checkMetrics(cur, report, true);
      return;
    }
    case 'MetricsParen':
      checkMetrics(m.expr, report, inArithmetic);
      return;
    case 'MetricsStaged':
      checkMetrics(m.expr, report, inArithmetic);
      checkSecondStages(m.stages, report);
      if (usesCompare(m.expr)) {
        report(m.stages[0].from, m.stages[0].to, COMPARE_TAKES_NO_STAGE);
      }
      return;
    case 'MetricsScalar':
      return;
  }
}

/** compare() answers a fixed set of series (values and totals per attribute); Tempo takes no stage after it. */
const COMPARE_TAKES_NO_STAGE = 'compare() takes no second stage: no topk(), bottomk() or comparison after it';

/** Whether a metrics expression has compare() anywhere in it. */
export function usesCompare(m: MetricsExpr): boolean {
  switch (m.type) {
    case 'MetricsQuery':
      return m.fn.name === 'compare';
    case 'MetricsParen':
    case 'MetricsStaged':
      return usesCompare(m.expr);
    case 'MetricsBinary':
      return usesCompare(m.left) || usesCompare(m.right);
    case 'MetricsScalar':
      return false;
  }
}

function checkSecondStages(stages: readonly MetricsSecondStage[], report: Report): void {
  for (const s of stages) {
    if ((s.type === 'TopK' || s.type === 'BottomK') && !(Number.isInteger(s.n) && s.n > 0)) {
      report(s.from, s.to, `${s.type === 'TopK' ? 'topk' : 'bottomk'}() needs a positive whole number`);
    }
    if (s.type === 'MetricsFilter') {
      const k = s.value.value.kind;
      if (k !== 'int' && k !== 'float' && k !== 'duration') {
        report(s.value.from, s.value.to, 'a comparison on metrics results takes a number or duration');
      }
    }
  }
}

function checkMetricsQuery(q: MetricsQueryNode, report: Report, inArithmetic: boolean): void {
  checkPipeline(q.pipeline, report);
  checkMetricsFn(q.fn, report);
  if (inArithmetic && q.fn.name === 'compare') {
    report(q.fn.from, q.fn.to, 'compare() cannot be used in metrics arithmetic');
  }
  checkSecondStages(q.secondStages, report);
  if (q.fn.name === 'compare' && q.secondStages.length > 0) {
    report(q.secondStages[0].from, q.secondStages[0].to, COMPARE_TAKES_NO_STAGE);
  }
}

function checkMetricsFn(fn: MetricsFnNode, report: Report): void {
  const needsAttr = fn.name.endsWith('_over_time') && fn.name !== 'count_over_time';
  if (needsAttr && fn.attr === null) {
    report(fn.from, fn.to, `${fn.name}() needs an attribute to measure, e.g. ${fn.name}(duration)`);
  }
  if (fn.attr !== null && fn.attr.type === 'Intrinsic') {
    const t = INTRINSIC_TYPES[fn.attr.name];
    if (!isNumeric(t)) {
      report(fn.attr.from, fn.attr.to, `${fn.name}() needs a numeric attribute, not ${t}`);
    }
  }
  if (fn.name === 'quantile_over_time') {
    if (fn.quantiles.length === 0) {
      report(
        fn.from,
        fn.to,
        'quantile_over_time() needs at least one quantile, e.g. quantile_over_time(duration, .99)'
      );
    }
    if (fn.quantiles.some((q) => !(q >= 0 && q <= 1))) {
      report(fn.from, fn.to, 'quantiles must be between 0 and 1');
    }
  }
  if (fn.compare !== null) {
    checkSpanset(fn.compare.selector, report);
    const { topN, start, end } = fn.compare;
    if (!(Number.isInteger(topN) && topN > 0)) {
      report(fn.from, fn.to, 'compare() needs a positive whole number of top values');
    }
    if (start !== undefined && end !== undefined && !(start === 0 && end === 0)) {
      if (!(start > 0 && end > 0)) {
        report(fn.from, fn.to, 'compare() needs its window as positive Unix nanoseconds, or both ends 0 for no window');
      } else if (!(start < end)) {
        report(fn.from, fn.to, 'compare() needs a start before its end');
      }
    }
  }
}
