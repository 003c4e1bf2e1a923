import { layeredLayout } from '../../../core/analysis/layout';
import { serviceGraphFromDependencies } from '../../../core/analysis/serviceGraph';
import { formatForGraph } from '../format';
import { drawScene, edgeLabel, type Palette } from './draw';
import { buildHitIndex, distanceToSegment } from './hitTest';
import { buildScene, layoutInputFor, radiusScale, truncateLabel, MAX_RADIUS, MIN_RADIUS } from './scene';
import { fitBounds, toScreen, toWorld, zoomAt } from './viewport';

const graph = serviceGraphFromDependencies(
  [
    { parent: 'web', child: 'api', callCount: 100 },
    { parent: 'api', child: 'db', callCount: 1 },
    { parent: 'db', child: 'api', callCount: 1 },
  ],
  { windowSeconds: 10 }
);
const thresholds = { errorWarnPercent: 1, errorBadPercent: 5, latencyWarnMs: 500, latencyBadMs: 2000 };
const radius = radiusScale(graph.nodes, 'requestRate');
const label = (id: string) => id;
const layout = layeredLayout(layoutInputFor(graph.nodes, graph.edges, radius, label));
const scene = buildScene({
  nodes: graph.nodes,
  edges: graph.edges,
  layout,
  radius,
  labelOf: label,
  groups: new Map(),
  dimmed: new Set(['db']),
  thresholds,
});
const palette: Palette = {
  health: { ok: 'green', warn: 'orange', bad: 'red', unknown: 'grey' },
  edge: 'grey',
  text: 'white',
  background: 'black',
  nodeFill: '#222',
  highlight: 'blue',
};

/** A canvas context that records what was called, enough for drawScene. */
function recordingContext() {
  const calls: string[] = [];
  const ctx = new Proxy(
    {},
    {
      get:
        (_t, prop: string) =>
        (...args: unknown[]) =>
          prop === 'measureText'
            ? { width: String(args[0]).length * 6 }
            : calls.push(`${prop}(${args.length > 0 ? String(args[0]) : ''})`),
      set: () => true,
    }
  ) as unknown as CanvasRenderingContext2D;
  return { ctx, calls };
}

describe('viewport', () => {
  it('fits bounds into the screen and maps points both ways', () => {
    const vp = fitBounds({ minX: 0, minY: 0, maxX: 1000, maxY: 500 }, 500, 300, 0);
    expect(vp.scale).toBeCloseTo(0.5);
    const s = toScreen(vp, 1000, 500);
    expect(s.x).toBeCloseTo(500);
    const w = toWorld(vp, s.x, s.y);
    expect(w.x).toBeCloseTo(1000);
  });

  it('zooms around the cursor', () => {
    const vp = { scale: 1, tx: 0, ty: 0 };
    const z = zoomAt(vp, 2, 100, 100);
    expect(toWorld(z, 100, 100)).toEqual(toWorld(vp, 100, 100));
    expect(z.scale).toBe(2);
  });
});

describe('scene', () => {
  it('sizes nodes by request rate between the min and max radius', () => {
    const api = scene.nodes.find((n) => n.id === 'api')!;
    const webNode = scene.nodes.find((n) => n.id === 'web')!;
    expect(api.r).toBe(MAX_RADIUS);
    expect(webNode.r).toBe(MIN_RADIUS); // nobody calls web
  });

  it('marks dimmed nodes, turned cycle edges and thicker busy edges', () => {
    expect(scene.nodes.find((n) => n.id === 'db')!.dimmed).toBe(true);
    expect(scene.edges.find((e) => e.id === 'db->api')!.reversed).toBe(true);
    const busy = scene.edges.find((e) => e.id === 'web->api')!;
    const quiet = scene.edges.find((e) => e.id === 'api->db')!;
    expect(busy.width).toBeGreaterThan(quiet.width);
  });

  it('truncates long labels with an ellipsis', () => {
    expect(truncateLabel('a'.repeat(100), 64)).toHaveLength(10);
    expect(truncateLabel('short')).toBe('short');
  });
});

describe('hit testing', () => {
  const index = buildHitIndex(scene);
  it('finds the node under the pointer and nothing in empty space', () => {
    const api = scene.nodes.find((n) => n.id === 'api')!;
    expect(index.nodeAt(api.x + api.r / 2, api.y)?.id).toBe('api');
    expect(index.nodeAt(api.x + api.r * 3, api.y - 1000)).toBeUndefined();
  });

  it('finds an edge near its line', () => {
    const e = scene.edges.find((x) => x.id === 'web->api')!;
    const [a, b] = [e.points[0], e.points[e.points.length - 1]];
    expect(index.edgeAt((a.x + b.x) / 2, (a.y + b.y) / 2 + 2, 5)?.id).toBe('web->api');
  });

  it('measures distance to a segment', () => {
    expect(distanceToSegment(5, 3, 0, 0, 10, 0)).toBe(3);
    expect(distanceToSegment(-4, 3, 0, 0, 10, 0)).toBe(5);
  });
});

const format = formatForGraph(graph);

describe('drawScene', () => {
  it('draws every node, edge and label when zoomed in, all rates in one unit (regression #19)', () => {
    const { ctx, calls } = recordingContext();
    const vp = fitBounds(scene.bounds, 800, 600);
    const stats = drawScene(ctx, scene, vp, palette, { width: 800, height: 600, labelMinZoom: vp.scale / 2, format });
    expect(stats).toEqual({ nodesDrawn: 3, edgesDrawn: 3, labelsDrawn: 3, edgeLabelsDrawn: 3 });
    // 10/s beside 0.1/s used to be drawn as "10.0/s" and "6.0/min" on one graph.
    expect(calls.filter((c) => c.startsWith('fillText'))).toEqual([
      'fillText(api)',
      'fillText(db)',
      'fillText(web)',
      'fillText(600 req/min)',
      'fillText(6.0 req/min)',
      'fillText(6.0 req/min)',
    ]);
  });

  it("labels a call with its tooltip's rate and error share", () => {
    const e = scene.edges.find((x) => x.id === 'web->api')!;
    const failing = { ...e, data: { ...e.data, errorRate: 0.0123 } };
    expect(edgeLabel(failing, format)).toBe(`${format.rate(e.data.requestRate, e.data.requests)} · 1.2% err`);
  });

  it('hides labels below the label zoom and culls what is off screen', () => {
    const { ctx } = recordingContext();
    const vp = fitBounds(scene.bounds, 800, 600);
    const far = drawScene(ctx, scene, vp, palette, { width: 800, height: 600, labelMinZoom: 10, format });
    expect([far.labelsDrawn, far.edgeLabelsDrawn]).toEqual([0, 0]);
    const away = { ...vp, tx: vp.tx + 100000 };
    expect(drawScene(ctx, scene, away, palette, { width: 800, height: 600, labelMinZoom: 0, format }).nodesDrawn).toBe(
      0
    );
  });
});
