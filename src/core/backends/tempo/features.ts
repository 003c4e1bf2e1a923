import type {
  FieldExpr,
  MetricsExpr,
  MetricsSecondStage,
  PipelineNode,
  PipelineStage,
  RootNode,
  ScalarExpr,
  SpansetExpr,
  StaticNode,
} from '../../traceql/ast';
import { negatesCondition } from '../../traceql/fieldShapes';
import type { TempoFeature } from './capabilities';

/** One use of a version-dependent construct, with where it is in the query text. */
export interface FeatureUse {
  readonly feature: TempoFeature;
  readonly from: number;
  readonly to: number;
}

/** Every version-dependent Tempo feature the query uses (first use of each). */
export function queryFeatures(root: RootNode): FeatureUse[] {
  const uses = new Map<TempoFeature, FeatureUse>();
  const add = (feature: TempoFeature, at: { from: number; to: number }) => {
    if (!uses.has(feature)) {
      uses.set(feature, { feature, from: at.from, to: at.to });
    }
  };
  const walk = new FeatureWalker(add);
  if (root.query.type === 'Pipeline') {
    walk.pipeline(root.query);
  } else {
    walk.metrics(root.query, true);
  }
  for (const h of root.hints) {
    if (h.name === 'most_recent') {
      add('most_recent-hint', h);
    } else if (h.name === 'exemplars') {
      add('exemplars-hint', h);
    } else if (h.name === 'extrapolate') {
      add('extrapolate-hint', h);
    }
  }
  return [...uses.values()];
}

/** Version-dependent features used inside one field expression (a pushdown conjunct). */
export function fieldFeatures(e: FieldExpr): TempoFeature[] {
  const found: TempoFeature[] = [];
  new FeatureWalker((f) => found.push(f)).field(e);
  return found;
}

class FeatureWalker {
  constructor(private readonly add: (f: TempoFeature, at: { from: number; to: number }) => void) {}

  metrics(m: MetricsExpr, top: boolean): void {
    switch (m.type) {
      case 'MetricsBinary':
        this.add('metrics-arithmetic', m);
        this.metrics(m.left, false);
        this.metrics(m.right, false);
        return;
      case 'MetricsParen':
        this.metrics(m.expr, top);
        return;
      case 'MetricsStaged':
        this.metrics(m.expr, top);
        this.secondStages(m.stages);
        return;
      case 'MetricsScalar':
        return;
      case 'MetricsQuery': {
        this.pipeline(m.pipeline);
        const fn = m.fn;
        this.add('traceql-metrics', fn);
        const byName: Partial<Record<typeof fn.name, TempoFeature>> = {
          quantile_over_time: 'quantile_over_time',
          histogram_over_time: 'histogram_over_time',
          compare: 'compare',
          avg_over_time: 'avg_over_time',
          sum_over_time: 'sum_over_time',
        };
        const f = byName[fn.name];
        if (f) {
          this.add(f, fn);
        }
        if (fn.name === 'compare') {
          this.add('compare-counts', fn);
        }
        if (fn.attr) {
          this.field(fn.attr);
        }
        fn.by.forEach((b) => this.field(b));
        if (fn.compare) {
          this.spanset(fn.compare.selector);
        }
        this.secondStages(m.secondStages);
        return;
      }
    }
  }

  private secondStages(stages: readonly MetricsSecondStage[]): void {
    for (const s of stages) {
      this.add(s.type === 'MetricsFilter' ? 'metrics-comparison' : 'topk-bottomk', s);
      if (s.type === 'MetricsFilter') {
        this.static(s.value);
      }
    }
  }

  pipeline(p: PipelineNode): void {
    p.stages.forEach((s) => this.stage(s));
  }

  private stage(s: PipelineStage): void {
    switch (s.type) {
      case 'ScalarFilter':
        this.scalar(s.left);
        this.scalar(s.right);
        return;
      case 'GroupBy':
        this.field(s.expr);
        return;
      case 'Coalesce':
        this.add('coalesce', s);
        return;
      case 'Select':
        s.fields.forEach((f) => this.field(f));
        return;
      default:
        this.spanset(s);
    }
  }

  private spanset(s: SpansetExpr): void {
    switch (s.type) {
      case 'SpansetFilter':
        if (s.expr) {
          this.field(s.expr);
        }
        return;
      case 'SpansetBinary':
        this.spanset(s.left);
        this.spanset(s.right);
        return;
      case 'SpansetParen':
        this.spanset(s.expr);
        return;
      case 'WrappedPipeline':
        this.pipeline(s.pipeline);
        return;
    }
  }

  private scalar(s: ScalarExpr): void {
    switch (s.type) {
      case 'Aggregate':
        if (s.arg) {
          this.field(s.arg);
        }
        return;
      case 'Static':
        this.static(s);
        return;
      case 'ScalarBinary':
        this.scalar(s.left);
        this.scalar(s.right);
        return;
      case 'ScalarParen':
        this.scalar(s.expr);
        return;
      case 'ScalarPipeline':
        this.pipeline(s.pipeline);
        this.scalar(s.aggregate);
        return;
    }
  }

  private static(s: StaticNode): void {
    if (/^(minInt|maxInt)$/.test(s.raw.trim())) {
      this.add('minInt-maxInt', s);
    }
  }

  field(e: FieldExpr): void {
    switch (e.type) {
      case 'Static':
        this.static(e);
        return;
      case 'Attribute':
        if (e.scope === 'instrumentation') {
          this.add('instrumentation-scope', e);
        }
        return;
      case 'Intrinsic':
        if (e.name === 'span:childCount') {
          this.add('span:childCount', e);
        } else if (e.name === 'event:timeSinceStart') {
          this.add('event:timeSinceStart', e);
          this.add('time-since-start-comparison', e);
        } else if (e.name === 'instrumentation:name' || e.name === 'instrumentation:version') {
          this.add('instrumentation-scope', e);
        }
        return;
      case 'FieldBinary':
        this.field(e.left);
        this.field(e.right);
        return;
      case 'FieldUnary':
        if (negatesCondition(e)) {
          this.add('negated-condition', e);
        }
        this.field(e.operand);
        return;
      case 'FieldParen':
        this.field(e.expr);
        return;
    }
  }
}
