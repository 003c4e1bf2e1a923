import fc from 'fast-check';

import { feedbackArcs } from './breakCycles';
import { layeredLayout } from './layeredLayout';
import { randomServiceGraph, toLayoutInput } from './testing/randomGraph';
import type { Layout, LayoutInput } from './types';

const box = (id: string, size = 40) => ({ id, width: size, height: size });
const link = (source: string, target: string) => ({ id: `${source}->${target}`, source, target });

function overlaps(layout: Layout): string[] {
  const found: string[] = [];
  const sorted = [...layout.nodes].sort((a, b) => a.x - a.width / 2 - (b.x - b.width / 2));
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b.x - b.width / 2 >= a.x + a.width / 2) {
        break;
      }
      if (Math.abs(a.y - b.y) < (a.height + b.height) / 2 - 1e-6) {
        found.push(`${a.id}/${b.id}`);
      }
    }
  }
  return found;
}

function checkInvariants(input: LayoutInput, layout: Layout) {
  expect(layout.nodes.map((n) => n.id)).toEqual(input.nodes.map((n) => n.id));
  expect(overlaps(layout)).toEqual([]);
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  for (const e of layout.edges) {
    if (e.selfLoop) {
      continue;
    }
    const s = at.get(e.source)!;
    const t = at.get(e.target)!;
    // Forward edges run left to right; only turned cycle edges may run right to left.
    expect(e.reversed ? s.layer > t.layer : s.layer < t.layer).toBe(true);
    expect(e.points[0].x).toBeCloseTo(e.reversed ? s.x - s.width / 2 : s.x + s.width / 2);
    expect(e.points[e.points.length - 1].x).toBeCloseTo(e.reversed ? t.x + t.width / 2 : t.x - t.width / 2);
  }
}

