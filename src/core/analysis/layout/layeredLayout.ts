import { assignCoordinates } from './assignCoordinates';
import { assignLayers } from './assignLayers';
import { feedbackArcs } from './breakCycles';
import { orderLayers } from './orderLayers';
import { buildProperGraph, type ProperGraph } from './properGraph';
import type { Layout, LayoutInput, LayoutOptions, Point, PositionedNode, RoutedEdge } from './types';

const DEFAULTS = { nodeSep: 24, rankSep: 120, sweeps: 4, maxDummies: 40_000 };

interface Indexed {
  /** Input node index of each layered (connected) node. */
  readonly layered: number[];
  /** Input node index → layered index, or -1 for isolated nodes. */
  readonly compact: Int32Array;
  readonly isolated: number[];
  /** Input edge index per kept edge, with compact endpoints. */
  readonly edgeIndex: number[];
  readonly src: Int32Array;
  readonly dst: Int32Array;
}

function indexInput(input: LayoutInput): Indexed {
  const byId = new Map<string, number>();
  input.nodes.forEach((n, i) => byId.set(n.id, i));
  const degree = new Int32Array(input.nodes.length);
  const kept: Array<[number, number, number]> = [];
  input.edges.forEach((e, i) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (s === undefined || t === undefined || s === t) {
      return; // dangling edges are dropped; self-loops are drawn beside their node
    }
    degree[s]++;
    degree[t]++;
    kept.push([i, s, t]);
  });
  const compact = new Int32Array(input.nodes.length).fill(-1);
  const layered: number[] = [];
  const isolated: number[] = [];
  for (let i = 0; i < input.nodes.length; i++) {
    if (degree[i] > 0) {
      compact[i] = layered.length;
      layered.push(i);
    } else {
      isolated.push(i);
    }
  }
  return {
    layered,
    compact,
    isolated,
    edgeIndex: kept.map((k) => k[0]),
    src: Int32Array.from(kept, (k) => compact[k[1]]),
    dst: Int32Array.from(kept, (k) => compact[k[2]]),
  };
}

/**
 * Where each node of the proper graph was last time: real nodes from the previous layout, bend
 * points from the same edge's previous route when it has as many bends, otherwise interpolated
 * between known ends; NaN for anything new.
 */
function previousHints(
  input: LayoutInput,
  ix: Indexed,
  g: ProperGraph,
  from: Int32Array,
  to: Int32Array,
  previous: Layout
): Float64Array {
  const hint = new Float64Array(g.count).fill(Number.NaN);
  const nodeAt = new Map(previous.nodes.map((p) => [p.id, p]));
  const edgeAt = new Map(previous.edges.map((e) => [e.id, e]));
  ix.layered.forEach((i, v) => {
    const p = nodeAt.get(input.nodes[i].id);
    if (p !== undefined) {
      hint[v] = p.y;
    }
  });
  g.chains.forEach((chain, k) => {
    const old = edgeAt.get(input.edges[ix.edgeIndex[k]].id);
    if (old !== undefined && old.points.length === chain.length + 2) {
      // Routes are stored in drawing direction; chains run left to right.
      const bends = old.reversed ? [...old.points].reverse() : old.points;
      chain.forEach((d, i) => (hint[d] = bends[i + 1].y));
      return;
    }
    const ya = hint[from[k]];
    const yb = hint[to[k]];
    chain.forEach((d, i) => (hint[d] = ya + ((yb - ya) * (i + 1)) / (chain.length + 1)));
  });
  return hint;
}

function initialLayers(layerOf: Int32Array, layerCount: number, count: number, key: Float64Array | null): Int32Array[] {
  const buckets: number[][] = Array.from({ length: layerCount }, () => []);
  for (let v = 0; v < count; v++) {
    buckets[layerOf[v]].push(v);
  }
  if (key !== null) {
    // Known nodes in their previous top-to-bottom order; new ones after them until sweeps place them.
    for (const b of buckets) {
      b.sort((a, c) => {
        const ka = a < key.length && !Number.isNaN(key[a]) ? key[a] : Infinity;
        const kc = c < key.length && !Number.isNaN(key[c]) ? key[c] : Infinity;
        return ka - kc || a - c;
      });
    }
  }
  return buckets.map((b) => Int32Array.from(b));
}

/**
 * Layered (Sugiyama-style) left-to-right layout built for thousands of nodes: DFS feedback arcs
 * break cycles, longest-path layering, dummy nodes for long edges (bounded), a bounded number of
 * barycentre sweeps, exact no-overlap coordinates. Isolated nodes are packed in rows below.
 * Deterministic: the same input and options always give the same layout.
 */
