import { compileSearch, evaluateMetrics, searchTraces } from '../engine';
import { guideTraces } from '../model/testing/guideTraces';
import type { RootNode } from './ast';
import { MAX_TREE_DEPTH, nodeBeyondDepth } from './depth';
import { parseTraceQL } from './index';

const chain = (term: string, op: string, n: number) => Array.from({ length: n }, () => term).join(` ${op} `);

const SHAPES: Array<[string, (n: number) => string]> = [
  ['structural >>', (n) => chain('{ .a = 1 }', '>>', n)],
  ['spanset &&', (n) => chain('{ .a = 1 }', '&&', n)],
  ['condition ||', (n) => `{ ${chain('.a = 1', '||', n)} }`],
  ['field arithmetic', (n) => `{ .a = ${chain('1', '+', n)} }`],
  ['scalar arithmetic', (n) => `{ } | count() > ${chain('1', '+', n)}`],
];

describe('query depth limit', () => {
  it.each(SHAPES)('a %s chain far past the limit is an ordinary parse error with line and column', (_name, make) => {
    // 4,000 chained `>>` used to overflow the stack while evaluating, 20,000 anything while printing JSON.
    for (const n of [4000, 30_000]) {
      const r = parseTraceQL(make(n));
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).toMatch(/^query nests more than 2000 levels deep/);
        expect(r.error.line).toBe(1);
        expect(r.error.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it.each(SHAPES)('a %s chain under the limit parses, evaluates and serialises', (_name, make) => {
    const r = parseTraceQL(make(1500));
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(() => JSON.stringify(r.value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v))).not.toThrow();
      expect(searchTraces(r.value, guideTraces(), {}).ok).toBe(true);
    }
  });

  it('finds a node past the limit without recursion, even a million levels down', () => {
    type N = { type: string; from: number; to: number; inner?: N };
    let node: N = { type: 'Leaf', from: 0, to: 1 };
    for (let i = 0; i < 1_000_000; i++) {
      node = { type: 'Wrap', from: i, to: i + 1, inner: node };
    }
    expect(nodeBeyondDepth(node, MAX_TREE_DEPTH)).toMatchObject({ type: 'Wrap' });
    expect(nodeBeyondDepth({ type: 'Leaf', from: 0, to: 1 }, 1)).toBeUndefined();
  });

  it('the evaluator refuses a tree the parser did not bound, instead of overflowing', () => {
    const metrics = parseTraceQL('{ .a = 1 } | rate()');
    if (!metrics.ok) {
      throw new Error('fixture did not parse');
    }
    const search = compileSearch(hugeSearch());
    expect(search.ok).toBe(false);
    if (!search.ok) {
      expect(search.error).toMatchObject({
        kind: 'validate',
        message: expect.stringMatching(/nests more than 2000 levels/),
      });
    }
    const m = evaluateMetrics(hugeMetrics(metrics.value), guideTraces(), { start: 0n, end: 10n ** 18n, step: 1e15 });
    expect(m).toMatchObject({
      ok: false,
      error: { kind: 'validate', message: expect.stringMatching(/nests more than 2000/) },
    });
  });
});

/** A search tree 5,000 levels deep, built by hand (nesting a spanset operator in its own left side). */
function hugeSearch(): RootNode {
  const leaf = parseTraceQL('{ .a = 1 } >> { .a = 1 }');
  if (!leaf.ok) {
    throw new Error('fixture did not parse');
  }
  const pipeline = leaf.value.query as unknown as { stages: Array<Record<string, unknown>> };
  let expr = pipeline.stages[0];
  for (let i = 0; i < 5000; i++) {
    expr = { ...pipeline.stages[0], left: expr };
  }
  return { ...leaf.value, query: { ...(leaf.value.query as object), stages: [expr] } } as unknown as RootNode;
}

function hugeMetrics(base: RootNode): RootNode {
  const deep = hugeSearch();
  const q = base.query as unknown as Record<string, unknown>;
  return { ...base, query: { ...q, pipeline: deep.query } } as unknown as RootNode;
}
