import type { Health } from '../data/health';
import { formatPercent, type GraphFormat } from '../format';
import { bowControl, placeEdgeLabels, type PlacedLabel } from './edgeLabels';
import { drawKindIcon } from './icons';
import type { Scene, SceneEdge, SceneNode } from './scene';
import { visibleWorld, type Viewport } from './viewport';

export interface Palette {
  readonly health: Record<Health, string>;
  readonly edge: string;
  readonly text: string;
  readonly background: string;
  readonly nodeFill: string;
  readonly highlight: string;
}

export interface DrawOptions {
  readonly width: number;
  readonly height: number;
  /** Below this zoom labels and icons are skipped: unreadable anyway, and the slowest to draw. */
  readonly labelMinZoom: number;
  readonly hover?: string;
  readonly selected?: string;
  /** The graph's one rate unit and rounding, shared with the tooltips and the table. */
  readonly format: GraphFormat;
}

export interface DrawStats {
  readonly nodesDrawn: number;
  readonly edgesDrawn: number;
  readonly labelsDrawn: number;
  readonly edgeLabelsDrawn: number;
}

/** Call rates along edges need more room than node names, so they appear only when zoomed further in. */
const EDGE_LABEL_ZOOM_FACTOR = 2;

/** A call's label: the tooltip's rate, in the graph's unit, and its error share when there are errors. */
export function edgeLabel(e: SceneEdge, format: GraphFormat): string {
  const main = format.rateShort(e.data.requestRate, e.data.requests);
  return e.data.errorRate > 0 ? `${main} · ${formatPercent(e.data.errorRate)} err` : main;
}

const EDGE_LABEL_FONT_PX = 10;
const EDGE_LABEL_HEIGHT = 12;

const DIM_ALPHA = 0.15;

function edgeVisible(e: SceneEdge, v: { minX: number; minY: number; maxX: number; maxY: number }): boolean {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of e.points) {
    minX = Math.min(minX, p.x);
    maxX = Math.max(maxX, p.x);
    minY = Math.min(minY, p.y);
    maxY = Math.max(maxY, p.y);
  }
  return maxX >= v.minX && minX <= v.maxX && maxY >= v.minY && minY <= v.maxY;
}

function traceEdge(ctx: CanvasRenderingContext2D, e: SceneEdge) {
  const pts = e.points;
  ctx.moveTo(pts[0].x, pts[0].y);
  if (e.reversed && pts.length === 2) {
    // A turned cycle edge would lie on top of its forward twin: bow it out below.
    const c = bowControl(pts[0], pts[1]);
    ctx.quadraticCurveTo(c.x, c.y, pts[1].x, pts[1].y);
    return;
  }
  for (let i = 1; i < pts.length; i++) {
    ctx.lineTo(pts[i].x, pts[i].y);
  }
}

function arrowHead(ctx: CanvasRenderingContext2D, e: SceneEdge, size: number) {
  const pts = e.points;
  const b = pts[pts.length - 1];
  const a = pts[pts.length - 2];
  const ang = Math.atan2(b.y - a.y, b.x - a.x);
  ctx.moveTo(b.x, b.y);
  ctx.lineTo(b.x - size * Math.cos(ang - 0.4), b.y - size * Math.sin(ang - 0.4));
  ctx.lineTo(b.x - size * Math.cos(ang + 0.4), b.y - size * Math.sin(ang + 0.4));
  ctx.closePath();
}

