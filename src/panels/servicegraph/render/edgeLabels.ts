import type { Point } from '../../../core/analysis/layout';
import type { SceneEdge, SceneNode } from './scene';
import type { Bounds } from './viewport';

/**
 * Where each call's label goes. A label written on its own line is crossed out by it, and one
 * written where two calls run close together lands on the other call or on another label; so each
 * label is tried at a few places along its call, beside the line on either side, and goes to the
 * first place where its box touches no call, no service (circle and name) and no label placed
 * before it. A label that fits nowhere is left out: the call's tooltip still has its figures.
 *
 * Everything is in world units: the placement depends on the layout only, not on pan or zoom.
 */
export interface PlacedLabel {
  readonly edgeId: string;
  readonly text: string;
  /** Centre of the label box. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelRequest {
  readonly edge: SceneEdge;
  readonly text: string;
}

export interface LabelPlacementInput {
  /** The calls to label, most important first: earlier labels get the better places. */
  readonly labels: readonly LabelRequest[];
  /** Every call that is drawn: labels keep off all of them, labelled or not. */
  readonly edges: readonly SceneEdge[];
  readonly nodes: readonly SceneNode[];
  /** Width of a label's text in world units. */
  readonly measure: (text: string) => number;
  readonly height: number;
}

/** Along the call: the middle first, then further out on both sides. */
const ALONG = [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8];
/** Room between a label and the line it belongs to. */
const GAP = 3;
/** Node names are drawn under the circle at 11px, about this wide per character. */
const NODE_CHAR_WIDTH = 6.4;
const NODE_LABEL_HEIGHT = 14;

/**
 * The line as drawn: a call turned round to close a cycle is drawn bowed below its forward twin
 * (see draw.ts), so it is followed as that curve, sampled.
 */
export function edgePath(e: SceneEdge): readonly Point[] {
  const pts = e.points;
  if (!(e.reversed && pts.length === 2)) {
    return pts;
  }
  const [a, b] = pts;
  const c = bowControl(a, b);
  const out: Point[] = [];
  for (let i = 0; i <= 8; i++) {
    const t = i / 8;
    const u = 1 - t;
    out.push({ x: u * u * a.x + 2 * u * t * c.x + t * t * b.x, y: u * u * a.y + 2 * u * t * c.y + t * t * b.y });
  }
  return out;
}

/** Control point of the bow of a turned cycle call. */
export function bowControl(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 + Math.max(18, Math.abs(b.x - a.x) * 0.15) };
}

/** Point and unit direction at fraction `t` of the path's length. */
function along(path: readonly Point[], t: number): { p: Point; dx: number; dy: number } | undefined {
  const lengths: number[] = [];
  let total = 0;
  for (let i = 0; i + 1 < path.length; i++) {
    const l = Math.hypot(path[i + 1].x - path[i].x, path[i + 1].y - path[i].y);
    lengths.push(l);
    total += l;
  }
  if (total === 0) {
    return undefined;
  }
  let rest = t * total;
  for (let i = 0; i < lengths.length; i++) {
    if (lengths[i] === 0) {
      continue;
    }
    if (rest <= lengths[i] || i === lengths.length - 1) {
      const a = path[i];
      const b = path[i + 1];
      const f = Math.min(1, rest / lengths[i]);
      return {
        p: { x: a.x + (b.x - a.x) * f, y: a.y + (b.y - a.y) * f },
        dx: (b.x - a.x) / lengths[i],
        dy: (b.y - a.y) / lengths[i],
      };
    }
    rest -= lengths[i];
  }
  return undefined;
}

/** Liang–Barsky: does segment a→b pass through the box? */
export function segmentHitsBox(a: Point, b: Point, box: Bounds): boolean {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const p = [-dx, dx, -dy, dy];
  const q = [a.x - box.minX, box.maxX - a.x, a.y - box.minY, box.maxY - a.y];
  let t0 = 0;
  let t1 = 1;
  for (let i = 0; i < 4; i++) {
    if (p[i] === 0) {
      if (q[i] < 0) {
        return false;
      }
      continue;
    }
    const r = q[i] / p[i];
    if (p[i] < 0) {
      if (r > t1) {
        return false;
      }
      t0 = Math.max(t0, r);
    } else {
      if (r < t0) {
        return false;
      }
      t1 = Math.min(t1, r);
    }
  }
  return true;
}

export function boxesOverlap(a: Bounds, b: Bounds): boolean {
  return a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
}

function circleHitsBox(cx: number, cy: number, r: number, box: Bounds): boolean {
  const nx = Math.min(Math.max(cx, box.minX), box.maxX);
  const ny = Math.min(Math.max(cy, box.minY), box.maxY);
  return Math.hypot(cx - nx, cy - ny) < r;
}

/** The box of a node's name, drawn centred under its circle. */
export function nodeLabelBox(n: SceneNode): Bounds {
  const half = (n.label.length * NODE_CHAR_WIDTH) / 2;
  return { minX: n.x - half, maxX: n.x + half, minY: n.y + n.r + 3, maxY: n.y + n.r + 3 + NODE_LABEL_HEIGHT };
}

export function labelBounds(l: { x: number; y: number; width: number; height: number }): Bounds {
  return { minX: l.x - l.width / 2, maxX: l.x + l.width / 2, minY: l.y - l.height / 2, maxY: l.y + l.height / 2 };
}

export function placeEdgeLabels(input: LabelPlacementInput): PlacedLabel[] {
  const paths = input.edges.map((e) => ({ e, path: edgePath(e) }));
  const nodeNames = input.nodes.map(nodeLabelBox);
  const placed: PlacedLabel[] = [];
  const free = (box: Bounds) =>
    !paths.some(({ path }) => path.some((a, i) => i + 1 < path.length && segmentHitsBox(a, path[i + 1], box))) &&
    !input.nodes.some((n) => circleHitsBox(n.x, n.y, n.r + 2, box)) &&
    !nodeNames.some((b) => boxesOverlap(b, box)) &&
    !placed.some((l) => boxesOverlap(labelBounds(l), box));

  for (const { edge, text } of input.labels) {
    const width = input.measure(text);
    const height = input.height;
    const path = edgePath(edge);
    let spot: PlacedLabel | undefined;
    for (const t of ALONG) {
      const at = along(path, t);
      if (!at) {
        break;
      }
      // The normal pointing up the screen first: labels read more naturally above a line.
      const up = at.dx >= 0 ? { x: at.dy, y: -at.dx } : { x: -at.dy, y: at.dx };
      // How far the box reaches towards the line when its centre is on the normal (its support).
      const reach = Math.abs((width / 2) * up.x) + Math.abs((height / 2) * up.y);
      const off = reach + GAP + edge.width / 2;
      for (const side of [1, -1]) {
        const candidate = {
          edgeId: edge.id,
          text,
          width,
          height,
          x: at.p.x + side * up.x * off,
          y: at.p.y + side * up.y * off,
        };
        if (free(labelBounds(candidate))) {
          spot = candidate;
          break;
        }
      }
      if (spot) {
        break;
      }
    }
    if (spot) {
      placed.push(spot);
    }
  }
  return placed;
}
