import type { Span, SpanKind, Trace } from '../model/types';
import { decodeTraces } from '../model';
import { evaluateTrace } from './compileQuery';
import { parse } from './testing/parse';
import { buildTrace } from './testing/traceBuilder';
import { indexTrace } from './traceIndex';

/*
 * Nested-set numbering as Tempo assigns it (rules in traceIndex.ts buildStructure), with every
 * expected number worked out by hand: depth first from each root in span order, left on the way
 * down, right on the way up.
 */
const base = buildTrace({ root: { name: 'x' } }).spans[0];
const id = (n: number) => n.toString(16).padStart(16, '0');

function trace(
  spans: Array<{ name: string; id: number; parent: number | 'none' | 'missing'; kind?: SpanKind }>
): Trace {
  const out: Span[] = spans.map((s) => ({
    ...base,
    name: s.name,
    spanId: id(s.id),
    parentSpanId: s.parent === 'none' ? '' : s.parent === 'missing' ? 'ffffffffffffffff' : id(s.parent),
    kind: s.kind ?? 'internal',
  }));
  return { traceId: base.traceId, spans: out, warnings: [] };
}

function numbers(t: Trace): Record<string, [number, number, number, number]> {
  const ix = indexTrace(t);
  return Object.fromEntries(
    t.spans.map((s, i) => [s.name, [ix.left[i], ix.right[i], ix.nestedParent[i], ix.childCount[i]]])
  );
}

function names(q: string, t: Trace): string[] {
  const r = evaluateTrace(parse(q), t);
  if (!r.ok) {
    throw r.error;
  }
  return r.spansets.flatMap((ss) => ss.spans.map((s) => s.name)).sort();
}

describe('nested-set numbering', () => {
  // A > B > C; D's parent is not in the trace, E hangs below D; F names itself as parent; G is a
  // second root.
  const broken = trace([
    { name: 'A', id: 1, parent: 'none' },
    { name: 'B', id: 2, parent: 1 },
    { name: 'C', id: 3, parent: 2 },
    { name: 'D', id: 4, parent: 'missing' },
    { name: 'E', id: 5, parent: 4 },
    { name: 'F', id: 6, parent: 6 },
    { name: 'G', id: 7, parent: 'none' },
  ]);

  it('numbers only what hangs below a root; a missing or self-named parent leaves 0s', () => {
    // [left, right, nested parent, child count]
    expect(numbers(broken)).toEqual({
      A: [1, 6, -1, 1],
      B: [2, 5, 1, 1],
      C: [3, 4, 2, 0],
      D: [0, 0, 0, 1],
      E: [0, 0, 0, 0],
      F: [0, 0, 0, 1], // Tempo counts the self link as a child
      G: [7, 8, -1, 0],
    });
  });

  it('keeps unnumbered spans out of every structural relation; roots are siblings', () => {
    expect(names('{} >> {}', broken)).toEqual(['B', 'C']);
    expect(names('{} > {}', broken)).toEqual(['B', 'C']);
    expect(names('{ name = "D" } > {}', broken)).toEqual([]);
    expect(names('{} << {}', broken)).toEqual(['A', 'B']);
    expect(names('{} ~ {}', broken)).toEqual(['A', 'G']);
    expect(names('{ nestedSetParent = 0 }', broken)).toEqual(['D', 'E', 'F']);
  });

  it('hangs a child of a shared id below the client span when the child is a server span, else the server span', () => {
    const shared = trace([
      { name: 'R', id: 1, parent: 'none', kind: 'server' },
      { name: 'X', id: 2, parent: 1, kind: 'client' },
      { name: 'Y', id: 2, parent: 1, kind: 'server' },
      { name: 'Z', id: 3, parent: 2, kind: 'internal' },
      { name: 'W', id: 4, parent: 2, kind: 'server' },
    ]);
    expect(numbers(shared)).toEqual({
      R: [1, 10, -1, 2],
      X: [2, 5, 1, 1],
      W: [3, 4, 2, 0],
      Y: [6, 9, 1, 1],
      Z: [7, 8, 6, 0],
    });
  });

  it('numbers nothing when three spans share an id', () => {
    const t = trace([
      { name: 'R', id: 1, parent: 'none' },
      { name: 'P', id: 2, parent: 1 },
      { name: 'Q', id: 2, parent: 1 },
      { name: 'S', id: 2, parent: 1 },
    ]);
    expect(Object.values(numbers(t)).map(([l, r, p]) => [l, r, p])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(names('{} >> {}', t)).toEqual([]);
  });

  it('numbers nothing in a trace without a root (a parent cycle)', () => {
    const t = trace([
      { name: 'A', id: 1, parent: 2 },
      { name: 'B', id: 2, parent: 1 },
    ]);
    expect(numbers(t)).toEqual({ A: [0, 0, 0, 1], B: [0, 0, 0, 1] });
    expect(names('{} > {}', t)).toEqual([]);
  });

  it('reads an all-zero parent id as no parent, so that span is a root', () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
          scopeSpans: [
            {
              spans: [
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: '00f067aa0ba902b7',
                  parentSpanId: '0000000000000000',
                  name: 'root',
                  startTimeUnixNano: '1000',
                  endTimeUnixNano: '2000',
                },
                {
                  traceId: '0af7651916cd43dd8448eb211c80319c',
                  spanId: '00f067aa0ba902b8',
                  parentSpanId: '00f067aa0ba902b7',
                  name: 'child',
                  startTimeUnixNano: '1100',
                  endTimeUnixNano: '1900',
                },
              ],
            },
          ],
        },
      ],
    };
    const [t] = decodeTraces(body);
    expect(numbers(t)).toEqual({ root: [1, 4, -1, 1], child: [2, 3, 1, 0] });
    expect(names('{ trace:rootName = "root" }', t)).toEqual(['child', 'root']);
  });
});
