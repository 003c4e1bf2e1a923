/**
 * The engine's entry for search queries: compiles a root once (cached per AST object) and runs it
 * per trace. Compile problems (an invalid regex literal) and Tempo's per-trace errors come back as
 * values, never as exceptions.
 */
import { TraceLensError } from '../errors';
import type { Span, Trace } from '../model/types';
import type { IntrinsicName, PipelineNode, RootNode } from '../traceql/ast';
import { nodeBeyondDepth, tooDeepMessage } from '../traceql/depth';
import { type PipelineCompilation, QueryCompileError, type ReportedField, compilePipeline } from './compilePipeline';
import type { EvalContext } from './evalContext';
import { printAttribute } from './printField';
import { type IndexedSpanset, SpansetEvalError, type SpansetAttribute } from './spanset';
import { type TraceIndex, indexTrace } from './traceIndex';
import type { Value } from './values';

export interface Spanset {
  readonly spans: readonly Span[];
  /** by(), aggregate and other spanset-level attributes, in the order Tempo adds them. */
  readonly attributes: readonly SpansetAttribute[];
}

/** One attribute of a returned span, keyed the way Tempo's search response keys it. */
export interface ReportedAttribute {
  readonly key: string;
  readonly value: Value;
}

export type EvalOutcome =
  { readonly ok: true; readonly spansets: readonly Spanset[] } | { readonly ok: false; readonly error: TraceLensError };

export interface CompiledSearch {
  readonly root: RootNode;
  /** Raw per-trace evaluation, spans as positions in the trace index. */
  evaluateIndexed(ix: TraceIndex): { ok: true; spansets: IndexedSpanset[] } | { ok: false; error: TraceLensError };
  evaluate(trace: Trace): EvalOutcome;
  /** The attributes Tempo would report on this span: fields the filters read, then select() fields. */
  reportedAttributes(ix: TraceIndex, position: number): ReportedAttribute[];
  /** `with(name=value)` hint, if present. */
  hint(name: string): Value | undefined;
  /** Whether a filter or select() reads the span name: Tempo then reports it on result spans. */
  readonly readsName: boolean;
}

export type CompileOutcome =
  { readonly ok: true; readonly query: CompiledSearch } | { readonly ok: false; readonly error: TraceLensError };

const compiled = new WeakMap<RootNode, CompileOutcome>();

export function compileSearch(root: RootNode): CompileOutcome {
  const hit = compiled.get(root);
  if (hit !== undefined) {
    return hit;
  }
  const result = compileUncached(root);
  compiled.set(root, result);
  return result;
}

function compileUncached(root: RootNode): CompileOutcome {
  // Parsed queries are already bounded; a tree built another way is checked before it is walked.
  const deep = nodeBeyondDepth(root);
  if (deep !== undefined) {
    return { ok: false, error: new TraceLensError('validate', `${tooDeepMessage()} (at offset ${deep.from})`) };
  }
  if (root.query.type !== 'Pipeline') {
    return {
      ok: false,
      error: new TraceLensError('validate', 'a metrics query cannot be run as a search; use the metrics API'),
    };
  }
  try {
    return { ok: true, query: new SearchProgram(root, compilePipelineOrThrow(root.query)) };
  } catch (e) {
    if (e instanceof QueryCompileError) {
      return { ok: false, error: new TraceLensError('validate', e.message) };
    }
    throw e;
  }
}

export function compilePipelineOrThrow(p: PipelineNode): PipelineCompilation {
  return compilePipeline(p);
}

/** Intrinsics Tempo reports in dedicated fields (or not at all) rather than as span attributes. */
const NOT_REPORTED: ReadonlySet<IntrinsicName> = new Set<IntrinsicName>([
  'span:name',
  'span:duration',
  'span:id',
  'trace:duration',
  'trace:rootName',
  'trace:rootService',
  'trace:id',
]);

function reportedKey(f: ReportedField): string | null {
  const n = f.node;
  if (n.type === 'Intrinsic') {
    if (NOT_REPORTED.has(n.name)) {
      return null;
    }
    return n.name.startsWith('span:') ? n.name.slice('span:'.length) : n.name;
  }
  if (n.scope === 'event' || n.scope === 'link') {
    // These belong to one event or link, not the span; Tempo does not list them per span.
    return null;
  }
  return n.parent ? printAttribute(n) : n.name;
}

class SearchProgram implements CompiledSearch {
  private readonly reported: Array<{ key: string; field: ReportedField }> = [];
  readonly readsName: boolean;

  constructor(
    readonly root: RootNode,
    private readonly program: PipelineCompilation
  ) {
    const seen = new Set<string>();
    const fields = [...program.filterFields, ...program.selectFields];
    this.readsName = fields.some((f) => f.node.type === 'Intrinsic' && f.node.name === 'span:name');
    for (const f of fields) {
      const key = reportedKey(f);
      if (key !== null && !seen.has(key)) {
        seen.add(key);
        this.reported.push({ key, field: f });
      }
    }
  }

  hint(name: string): Value | undefined {
    const h = this.root.hints.find((x) => x.name === name);
    if (h === undefined) {
      return undefined;
    }
    const v = h.value.value;
    switch (v.kind) {
      case 'nil':
        return { t: 'nil' };
      case 'spanKind':
        return { t: 'kind', v: v.value };
      default:
        return { t: v.kind, v: v.value } as Value;
    }
  }

  evaluateIndexed(ix: TraceIndex): { ok: true; spansets: IndexedSpanset[] } | { ok: false; error: TraceLensError } {
    if (ix.table.length === 0) {
      return { ok: true, spansets: [] };
    }
    const all: IndexedSpanset = { spans: Array.from({ length: ix.table.length }, (_s, i) => i), attributes: [] };
    try {
      return { ok: true, spansets: this.program.run(ix, [all]) };
    } catch (e) {
      if (e instanceof SpansetEvalError) {
        return { ok: false, error: new TraceLensError('unsupported', e.message) };
      }
      throw e;
    }
  }

  evaluate(trace: Trace): EvalOutcome {
    const ix = indexTrace(trace);
    const r = this.evaluateIndexed(ix);
    if (!r.ok) {
      return r;
    }
    return {
      ok: true,
      spansets: r.spansets.map((ss) => ({ spans: ss.spans.map((i) => ix.spans[i]), attributes: ss.attributes })),
    };
  }

  reportedAttributes(ix: TraceIndex, position: number): ReportedAttribute[] {
    const ctx: EvalContext = { ix, i: position, ev: null, ln: null };
    const out: ReportedAttribute[] = [];
    for (const { key, field } of this.reported) {
      const v = field.fn(ctx);
      if (v.t !== 'nil') {
        out.push({ key, value: v });
      }
    }
    return out;
  }
}

/** Evaluates a search query against one trace, returning its spansets (Tempo's per-trace result). */
export function evaluateTrace(root: RootNode, trace: Trace): EvalOutcome {
  const c = compileSearch(root);
  return c.ok ? c.query.evaluate(trace) : c;
}
