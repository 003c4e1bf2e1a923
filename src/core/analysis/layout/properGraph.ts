/**
 * The layered graph made "proper": every segment joins adjacent layers, with dummy nodes standing in
 * for long edges where they cross a layer. Adjacency is stored as CSR (compressed sparse rows) in
 * typed arrays because crossing reduction walks it many times on graphs with tens of thousands of
 * nodes.
 */
export interface ProperGraph {
  /** Real nodes are 0..realCount-1; dummies follow. */
  readonly count: number;
  readonly realCount: number;
  readonly layerOf: Int32Array;
  readonly layerCount: number;
  /** Neighbours one layer to the left (up) and right (down), CSR. */
  readonly upStart: Int32Array;
  readonly up: Int32Array;
  readonly downStart: Int32Array;
  readonly down: Int32Array;
  /** For each input edge (DAG direction), the dummy chain it runs through (empty if none). */
  readonly chains: readonly Int32Array[];
  readonly dummies: number;
}

function csr(count: number, keys: number[], values: number[]): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(count + 1);
  for (const k of keys) {
    start[k + 1]++;
  }
  for (let i = 0; i < count; i++) {
    start[i + 1] += start[i];
  }
  const list = new Int32Array(keys.length);
  const fill = start.slice(0, count);
  for (let i = 0; i < keys.length; i++) {
    list[fill[keys[i]]++] = values[i];
  }
  return { start, list };
}

export function buildProperGraph(
  n: number,
  from: Int32Array,
  to: Int32Array,
  layer: Int32Array,
  maxDummies: number
): ProperGraph {
  const segU: number[] = [];
  const segV: number[] = [];
  const layers: number[] = Array.from(layer);
  const chains: Int32Array[] = [];
  let next = n;
  let layerCount = 0;
  for (let i = 0; i < n; i++) {
    layerCount = Math.max(layerCount, layer[i] + 1);
  }
  const empty = new Int32Array(0);
  for (let e = 0; e < from.length; e++) {
    const a = from[e];
    const b = to[e];
    const span = layer[b] - layer[a];
    if (span === 1) {
      segU.push(a);
      segV.push(b);
      chains.push(empty);
    } else if (span > 1 && next - n + span - 1 <= maxDummies) {
      const chain = new Int32Array(span - 1);
      let prev = a;
      for (let k = 0; k < span - 1; k++) {
        const d = next++;
        layers.push(layer[a] + k + 1);
        chain[k] = d;
        segU.push(prev);
        segV.push(d);
        prev = d;
      }
      segU.push(prev);
      segV.push(b);
      chains.push(chain);
    } else {
      // Over the dummy budget: drawn as a straight line, ignored by crossing reduction.
      chains.push(empty);
    }
  }
  const count = next;
  const downCsr = csr(count, segU, segV);
  const upCsr = csr(count, segV, segU);
  return {
    count,
    realCount: n,
    layerOf: Int32Array.from(layers),
    layerCount,
    upStart: upCsr.start,
    up: upCsr.list,
    downStart: downCsr.start,
    down: downCsr.list,
    chains,
    dummies: count - n,
  };
}
