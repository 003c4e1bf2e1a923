import { placeInOrder } from './isotonic';
import type { ProperGraph } from './properGraph';

export interface CoordinateInput {
  readonly graph: ProperGraph;
  readonly layers: Int32Array[];
  /** Sizes of real nodes (dummies are points). */
  readonly width: Float64Array;
  readonly height: Float64Array;
  readonly nodeSep: number;
  readonly rankSep: number;
  /** Previous centre y per node (dummies included), NaN when new; those are held near where they were. */
  readonly previousY: Float64Array | null;
  readonly iterations: number;
}

/** Dummies are bend points, so they pack closer than nodes and nodes keep a margin from lines. */
const DUMMY_SEP = 8;
const PINNED_WEIGHT = 1000;

/**
 * x: one column per layer, as wide as its widest node. y: start stacked, then alternately pull each
 * node towards the mean y of its neighbours in both adjacent layers and place the layer exactly
 * (placeInOrder), which straightens edges without ever overlapping nodes or reordering a layer.
 */
export function assignCoordinates(input: CoordinateInput): { x: Float64Array; y: Float64Array } {
  const { graph: g, layers, width, height, nodeSep, rankSep, previousY } = input;
  const real = g.realCount;
  const h = (v: number) => (v < real ? height[v] : 0);
  const x = new Float64Array(g.count);
  const y = new Float64Array(g.count);
  let left = 0;
  for (const layer of layers) {
    let w = 0;
    for (const v of layer) {
      if (v < real) {
        w = Math.max(w, width[v]);
      }
    }
    for (const v of layer) {
      x[v] = left + w / 2;
    }
    left += w + rankSep;
  }

  const gaps = layers.map((layer) => {
    const gap = new Float64Array(layer.length);
    for (let i = 1; i < layer.length; i++) {
      const a = layer[i - 1];
      const b = layer[i];
      const sep = a < real && b < real ? nodeSep : DUMMY_SEP;
      gap[i] = (h(a) + h(b)) / 2 + sep;
    }
    return gap;
  });

  for (let l = 0; l < layers.length; l++) {
    const layer = layers[l];
    let acc = 0;
    for (let i = 0; i < layer.length; i++) {
      acc += gaps[l][i];
      y[layer[i]] = acc;
    }
    const mid = acc / 2;
    for (const v of layer) {
      y[v] -= mid;
      if (previousY !== null && !Number.isNaN(previousY[v])) {
        y[v] = previousY[v];
      }
    }
    if (previousY !== null) {
      // Previous positions may violate this layer's gaps now that new nodes joined; resolve once.
      const placed = placeInOrder(
        Float64Array.from(layer, (v) => y[v]),
        new Float64Array(layer.length).fill(1),
        gaps[l]
      );
      layer.forEach((v, i) => (y[v] = placed[i]));
    }
  }

  const relax = (l: number) => {
    const layer = layers[l];
    const desired = new Float64Array(layer.length);
    const weight = new Float64Array(layer.length);
    for (let i = 0; i < layer.length; i++) {
      const v = layer[i];
      if (previousY !== null && !Number.isNaN(previousY[v])) {
        desired[i] = previousY[v];
        weight[i] = PINNED_WEIGHT;
        continue;
      }
      let sum = 0;
      let deg = 0;
      for (let k = g.upStart[v]; k < g.upStart[v + 1]; k++, deg++) {
        sum += y[g.up[k]];
      }
      for (let k = g.downStart[v]; k < g.downStart[v + 1]; k++, deg++) {
        sum += y[g.down[k]];
      }
      desired[i] = deg > 0 ? sum / deg : y[v];
      // Nodes with many edges matter more to straighten; isolated-in-layer ones barely pull.
      weight[i] = deg > 0 ? deg : 0.01;
    }
    const placed = placeInOrder(desired, weight, gaps[l]);
    for (let i = 0; i < layer.length; i++) {
      y[layer[i]] = placed[i];
    }
  };
  for (let it = 0; it < input.iterations; it++) {
    for (let l = 0; l < layers.length; l++) {
      relax(l);
    }
    for (let l = layers.length - 1; l >= 0; l--) {
      relax(l);
    }
  }
  return { x, y };
}