export function layeredLayout(input: LayoutInput, options: LayoutOptions = {}): Layout {
  const opts = { ...DEFAULTS, ...options };
  const ix = indexInput(input);
  const n = ix.layered.length;
  const reversed = feedbackArcs(n, ix.src, ix.dst);
  const from = Int32Array.from(ix.src, (s, e) => (reversed[e] ? ix.dst[e] : s));
  const to = Int32Array.from(ix.dst, (d, e) => (reversed[e] ? ix.src[e] : d));
  const layer = assignLayers(n, from, to);
  const g = buildProperGraph(n, from, to, layer, opts.maxDummies);

  const width = Float64Array.from(ix.layered, (i) => input.nodes[i].width);
  const height = Float64Array.from(ix.layered, (i) => input.nodes[i].height);
  const hintY = opts.previous ? previousHints(input, ix, g, from, to, opts.previous) : null;
  const pinned = hintY ? Uint8Array.from(hintY, (v) => (Number.isNaN(v) ? 0 : 1)) : null;
  const ordering = orderLayers(g, initialLayers(g.layerOf, g.layerCount, g.count, hintY), opts.sweeps, pinned);
  const { x, y } = assignCoordinates({
    graph: g,
    layers: ordering.layers,
    width,
    height,
    nodeSep: opts.nodeSep,
    rankSep: opts.rankSep,
    previousY: hintY,
    iterations: 4,
  });

  const nodes: PositionedNode[] = new Array(input.nodes.length);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  ix.layered.forEach((i, v) => {
    const src = input.nodes[i];
    nodes[i] = { id: src.id, x: x[v], y: y[v], width: src.width, height: src.height, layer: layer[v] };
    minX = Math.min(minX, x[v] - src.width / 2);
    maxX = Math.max(maxX, x[v] + src.width / 2);
    minY = Math.min(minY, y[v] - src.height / 2);
    maxY = Math.max(maxY, y[v] + src.height / 2);
  });
  for (let d = n; d < g.count; d++) {
    minY = Math.min(minY, y[d]);
    maxY = Math.max(maxY, y[d]);
  }
  if (n === 0) {
    minX = minY = maxX = maxY = 0;
  }
  const packed = packIsolated(input, ix.isolated, { minX, maxX, maxY }, opts.nodeSep, opts.rankSep);
  for (const p of packed) {
    nodes[p.index] = p.node;
    minX = Math.min(minX, p.node.x - p.node.width / 2);
    maxX = Math.max(maxX, p.node.x + p.node.width / 2);
    maxY = Math.max(maxY, p.node.y + p.node.height / 2);
  }

  const edges = routeEdges(input, ix, nodes, reversed, g.chains, x, y);
  return {
    nodes,
    edges,
    bounds: { minX, minY, maxX, maxY },
    stats: {
      layers: g.layerCount,
      dummies: g.dummies,
      reversedEdges: reversed.reduce((a, b) => a + b, 0),
      crossings: ordering.crossings,
      sweepsRun: ordering.sweepsRun,
    },
  };
}

function packIsolated(
  input: LayoutInput,
  isolated: number[],
  box: { minX: number; maxX: number; maxY: number },
  nodeSep: number,
  rankSep: number
): Array<{ index: number; node: PositionedNode }> {
  const rowWidth = Math.max(box.maxX - box.minX, 800);
  const out: Array<{ index: number; node: PositionedNode }> = [];
  let cx = box.minX;
  let top = box.maxY + (Number.isFinite(box.maxY) && box.maxY !== 0 ? rankSep / 2 : 0);
  let rowHeight = 0;
  for (const i of isolated) {
    const { id, width, height } = input.nodes[i];
    if (cx > box.minX && cx + width > box.minX + rowWidth) {
      cx = box.minX;
      top += rowHeight + nodeSep;
      rowHeight = 0;
    }
    out.push({ index: i, node: { id, x: cx + width / 2, y: top + height / 2, width, height, layer: -1 } });
    cx += width + nodeSep;
    rowHeight = Math.max(rowHeight, height);
  }
  return out;
}

function routeEdges(
  input: LayoutInput,
  ix: Indexed,
  nodes: PositionedNode[],
  reversed: Uint8Array,
  chains: readonly Int32Array[],
  x: Float64Array,
  y: Float64Array
): RoutedEdge[] {
  const keptAt = new Int32Array(input.edges.length).fill(-1);
  ix.edgeIndex.forEach((inputIndex, k) => (keptAt[inputIndex] = k));
  const byId = new Map<string, PositionedNode>();
  for (const node of nodes) {
    byId.set(node.id, node);
  }
  const out: RoutedEdge[] = [];
  input.edges.forEach((e, i) => {
    const s = byId.get(e.source);
    const t = byId.get(e.target);
    if (!s || !t) {
      return;
    }
    if (s === t) {
      out.push({ id: e.id, source: e.source, target: e.target, points: [], reversed: false, selfLoop: true });
      return;
    }
    const k = keptAt[i];
    const rev = reversed[k] === 1;
    // Route in the acyclic direction (left to right), then restore the edge's own direction.
    const [a, b] = rev ? [t, s] : [s, t];
    const pts: Point[] = [{ x: a.x + a.width / 2, y: a.y }];
    for (const d of chains[k]) {
      pts.push({ x: x[d], y: y[d] });
    }
    pts.push({ x: b.x - b.width / 2, y: b.y });
    out.push({
      id: e.id,
      source: e.source,
      target: e.target,
      points: rev ? pts.reverse() : pts,
      reversed: rev,
      selfLoop: false,
    });
  });
  return out;
}
