import type { Point } from '../../../core/analysis/layout';
import type { ServiceGraphEdge, ServiceGraphNode } from '../../../core/analysis/serviceGraph';
import {
  boxesOverlap,
  edgePath,
  labelBounds,
  nodeLabelBox,
  placeEdgeLabels,
  segmentHitsBox,
  type PlacedLabel,
} from './edgeLabels';
import type { SceneEdge, SceneNode } from './scene';

const red = {
  requests: 10,
  errors: 0,
  requestRate: 1,
  errorRate: 0,
  p50Ms: null,
  p95Ms: null,
  p99Ms: null,
  avgMs: null,
};

function node(id: string, x: number, y: number, r = 12): SceneNode {
  const data: ServiceGraphNode = { id, kind: 'service', ...red };
  return {
    id,
    label: id,
    kind: 'service',
    isGroup: false,
    x,
    y,
    r,
    errorHealth: 'ok',
    latencyHealth: 'ok',
    errorShare: 0,
    dimmed: false,
    data,
  };
}

function edge(id: string, points: Point[], opts: { reversed?: boolean; width?: number } = {}): SceneEdge {
  const data: ServiceGraphEdge = { id, source: 'a', target: 'b', ...red };
  return {
    id,
    source: 'a',
    target: 'b',
    points,
    width: opts.width ?? 2,
    health: 'ok',
    reversed: opts.reversed ?? false,
    selfLoop: false,
    dimmed: false,
    data,
  };
}

const measure = (text: string) => text.length * 6;

/** Whether a placed label touches any line, service or another label. */
function collisions(placed: PlacedLabel[], edges: SceneEdge[], nodes: SceneNode[]): string[] {
  const found: string[] = [];
  for (const l of placed) {
    const box = labelBounds(l);
    for (const e of edges) {
      const path = edgePath(e);
      if (path.some((a, i) => i + 1 < path.length && segmentHitsBox(a, path[i + 1], box))) {
        found.push(`${l.edgeId} on line ${e.id}`);
      }
    }
    for (const n of nodes) {
      const nearest = {
        x: Math.min(Math.max(n.x, box.minX), box.maxX),
        y: Math.min(Math.max(n.y, box.minY), box.maxY),
      };
      if (Math.hypot(n.x - nearest.x, n.y - nearest.y) < n.r || boxesOverlap(box, nodeLabelBox(n))) {
        found.push(`${l.edgeId} on service ${n.id}`);
      }
    }
    for (const other of placed) {
      if (other !== l && boxesOverlap(box, labelBounds(other))) {
        found.push(`${l.edgeId} on label ${other.edgeId}`);
      }
    }
  }
  return found;
}

describe('placeEdgeLabels', () => {
  it('puts a label beside its own line, not on it (regression #19)', () => {
    const flat = edge('flat', [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
    ]);
    const steep = edge('steep', [
      { x: 0, y: 100 },
      { x: 150, y: 300 },
    ]);
    const placed = placeEdgeLabels({
      labels: [flat, steep].map((e) => ({ edge: e, text: '12 req/min · 1.5% err' })),
      edges: [flat, steep],
      nodes: [],
      measure,
      height: 12,
    });
    expect(placed.map((l) => l.edgeId)).toEqual(['flat', 'steep']);
    expect(collisions(placed, [flat, steep], [])).toEqual([]);
    // Near the middle of the call it belongs to.
    expect(placed[0].x).toBeCloseTo(100);
    expect(placed[0].y).toBeLessThan(0);
  });

  it('keeps labels of calls that run close together off each other and off both lines', () => {
    // Two calls fanning out of one service, 20 units apart at the middle, and a third crossing them.
    const edges = [
      edge('a->b', [
        { x: 0, y: 0 },
        { x: 300, y: 0 },
      ]),
      edge('a->c', [
        { x: 0, y: 0 },
        { x: 300, y: 40 },
      ]),
      edge('d->e', [
        { x: 150, y: -80 },
        { x: 150, y: 120 },
      ]),
    ];
    const nodes = [node('a', -12, 0), node('b', 312, 0), node('c', 312, 40)];
    const placed = placeEdgeLabels({
      labels: edges.map((e) => ({ edge: e, text: '600 req/min' })),
      edges,
      nodes,
      measure,
      height: 12,
    });
    expect(placed).toHaveLength(3);
    expect(collisions(placed, edges, nodes)).toEqual([]);
  });

  it('gives two calls drawn along the same route labels that do not cover each other', () => {
    const route = [
      { x: 0, y: 0 },
      { x: 240, y: 0 },
    ];
    const edges = [edge('a->b', route), edge('a->c', route)];
    const placed = placeEdgeLabels({
      labels: edges.map((e) => ({ edge: e, text: '600 req/min' })),
      edges,
      nodes: [],
      measure,
      height: 12,
    });
    expect(placed).toHaveLength(2);
    expect(collisions(placed, edges, [])).toEqual([]);
  });

  it('follows the bow of a call turned round to close a cycle', () => {
    const back = edge(
      'b->a',
      [
        { x: 0, y: 0 },
        { x: 200, y: 0 },
      ],
      { reversed: true }
    );
    const forward = edge('a->b', [
      { x: 0, y: 0 },
      { x: 200, y: 0 },
    ]);
    const placed = placeEdgeLabels({
      labels: [forward, back].map((e) => ({ edge: e, text: '6.0 req/min' })),
      edges: [forward, back],
      nodes: [],
      measure,
      height: 12,
    });
    expect(placed).toHaveLength(2);
    expect(collisions(placed, [forward, back], [])).toEqual([]);
  });

  it('leaves a label out when there is no free place along its call', () => {
    // A short call boxed in by services on both sides and lines above and below.
    const short = edge('short', [
      { x: 0, y: 0 },
      { x: 30, y: 0 },
    ]);
    const walls = [-8, 8].map((y, i) =>
      edge(`wall${i}`, [
        { x: -100, y },
        { x: 130, y },
      ])
    );
    const placed = placeEdgeLabels({
      labels: [{ edge: short, text: 'a long label for a short call' }],
      edges: [short, ...walls],
      nodes: [],
      measure,
      height: 12,
    });
    expect(placed).toEqual([]);
  });
});