function drawEdges(
  ctx: CanvasRenderingContext2D,
  edges: readonly SceneEdge[],
  p: Palette,
  vp: Viewport,
  opts: DrawOptions
) {
  const view = visibleWorld(vp, opts.width, opts.height);
  let drawn = 0;
  for (const e of edges) {
    if (e.selfLoop || e.points.length < 2 || !edgeVisible(e, view)) {
      continue;
    }
    drawn++;
    const emphasised = e.id === opts.hover || e.id === opts.selected;
    ctx.globalAlpha = e.dimmed ? DIM_ALPHA : 1;
    ctx.strokeStyle = emphasised
      ? p.highlight
      : e.health === 'ok' || e.health === 'unknown'
        ? p.edge
        : p.health[e.health];
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = emphasised ? e.width + 2 : e.width;
    ctx.setLineDash(e.reversed ? [6, 4] : []);
    ctx.beginPath();
    traceEdge(ctx, e);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    arrowHead(ctx, e, 6 + e.width);
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  return drawn;
}

function drawNode(ctx: CanvasRenderingContext2D, n: SceneNode, p: Palette, detailed: boolean, emphasised: boolean) {
  ctx.globalAlpha = n.dimmed ? DIM_ALPHA : 1;
  ctx.beginPath();
  ctx.arc(n.x, n.y, n.r, 0, Math.PI * 2);
  ctx.fillStyle = p.nodeFill;
  ctx.fill();
  // Ring: the failed share in red, like Grafana's arcs, the rest in the node's error-health colour.
  const ring = Math.max(3, n.r / 5);
  ctx.lineWidth = ring;
  const start = -Math.PI / 2;
  const failedEnd = start + n.errorShare * Math.PI * 2;
  if (n.errorShare > 0) {
    ctx.beginPath();
    ctx.strokeStyle = p.health.bad;
    ctx.arc(n.x, n.y, n.r - ring / 2, start, failedEnd);
    ctx.stroke();
  }
  if (n.errorShare < 1) {
    ctx.beginPath();
    // The rest of the ring says the node's overall error health against the thresholds.
    ctx.strokeStyle = p.health[n.errorHealth];
    ctx.arc(n.x, n.y, n.r - ring / 2, failedEnd, start + Math.PI * 2);
    ctx.stroke();
  }
  if (n.latencyHealth === 'warn' || n.latencyHealth === 'bad' || emphasised) {
    // Outer outline: latency over its threshold (or hover/selection).
    ctx.beginPath();
    ctx.lineWidth = 2;
    ctx.strokeStyle = emphasised ? p.highlight : p.health[n.latencyHealth];
    ctx.setLineDash(emphasised ? [] : [3, 3]);
    ctx.arc(n.x, n.y, n.r + 3, 0, Math.PI * 2);
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (detailed) {
    drawKindIcon(ctx, n.isGroup ? 'group' : n.kind, n.x, n.y, n.r * 0.45, p.text);
  }
}

/** Labels for the calls in view, each placed off every line, service and other label. */
function drawEdgeLabels(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  view: ReturnType<typeof visibleWorld>,
  p: Palette,
  format: GraphFormat
): number {
  const drawn = scene.edges.filter((e) => !e.selfLoop && e.points.length >= 2 && edgeVisible(e, view));
  // Busier calls are labelled first, so they get the places nearest their middle.
  const labels = drawn
    .filter((e) => !e.dimmed)
    .sort((a, b) => (b.data.requestRate ?? b.data.requests) - (a.data.requestRate ?? a.data.requests))
    .map((edge) => ({ edge, text: edgeLabel(edge, format) }));
  ctx.font = `${EDGE_LABEL_FONT_PX}px sans-serif`;
  const placed: PlacedLabel[] = placeEdgeLabels({
    labels,
    edges: drawn,
    nodes: scene.nodes,
    measure: (text) => ctx.measureText(text).width,
    height: EDGE_LABEL_HEIGHT,
  });
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of placed) {
    // A backing in the panel colour keeps the text legible where it passes near other drawing.
    ctx.globalAlpha = 0.85;
    ctx.fillStyle = p.background;
    ctx.fillRect(l.x - l.width / 2 - 1, l.y - l.height / 2, l.width + 2, l.height);
    ctx.globalAlpha = 1;
    ctx.fillStyle = p.text;
    ctx.fillText(l.text, l.x, l.y);
  }
  return placed.length;
}

/** Draws the scene; returns counts so tests and the bench can check culling and level of detail. */
export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  vp: Viewport,
  p: Palette,
  opts: DrawOptions
): DrawStats {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, opts.width, opts.height);
  ctx.setTransform(vp.scale, 0, 0, vp.scale, vp.tx, vp.ty);
  const edgesDrawn = drawEdges(ctx, scene.edges, p, vp, opts);
  const view = visibleWorld(vp, opts.width, opts.height);
  const detailed = vp.scale >= opts.labelMinZoom;
  let nodesDrawn = 0;
  let labelsDrawn = 0;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.font = '11px sans-serif';
  for (const n of scene.nodes) {
    if (n.x + n.r < view.minX || n.x - n.r > view.maxX || n.y + n.r + 16 < view.minY || n.y - n.r > view.maxY) {
      continue;
    }
    nodesDrawn++;
    drawNode(ctx, n, p, detailed, n.id === opts.hover || n.id === opts.selected);
    if (detailed) {
      ctx.fillStyle = p.text;
      ctx.fillText(n.label, n.x, n.y + n.r + 3);
      labelsDrawn++;
    }
  }
  let edgeLabelsDrawn = 0;
  if (vp.scale >= opts.labelMinZoom * EDGE_LABEL_ZOOM_FACTOR) {
    edgeLabelsDrawn = drawEdgeLabels(ctx, scene, view, p, opts.format);
  }
  ctx.globalAlpha = 1;
  return { nodesDrawn, edgesDrawn, labelsDrawn, edgeLabelsDrawn };
}
