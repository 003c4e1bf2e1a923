/**
 * Compiles a spanset pipeline into a function from input spansets to output spansets, following
 * Tempo's evaluation: each stage runs on the previous stage's spansets; spanset operators evaluate
 * both sides on one input spanset at a time; structural operators need exactly one spanset per side.
 */
import type {
  AttributeNode,
  FieldExpr,
  IntrinsicNode,
  PipelineNode,
  PipelineStage,
  ScalarExpr,
  ScalarFilterNode,
  SpansetExpr,
} from '../traceql/ast';
import { aggregate } from './aggregates';
import type { CompiledField, EvalContext } from './evalContext';
import { compareOp, compileField, staticValue } from './compileField';
import { compileFilter } from './compileFilter';
import { printAggregate, printField } from './printField';
import { type IndexedSpanset, MULTIPLE_SPANSETS_ERROR, SpansetEvalError, type SpansetAttribute } from './spanset';
import { type RelationOp, applyStructural } from './structural';
import type { TraceIndex } from './traceIndex';
import { NIL, type Value, arith, valueKey } from './values';

export type Stage = (ix: TraceIndex, input: readonly IndexedSpanset[]) => IndexedSpanset[];

/** Fields a search result reports on each span: what the filters read, then what select() asked for. */
export interface ReportedField {
  readonly node: AttributeNode | IntrinsicNode;
  readonly fn: CompiledField;
}

export class QueryCompileError extends Error {}

export interface PipelineCompilation {
  readonly run: Stage;
  readonly filterFields: ReportedField[];
  readonly selectFields: ReportedField[];
}

export function compilePipeline(p: PipelineNode): PipelineCompilation {
  const out: PipelineCompilation = { run: () => [], filterFields: [], selectFields: [] };
  const run = pipeline(p, out);
  return { ...out, run };
}

function field(e: FieldExpr): CompiledField {
  const c = compileField(e);
  if (!c.ok) {
    throw new QueryCompileError(c.message);
  }
  return c.fn;
}

function collectFields(e: FieldExpr, into: ReportedField[]): void {
  switch (e.type) {
    case 'Attribute':
    case 'Intrinsic':
      into.push({ node: e, fn: field(e) });
      break;
    case 'FieldParen':
      collectFields(e.expr, into);
      break;
    case 'FieldUnary':
      collectFields(e.operand, into);
      break;
    case 'FieldBinary':
      collectFields(e.left, into);
      collectFields(e.right, into);
      break;
    case 'Static':
      break;
  }
}

function pipeline(p: PipelineNode, acc: PipelineCompilation): Stage {
  const stages = p.stages.map((s) => stage(s, acc));
  return (ix, input) => {
    let cur: IndexedSpanset[] = [...input];
    for (const s of stages) {
      cur = s(ix, cur);
      if (cur.length === 0) {
        return cur;
      }
    }
    return cur;
  };
}

function stage(s: PipelineStage, acc: PipelineCompilation): Stage {
  switch (s.type) {
    case 'ScalarFilter':
      return scalarFilter(s);
    case 'GroupBy':
      return groupBy(s.expr);
    case 'Coalesce':
      return (_ix, input) => [{ spans: unionOf(input), attributes: [] }];
    case 'Select':
      for (const f of s.fields) {
        acc.selectFields.push({ node: f, fn: field(f) });
      }
      // Selection only decorates returned spans; it never changes which spans match.
      return (_ix, input) => [...input];
    default:
      return spansetExpr(s, acc);
  }
}

