/**
 * Cycle breaking by depth-first search: an edge that reaches a node still on the DFS stack closes a
 * cycle and is turned around (a feedback arc). Roots are the entry points (no callers), and at each
 * node the shallowest callees (breadth-first distance from the entry points) are explored first, so
 * when a deep service calls back to a shallow one, the shallow one is usually finished already and
 * the callback, not the main flow, is the edge that gets turned. Iterative, so a 2,000-deep chain
 * cannot overflow the call stack.
 *
 * @returns per edge, 1 when reversed (self-loops must already be removed)
 */
export function feedbackArcs(n: number, src: Int32Array, dst: Int32Array): Uint8Array {
  const m = src.length;
  const outStart = new Int32Array(n + 1);
  const indeg = new Int32Array(n);
  for (let e = 0; e < m; e++) {
    outStart[src[e] + 1]++;
    indeg[dst[e]]++;
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1] += outStart[i];
  }
  const outEdges = new Int32Array(m);
  const fill = outStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    outEdges[fill[src[e]]++] = e;
  }

  const depth = callDepth(n, indeg, outStart, outEdges, dst);
  // Shallow targets first: a deep service calling back finds its target already finished.
  for (let u = 0; u < n; u++) {
    const slice = Array.from(outEdges.subarray(outStart[u], outStart[u + 1]));
    slice.sort((a, b) => depth[dst[a]] - depth[dst[b]] || a - b);
    outEdges.set(slice, outStart[u]);
  }
  const reversed = new Uint8Array(m);
  const state = new Uint8Array(n); // 0 new, 1 on stack, 2 done
  const stackNode = new Int32Array(n);
  const stackNext = new Int32Array(n);
  const visit = (root: number) => {
    let top = 0;
    stackNode[0] = root;
    stackNext[0] = outStart[root];
    state[root] = 1;
    while (top >= 0) {
      const u = stackNode[top];
      if (stackNext[top] < outStart[u + 1]) {
        const e = outEdges[stackNext[top]++];
        const v = dst[e];
        if (state[v] === 1) {
          reversed[e] = 1; // closes a cycle back to a node on the current path
        } else if (state[v] === 0) {
          state[v] = 1;
          top++;
          stackNode[top] = v;
          stackNext[top] = outStart[v];
        }
      } else {
        state[u] = 2;
        top--;
      }
    }
  };
  for (let i = 0; i < n; i++) {
    if (indeg[i] === 0 && state[i] === 0) {
      visit(i);
    }
  }
  // Cycles with no entry point: start from the shallowest node.
  const rest = Array.from({ length: n }, (_, i) => i).sort((a, b) => depth[a] - depth[b] || a - b);
  for (const i of rest) {
    if (state[i] === 0) {
      visit(i);
    }
  }
  return reversed;
}

/** Breadth-first distance from the entry points (no callers); cycles without one start at their lowest index. */
function callDepth(n: number, indeg: Int32Array, outStart: Int32Array, outEdges: Int32Array, dst: Int32Array) {
  const depth = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  const drain = () => {
    while (head < tail) {
      const u = queue[head++];
      for (let k = outStart[u]; k < outStart[u + 1]; k++) {
        const v = dst[outEdges[k]];
        if (depth[v] === -1) {
          depth[v] = depth[u] + 1;
          queue[tail++] = v;
        }
      }
    }
  };
  for (let i = 0; i < n; i++) {
    if (indeg[i] === 0) {
      depth[i] = 0;
      queue[tail++] = i;
    }
  }
  drain();
  for (let i = 0; i < n; i++) {
    if (depth[i] === -1) {
      // Unreached nodes sit on cycles without an entry point: start a new BFS below everything so far.
      depth[i] = tail > 0 ? depth[queue[tail - 1]] + 1 : 0;
      queue[tail++] = i;
      drain();
    }
  }
  return depth;
}
