import fc from 'fast-check';
import type { Span, Trace } from '../model/types';
import { type RelationOp, applyStructural } from './structural';
import { indexTrace } from './traceIndex';
import { evaluateTrace } from './compileQuery';
import { bin, filter, intr, root, sop, str, by, coalesce, pipe, wrapped, res } from './testing/astBuilders';
import { buildTrace, type SpanSpec } from './testing/traceBuilder';
import { checkoutTrace } from './testing/fixtures';
import { MULTIPLE_SPANSETS_ERROR } from './spanset';

const OPS: RelationOp[] = ['>>', '<<', '>', '<', '~', '&>>', '&<<', '&>', '&<', '&~', '!>>', '!<<', '!>', '!<', '!~'];

/**
 * The relations by walking parent links, pair by pair: the O(n²) definition the fast path must
 * match. Only spans that reach a root (a span with no parent id) by their parent links take part
 * in any relation; roots are siblings of each other (Tempo's rule, docs/tempo-compatibility.md).
 */
function naive(op: RelationOp, trace: Trace, l: number[], r: number[]): number[] {
  const spans = trace.spans;
  const byId = new Map(spans.map((s, i) => [s.spanId, i] as const));
  const parentOf = (i: number): number => {
    const p = byId.get(spans[i].parentSpanId);
    return p === undefined || p === i ? -1 : p;
  };
  const reachesRoot = (i: number): boolean => {
    let cur = i;
    for (let steps = 0; steps <= spans.length; steps++) {
      if (spans[cur].parentSpanId === '') {
        return true;
      }
      const p = parentOf(cur);
      if (p < 0) {
        return false;
      }
      cur = p;
    }
    return false;
  };
  const isDesc = (a: number, b: number): boolean => {
    for (let p = parentOf(a); p >= 0; p = parentOf(p)) {
      if (p === b) {
        return true;
      }
    }
    return false;
  };
  const rel: Record<string, (x: number, y: number) => boolean> = {
    // rel(l, r): r stands in the relation to l
    '>>': (x, y) => isDesc(y, x),
    '<<': (x, y) => isDesc(x, y),
    '>': (x, y) => parentOf(y) === x,
    '<': (x, y) => parentOf(x) === y,
    '~': (x, y) => x !== y && parentOf(x) === parentOf(y),
  };
  const base = op.replace(/^[&!]/, '');
  const f = (x: number, y: number) => reachesRoot(x) && reachesRoot(y) && rel[base](x, y);
  if (op.startsWith('&')) {
    const out = new Set<number>();
    for (const x of l) {
      for (const y of r) {
        if (f(x, y)) {
          out.add(x);
          out.add(y);
        }
      }
    }
    return [...out].sort((a, b) => a - b);
  }
  const negated = op.startsWith('!');
  return r.filter((y) => l.some((x) => f(x, y)) !== negated);
}

/** A random forest: each span's parent is an earlier span, or none (several roots exercise root siblings). */
const arbTree = fc
  .integer({ min: 1, max: 40 })
  .chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: -1, max: n - 1 }), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n })
    )
  );

function forest(parents: number[]): Trace {
  const spans: Span[] = [];
  const base = buildTrace({ root: { name: 'x' } }).spans[0];
  parents.forEach((p, i) => {
    const parent = i === 0 || p < 0 || p >= i ? -1 : p;
    spans.push({
      ...base,
      spanId: (i + 1).toString(16).padStart(16, '0'),
      parentSpanId: parent < 0 ? (i === 0 ? '' : 'ffffffffffffffff') : (parent + 1).toString(16).padStart(16, '0'),
      name: `s${i}`,
    });
  });
  return { traceId: base.traceId, spans, warnings: [] };
}

describe('structural operators', () => {
  it.each(OPS)('%s agrees with the O(n²) definition on random span forests', (op) => {
    fc.assert(
      fc.property(arbTree, ([parents, inL, inR]) => {
        const trace = forest(parents);
        const ix = indexTrace(trace);
        const l = inL.map((b, i) => (b ? i : -1)).filter((i) => i >= 0);
        const r = inR.map((b, i) => (b ? i : -1)).filter((i) => i >= 0);
        expect(applyStructural(op, ix, l, r)).toEqual(naive(op, trace, l, r));
      }),
      { numRuns: 200 }
    );
  });

  const trace = checkoutTrace();
  const svc = (name: string) => filter(bin('=', res('service.name'), str(name)));
  const names = (q: ReturnType<typeof root>): string[] => {
    const r = evaluateTrace(q, trace);
    if (!r.ok) {
      throw r.error;
    }
    return r.spansets.flatMap((ss) => ss.spans.map((s) => s.name));
  };

  it('returns the right-hand side for plain forms (Tempo docs examples)', () => {
    expect(names(root(sop('>>', svc('frontend'), svc('database'))))).toEqual(['SELECT users']);
    expect(names(root(sop('>', svc('api-gateway'), filter())))).toEqual(['authenticate', 'load user']);
    expect(names(root(sop('<<', svc('database'), filter())))).toEqual([
      'GET /checkout',
      'POST /api/orders',
      'load user',
    ]);
    expect(names(root(sop('<', svc('database'), filter())))).toEqual(['load user']);
    expect(names(root(sop('~', svc('auth-service'), filter())))).toEqual(['load user']);
  });

  it('returns both sides for union forms and non-matching right spans for negated forms', () => {
    expect(names(root(sop('&>', svc('user-service'), svc('database'))))).toEqual(['load user', 'SELECT users']);
    // Leaf spans: spans that are nobody's parent.
    expect(names(root(sop('!<', filter(), filter())))).toEqual(['authenticate', 'SELECT users']);
  });

  it('&& needs both sides and returns their union; || needs either', () => {
    expect(names(root(sop('&&', svc('frontend'), svc('database'))))).toEqual(['GET /checkout', 'SELECT users']);
    expect(names(root(sop('&&', svc('frontend'), svc('nope'))))).toEqual([]);
    expect(names(root(sop('||', svc('frontend'), svc('nope'))))).toEqual(['GET /checkout']);
  });

  it("gives Tempo's error for structural operators over several spansets, and coalesce() avoids it", () => {
    const grouped = pipe(filter(), by(intr('span:kind', 'kind')));
    const r = evaluateTrace(root(sop('>', wrapped(grouped), filter())), trace);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.message).toBe(MULTIPLE_SPANSETS_ERROR);
    const fixed = evaluateTrace(
      root(sop('>', wrapped(pipe(filter(), by(intr('span:kind', 'kind')), coalesce())), svc('database'))),
      trace
    );
    expect(fixed.ok && fixed.spansets.flatMap((s) => s.spans.map((x) => x.name))).toEqual(['SELECT users']);
  });

  it('answers {} >> {} on a 20k-span chain with the right count', () => {
    const depth = 20_000;
    let spec: SpanSpec = { name: `s${depth - 1}` };
    for (let i = depth - 2; i >= 0; i--) {
      spec = { name: `s${i}`, children: [spec] };
    }
    const deep = buildTrace({ root: spec });
    const r = evaluateTrace(root(sop('>>', filter(), filter())), deep);
    expect(r.ok && r.spansets[0].spans.length).toBe(depth - 1);
    const leaves = evaluateTrace(root(sop('!<', filter(), filter())), deep);
    expect(leaves.ok && leaves.spansets[0].spans.map((s) => s.name)).toEqual([`s${depth - 1}`]);
  });
});