function spansetExpr(e: SpansetExpr, acc: PipelineCompilation): Stage {
  switch (e.type) {
    case 'SpansetFilter': {
      const f = compileFilter(e);
      if (!f.ok) {
        throw new QueryCompileError(f.message);
      }
      if (e.expr !== null) {
        collectFields(e.expr, acc.filterFields);
      }
      const test = f.test;
      return (ix, input) => {
        const out: IndexedSpanset[] = [];
        for (const ss of input) {
          const spans = ss.spans.filter((i) => test(ix, i));
          if (spans.length > 0) {
            out.push({ spans, attributes: ss.attributes });
          }
        }
        return out;
      };
    }
    case 'SpansetParen':
      return spansetExpr(e.expr, acc);
    case 'WrappedPipeline':
      return pipeline(e.pipeline, acc);
    case 'SpansetBinary': {
      const left = spansetExpr(e.left, acc);
      const right = spansetExpr(e.right, acc);
      const op = e.op;
      return (ix, input) => {
        const out: IndexedSpanset[] = [];
        for (const ss of input) {
          const lhs = left(ix, [ss]);
          const rhs = right(ix, [ss]);
          let spans: number[];
          if (op === '&&' || op === '||') {
            const holds = op === '&&' ? lhs.length > 0 && rhs.length > 0 : lhs.length > 0 || rhs.length > 0;
            if (!holds) {
              continue;
            }
            spans = unionOf([...lhs, ...rhs]);
          } else {
            if (rhs.length === 0) {
              continue;
            }
            if (lhs.length > 1 || rhs.length > 1) {
              throw new SpansetEvalError(MULTIPLE_SPANSETS_ERROR);
            }
            spans = applyStructural(op as RelationOp, ix, lhs.length === 0 ? [] : lhs[0].spans, rhs[0].spans);
          }
          if (spans.length > 0) {
            out.push({ spans, attributes: ss.attributes });
          }
        }
        return out;
      };
    }
  }
}

function unionOf(sets: readonly IndexedSpanset[]): number[] {
  if (sets.length === 1) {
    return [...sets[0].spans];
  }
  const all = new Set<number>();
  for (const ss of sets) {
    for (const i of ss.spans) {
      all.add(i);
    }
  }
  return [...all].sort((a, b) => a - b);
}

function groupBy(expr: FieldExpr): Stage {
  const fn = field(expr);
  const label = 'by(' + printField(expr) + ')';
  return (ix, input) => {
    const out: IndexedSpanset[] = [];
    const ctx: EvalContext = { ix, i: 0, ev: null, ln: null };
    for (const ss of input) {
      // Groups come out in order of first appearance, so results are deterministic.
      const groups = new Map<string, { value: Value; spans: number[] }>();
      for (const i of ss.spans) {
        ctx.i = i;
        const v = fn(ctx);
        const k = valueKey(v);
        const g = groups.get(k);
        if (g === undefined) {
          groups.set(k, { value: v, spans: [i] });
        } else {
          g.spans.push(i);
        }
      }
      for (const g of groups.values()) {
        out.push({ spans: g.spans, attributes: [...ss.attributes, { name: label, value: g.value }] });
      }
    }
    return out;
  };
}

type ScalarFn = (ix: TraceIndex, ss: IndexedSpanset, attrs: SpansetAttribute[]) => Value;

function scalar(e: ScalarExpr): ScalarFn {
  switch (e.type) {
    case 'Static': {
      const v = staticValue(e);
      return () => v;
    }
    case 'ScalarParen':
      return scalar(e.expr);
    case 'ScalarBinary': {
      const l = scalar(e.left);
      const r = scalar(e.right);
      return (ix, ss, attrs) => arith(e.op, l(ix, ss, attrs), r(ix, ss, attrs));
    }
    case 'ScalarPipeline':
      // Validation refuses these (Tempo does not run them either); reaching here is a caller bug.
      throw new QueryCompileError('comparing the results of two pipelines is not supported');
    case 'Aggregate': {
      const arg = e.arg === null ? null : field(e.arg);
      const name = printAggregate(e);
      return (ix, ss, attrs) => {
        const v = aggregate(e.fn, arg, ix, ss.spans);
        if (v.t !== 'nil') {
          attrs.push({ name, value: v });
        }
        return v;
      };
    }
  }
}

function scalarFilter(f: ScalarFilterNode): Stage {
  const l = scalar(f.left);
  const r = scalar(f.right);
  return (ix, input) => {
    const out: IndexedSpanset[] = [];
    for (const ss of input) {
      const attrs = [...ss.attributes];
      const a = l(ix, ss, attrs);
      const b = r(ix, ss, attrs);
      if (a === NIL || b === NIL || a.t === 'nil' || b.t === 'nil') {
        continue;
      }
      if (compareOp(f.op, a, b)) {
        out.push({ spans: ss.spans, attributes: attrs });
      }
    }
    return out;
  };
}