describe('layeredLayout', () => {
  it('lays a call chain out left to right in call order', () => {
    const input = { nodes: ['a', 'b', 'c'].map((id) => box(id)), edges: [link('a', 'b'), link('b', 'c')] };
    const l = layeredLayout(input);
    expect(l.nodes.map((n) => n.layer)).toEqual([0, 1, 2]);
    expect(l.nodes[0].x).toBeLessThan(l.nodes[1].x);
    expect(l.nodes[0].y).toBeCloseTo(l.nodes[1].y); // a straight chain stays straight
    checkInvariants(input, l);
  });

  it('breaks a cycle by turning the callback edge and keeps its direction for drawing', () => {
    const input = {
      nodes: ['web', 'api', 'auth'].map((id) => box(id)),
      edges: [link('web', 'api'), link('api', 'auth'), link('auth', 'api')],
    };
    const l = layeredLayout(input);
    const back = l.edges.find((e) => e.id === 'auth->api')!;
    expect(back.reversed).toBe(true);
    expect(back.points[0].x).toBeGreaterThan(back.points[back.points.length - 1].x);
    expect(l.stats.reversedEdges).toBe(1);
    checkInvariants(input, l);
  });

  it('routes long edges through bend points and keeps self-loops and dangling edges out of the way', () => {
    const input = {
      nodes: ['a', 'b', 'c', 'd'].map((id) => box(id)),
      edges: [link('a', 'b'), link('b', 'c'), link('a', 'c'), link('c', 'c'), link('a', 'ghost')],
    };
    const l = layeredLayout(input);
    expect(l.edges.find((e) => e.id === 'a->c')!.points).toHaveLength(3);
    expect(l.edges.find((e) => e.id === 'c->c')!.selfLoop).toBe(true);
    expect(l.edges.some((e) => e.id === 'a->ghost')).toBe(false);
    expect(l.nodes.find((n) => n.id === 'd')!.layer).toBe(-1); // isolated: packed below
    checkInvariants(input, l);
  });

  it('reduces crossings below the initial order on a crossed bipartite graph', () => {
    const input = {
      nodes: ['a1', 'a2', 'a3', 'b3', 'b2', 'b1'].map((id) => box(id)),
      edges: [link('a1', 'b1'), link('a2', 'b2'), link('a3', 'b3')],
    };
    expect(layeredLayout(input, { sweeps: 0 }).stats.crossings).toBe(3);
    expect(layeredLayout(input).stats.crossings).toBe(0);
  });

  it('is deterministic', () => {
    const input = toLayoutInput(randomServiceGraph(300, 4, 7));
    expect(layeredLayout(input)).toEqual(layeredLayout(input));
  });

  it('keeps known nodes in place on refresh when a service is added', () => {
    const g = randomServiceGraph(200, 3, 3);
    const before = layeredLayout(toLayoutInput(g));
    const previous = new Map(before.nodes.map((n) => [n.id, { x: n.x, y: n.y }]));
    // Same graph again: the same picture.
    const same = layeredLayout(toLayoutInput(g), { previous: before });
    const moved = same.nodes.filter((n) => Math.abs(n.y - previous.get(n.id)!.y) > 1e-3);
    expect(moved).toEqual([]);
    // One new leaf service: almost everything stays where it was.
    const grown = {
      services: [...g.services, 'new-svc'],
      edges: [...g.edges, { source: g.services[5], target: 'new-svc' }],
    };
    const after = layeredLayout(toLayoutInput(grown), { previous: before });
    const stayed = after.nodes.filter((n) => {
      const p = previous.get(n.id);
      return p !== undefined && Math.abs(p.y - n.y) < 1 && Math.abs(p.x - n.x) < 1;
    });
    expect(stayed.length / g.services.length).toBeGreaterThan(0.9);
    checkInvariants(toLayoutInput(grown), after);
  });

  it('holds its invariants on random graphs with cycles, duplicates and odd sizes (property)', () => {
    const graphArb = fc.integer({ min: 1, max: 40 }).chain((n) =>
      fc.record({
        sizes: fc.array(fc.record({ w: fc.integer({ min: 4, max: 120 }), h: fc.integer({ min: 4, max: 80 }) }), {
          minLength: n,
          maxLength: n,
        }),
        edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: n * 4 }),
      })
    );
    fc.assert(
      fc.property(graphArb, ({ sizes, edges }) => {
        const input: LayoutInput = {
          nodes: sizes.map((s, i) => ({ id: `n${i}`, width: s.w, height: s.h })),
          edges: edges.map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}` })),
        };
        const l = layeredLayout(input, { sweeps: 2 });
        checkInvariants(input, l);
        const bounds = l.bounds;
        for (const n of l.nodes) {
          expect(n.x - n.width / 2).toBeGreaterThanOrEqual(bounds.minX - 1e-6);
          expect(n.y + n.height / 2).toBeLessThanOrEqual(bounds.maxY + 1e-6);
        }
      }),
      { numRuns: 150 }
    );
  });
});

describe('feedbackArcs', () => {
  it('leaves an acyclic graph behind (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 30 }).chain((n) =>
          fc.tuple(
            fc.constant(n),
            // b is shifted past a, so no self-loops (feedbackArcs expects them removed).
            fc.array(
              fc.tuple(fc.nat(n - 1), fc.nat(Math.max(0, n - 2))).map(([a, b]) => [a, b >= a ? b + 1 : b] as const),
              { maxLength: 90 }
            )
          )
        ),
        ([n, edges]) => {
          const src = Int32Array.from(edges, (e) => e[0]);
          const dst = Int32Array.from(edges, (e) => e[1]);
          const rev = feedbackArcs(n, src, dst);
          // Kahn's algorithm must consume every node of the turned graph.
          const indeg = new Array(n).fill(0);
          const out: number[][] = Array.from({ length: n }, () => []);
          edges.forEach(([a, b], i) => {
            const [f, t] = rev[i] ? [b, a] : [a, b];
            out[f].push(t);
            indeg[t]++;
          });
          const queue = indeg.flatMap((d, i) => (d === 0 ? [i] : []));
          let seen = 0;
          while (queue.length) {
            const u = queue.pop()!;
            seen++;
            for (const v of out[u]) {
              if (--indeg[v] === 0) {
                queue.push(v);
              }
            }
          }
          expect(seen).toBe(n);
        }
      ),
      { numRuns: 200 }
    );
  });
});
