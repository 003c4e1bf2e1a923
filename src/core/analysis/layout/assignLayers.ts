/**
 * Longest-path layering on the acyclic graph (edges already turned by feedbackArcs): each node sits
 * one layer right of its furthest predecessor. Then nodes with no predecessors move right to just
 * before their nearest successor, so a batch job calling one deep service does not drag a long edge
 * across the whole picture.
 */
export function assignLayers(n: number, from: Int32Array, to: Int32Array): Int32Array {
  const m = from.length;
  const indeg = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    indeg[to[e]]++;
    outStart[from[e] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
  }
  const out = new Int32Array(m);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    out[fill[from[e]]++] = to[e];
  }
  const layer = new Int32Array(n);
  const remaining = indeg.slice();
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (remaining[i] === 0) {
      queue[tail++] = i;
    }
  }
  while (head < tail) {
    const u = queue[head++];
    for (let k = outStart[u]; k < outStart[u + 1]; k++) {
      const v = out[k];
      if (layer[u] + 1 > layer[v]) {
        layer[v] = layer[u] + 1;
      }
      if (--remaining[v] === 0) {
        queue[tail++] = v;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (indeg[i] === 0 && outStart[i + 1] > outStart[i]) {
      let nearest = Infinity;
      for (let k = outStart[i]; k < outStart[i + 1]; k++) {
        nearest = Math.min(nearest, layer[out[k]]);
      }
      layer[i] = Math.max(0, nearest - 1);
    }
  }
  return layer;
}
