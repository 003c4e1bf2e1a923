/**
 * A `{ ... }` filter as a span predicate. All conditions in one pair of braces hold on the same
 * span; conditions on `event.`/`link.` hold when some single event (link) of the span satisfies
 * them together, which is how Tempo matches event- and link-level columns.
 */
import type { SpansetFilterNode } from '../traceql/ast';
import type { EvalContext } from './evalContext';
import { compileField, referencedScopes } from './compileField';
import type { TraceIndex } from './traceIndex';

export type SpanPredicate = (ix: TraceIndex, i: number) => boolean;

export type FilterCompileResult =
  { readonly ok: true; readonly test: SpanPredicate } | { readonly ok: false; readonly message: string };

export function compileFilter(node: SpansetFilterNode): FilterCompileResult {
  if (node.expr === null) {
    return { ok: true, test: () => true };
  }
  const compiled = compileField(node.expr);
  if (!compiled.ok) {
    return compiled;
  }
  const fn = compiled.fn;
  const { events, links } = referencedScopes(node.expr);
  const ctx: EvalContext = { ix: undefined as never, i: 0, ev: null, ln: null };
  const holds = (): boolean => {
    const v = fn(ctx);
    return v.t === 'bool' && v.v;
  };
  const overLinks = (): boolean => {
    const ls = ctx.ix.table.links[ctx.i];
    if (!links || ls.length === 0) {
      ctx.ln = null;
      return holds();
    }
    for (const l of ls) {
      ctx.ln = l;
      if (holds()) {
        return true;
      }
    }
    return false;
  };
  const overEvents = (): boolean => {
    const es = ctx.ix.eventsOf(ctx.i);
    if (!events || es.length === 0) {
      ctx.ev = null;
      return overLinks();
    }
    for (const e of es) {
      ctx.ev = e;
      if (overLinks()) {
        return true;
      }
    }
    return false;
  };
  if (!events && !links) {
    return {
      ok: true,
      test: (ix, i) => {
        ctx.ix = ix;
        ctx.i = i;
        return holds();
      },
    };
  }
  return {
    ok: true,
    test: (ix, i) => {
      ctx.ix = ix;
      ctx.i = i;
      const r = overEvents();
      ctx.ev = null;
      ctx.ln = null;
      return r;
    },
  };
}
