/**
 * Places items of one layer as close as possible to where they want to be (weighted least squares)
 * while keeping their order and minimum gaps: y[i+1] - y[i] >= gap[i+1]. Subtracting the cumulative
 * gaps turns this into isotonic regression, which pool-adjacent-violators solves exactly in O(n).
 * The gaps make overlaps impossible by construction, not by a later fix-up.
 */
export function placeInOrder(desired: Float64Array, weight: Float64Array, gap: Float64Array): Float64Array {
  const n = desired.length;
  const offset = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    offset[i] = offset[i - 1] + gap[i];
  }
  // Blocks of pooled items: mean target, total weight, end index (exclusive).
  const mean = new Float64Array(n);
  const wsum = new Float64Array(n);
  const end = new Int32Array(n);
  let blocks = 0;
  for (let i = 0; i < n; i++) {
    mean[blocks] = desired[i] - offset[i];
    wsum[blocks] = weight[i];
    end[blocks] = i + 1;
    blocks++;
    while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1]) {
      const w = wsum[blocks - 2] + wsum[blocks - 1];
      mean[blocks - 2] = (mean[blocks - 2] * wsum[blocks - 2] + mean[blocks - 1] * wsum[blocks - 1]) / w;
      wsum[blocks - 2] = w;
      end[blocks - 2] = end[blocks - 1];
      blocks--;
    }
  }
  const y = new Float64Array(n);
  let i = 0;
  for (let b = 0; b < blocks; b++) {
    for (; i < end[b]; i++) {
      y[i] = mean[b] + offset[i];
    }
  }
  return y;
}
