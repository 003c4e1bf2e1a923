import type { Scene, SceneEdge, SceneNode } from './scene';

/**
 * Hit-testing through a uniform grid over the world, so hovering over a 2,000-node graph checks a
 * handful of candidates instead of every node and edge segment.
 */
export interface HitIndex {
  nodeAt(x: number, y: number): SceneNode | undefined;
  /** Nearest edge within `tolerance` world units. */
  edgeAt(x: number, y: number, tolerance: number): SceneEdge | undefined;
}

const CELL = 64;

const key = (cx: number, cy: number) => cx * 73856093 + cy * 19349663;

function add<T>(grid: Map<number, T[]>, cx: number, cy: number, item: T) {
  const k = key(cx, cy);
  const list = grid.get(k);
  if (list) {
    list.push(item);
  } else {
    grid.set(k, [item]);
  }
}

export function distanceToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function buildHitIndex(scene: Scene): HitIndex {
  const nodeGrid = new Map<number, SceneNode[]>();
  for (const n of scene.nodes) {
    for (let cx = Math.floor((n.x - n.r) / CELL); cx <= Math.floor((n.x + n.r) / CELL); cx++) {
      for (let cy = Math.floor((n.y - n.r) / CELL); cy <= Math.floor((n.y + n.r) / CELL); cy++) {
        add(nodeGrid, cx, cy, n);
      }
    }
  }
  type Seg = { edge: SceneEdge; ax: number; ay: number; bx: number; by: number };
  const segGrid = new Map<number, Seg[]>();
  for (const edge of scene.edges) {
    for (let i = 0; i + 1 < edge.points.length; i++) {
      const a = edge.points[i];
      const b = edge.points[i + 1];
      const seg = { edge, ax: a.x, ay: a.y, bx: b.x, by: b.y };
      const x0 = Math.floor(Math.min(a.x, b.x) / CELL);
      const x1 = Math.floor(Math.max(a.x, b.x) / CELL);
      const y0 = Math.floor(Math.min(a.y, b.y) / CELL);
      const y1 = Math.floor(Math.max(a.y, b.y) / CELL);
      // Long segments cover many cells; that is bounded by the graph's area, and built once per layout.
      for (let cx = x0; cx <= x1; cx++) {
        for (let cy = y0; cy <= y1; cy++) {
          add(segGrid, cx, cy, seg);
        }
      }
    }
  }
  return {
    nodeAt(x, y) {
      let best: SceneNode | undefined;
      let bestD = Infinity;
      for (const n of nodeGrid.get(key(Math.floor(x / CELL), Math.floor(y / CELL))) ?? []) {
        const d = Math.hypot(n.x - x, n.y - y);
        if (d <= n.r && d < bestD) {
          best = n;
          bestD = d;
        }
      }
      return best;
    },
    edgeAt(x, y, tolerance) {
      let best: SceneEdge | undefined;
      let bestD = tolerance;
      const r = Math.ceil(tolerance / CELL);
      const cx0 = Math.floor(x / CELL);
      const cy0 = Math.floor(y / CELL);
      for (let cx = cx0 - r; cx <= cx0 + r; cx++) {
        for (let cy = cy0 - r; cy <= cy0 + r; cy++) {
          for (const s of segGrid.get(key(cx, cy)) ?? []) {
            const d = distanceToSegment(x, y, s.ax, s.ay, s.bx, s.by);
            if (d <= bestD) {
              best = s.edge;
              bestD = d;
            }
          }
        }
      }
      return best;
    },
  };
}
