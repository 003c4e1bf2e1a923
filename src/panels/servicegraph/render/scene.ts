import type { Layout, LayoutInput, Point } from '../../../core/analysis/layout';
import type { NodeKind, ServiceGraphEdge, ServiceGraphNode } from '../../../core/analysis/serviceGraph';
import { errorHealth, latencyHealth, type Health, type Thresholds } from '../data/health';
import type { SizeMetric } from '../types';
import type { Bounds } from './viewport';

/** Everything the drawing and hit-testing code needs, in world coordinates. */
export interface SceneNode {
  readonly id: string;
  readonly label: string;
  readonly kind: NodeKind;
  readonly isGroup: boolean;
  readonly x: number;
  readonly y: number;
  readonly r: number;
  readonly errorHealth: Health;
  readonly latencyHealth: Health;
  /** Share of failed calls for the ring, 0..1. */
  readonly errorShare: number;
  readonly dimmed: boolean;
  readonly data: ServiceGraphNode;
}

export interface SceneEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly points: readonly Point[];
  readonly width: number;
  readonly health: Health;
  readonly reversed: boolean;
  readonly selfLoop: boolean;
  readonly dimmed: boolean;
  readonly data: ServiceGraphEdge;
}

export interface Scene {
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  readonly bounds: Layout['bounds'];
}

export const MIN_RADIUS = 12;
export const MAX_RADIUS = 30;
/** Labels sit under the node; the layout reserves this much room for them. */
export const LABEL_HEIGHT = 16;
export const LABEL_MAX_WIDTH = 150;
const CHAR_WIDTH = 6.4;

function metricOf(n: ServiceGraphNode, m: SizeMetric): number {
  switch (m) {
    case 'requestRate':
      return n.requestRate ?? n.requests;
    case 'errorRate':
      return n.errorRate;
    case 'p95Ms':
      return n.p95Ms ?? n.avgMs ?? 0;
    default:
      return 0;
  }
}

/** Radius by the chosen metric: area proportional to the value, so big means big at a glance. */
export function radiusScale(nodes: readonly ServiceGraphNode[], metric: SizeMetric): (n: ServiceGraphNode) => number {
  if (metric === 'none') {
    return () => (MIN_RADIUS + MAX_RADIUS) / 2;
  }
  const max = Math.max(0, ...nodes.map((n) => metricOf(n, metric)));
  return (n) => (max > 0 ? MIN_RADIUS + (MAX_RADIUS - MIN_RADIUS) * Math.sqrt(metricOf(n, metric) / max) : MIN_RADIUS);
}

export function truncateLabel(s: string, maxWidth = LABEL_MAX_WIDTH): string {
  const max = Math.floor(maxWidth / CHAR_WIDTH);
  return s.length <= max ? s : s.slice(0, Math.max(1, max - 1)) + '…';
}

/** Layout boxes: the circle plus room for the label below it. */
export function layoutInputFor(
  nodes: readonly ServiceGraphNode[],
  edges: readonly ServiceGraphEdge[],
  radius: (n: ServiceGraphNode) => number,
  labelOf: (id: string) => string
): LayoutInput {
  return {
    nodes: nodes.map((n) => {
      const r = radius(n);
      const labelWidth = Math.min(LABEL_MAX_WIDTH, truncateLabel(labelOf(n.id)).length * CHAR_WIDTH);
      return { id: n.id, width: Math.max(2 * r, labelWidth), height: 2 * r + LABEL_HEIGHT };
    }),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
  };
}

export interface SceneInput {
  readonly nodes: readonly ServiceGraphNode[];
  readonly edges: readonly ServiceGraphEdge[];
  readonly layout: Layout;
  readonly radius: (n: ServiceGraphNode) => number;
  readonly labelOf: (id: string) => string;
  readonly groups: ReadonlyMap<string, readonly string[]>;
  readonly dimmed: ReadonlySet<string>;
  readonly thresholds: Thresholds;
}

export function buildScene(input: SceneInput): Scene {
  const at = new Map(input.layout.nodes.map((p) => [p.id, p]));
  const nodes: SceneNode[] = [];
  for (const n of input.nodes) {
    const p = at.get(n.id);
    if (!p) {
      continue; // laid out for an older graph; the next layout will place it
    }
    const r = input.radius(n);
    nodes.push({
      id: n.id,
      label: truncateLabel(input.labelOf(n.id)),
      kind: n.kind,
      isGroup: input.groups.has(n.id),
      // The layout box holds circle + label; the circle sits at the top of it.
      x: p.x,
      y: p.y - LABEL_HEIGHT / 2,
      r,
      errorHealth: errorHealth(n, input.thresholds),
      latencyHealth: latencyHealth(n, input.thresholds),
      errorShare: n.requests > 0 || n.errorRate > 0 ? n.errorRate : 0,
      dimmed: input.dimmed.has(n.id),
      data: n,
    });
  }
  const routed = new Map(input.layout.edges.map((e) => [e.id, e]));
  const maxRate = Math.max(1e-9, ...input.edges.map((e) => e.requestRate ?? e.requests));
  const edges: SceneEdge[] = [];
  for (const e of input.edges) {
    const route = routed.get(e.id);
    if (!route) {
      continue;
    }
    const rate = e.requestRate ?? e.requests;
    edges.push({
      id: e.id,
      source: e.source,
      target: e.target,
      points: route.points.map((pt) => ({ x: pt.x, y: pt.y - LABEL_HEIGHT / 2 })),
      // Log scale: one hot edge should not turn all others into hairlines.
      width: 1 + (5 * Math.log1p(rate)) / Math.log1p(maxRate),
      health: errorHealth(e, input.thresholds),
      reversed: route.reversed,
      selfLoop: route.selfLoop,
      dimmed: input.dimmed.has(e.id),
      data: e,
    });
  }
  return { nodes, edges, bounds: input.layout.bounds };
}

/** The world box around these nodes and their labels, to fit the view to a focused neighbourhood. */
export function nodeBounds(nodes: readonly SceneNode[]): Bounds | undefined {
  if (nodes.length === 0) {
    return undefined;
  }
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    const half = Math.max(n.r, Math.min(LABEL_MAX_WIDTH, n.label.length * CHAR_WIDTH) / 2);
    minX = Math.min(minX, n.x - half);
    maxX = Math.max(maxX, n.x + half);
    minY = Math.min(minY, n.y - n.r);
    maxY = Math.max(maxY, n.y + n.r + LABEL_HEIGHT);
  }
  return { minX, minY, maxX, maxY };
}
