/**
 * The latency heatmap at scale: bucketing 1M spans (with exemplars and exact percentiles) and one
 * render pass, as ratios against sorting the same 1M durations (the least any exact-percentile
 * method must do), measured interleaved in one run. Issue 8's goal: bucket + render well under a
 * second for 1M spans on this machine.
 */
import { buildLatencyHeatmap, gridFromHeatmap } from '../src/core/analysis/latency';
import { drawHeatmap } from '../src/panels/latencyheatmap/render/draw';
import { computeLayout } from '../src/panels/latencyheatmap/render/layout';
import { formatMs, timeInterleaved } from './measure';

const N = 1_000_000;

/** A seeded log-normal mix: most requests fast, a slow tail, one slow route in the second half. */
function samples() {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1664525 + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const startMs = new Float64Array(N);
  const durationNs = new Float64Array(N);
  const traceIds: string[] = new Array(N);
  for (let i = 0; i < N; i++) {
    const t = rand() * 3_600_000;
    const z = Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
    const slow = t > 1_800_000 && rand() < 0.05;
    startMs[i] = t;
    durationNs[i] = Math.exp(Math.log(slow ? 800e6 : 20e6) + 0.6 * z);
    traceIds[i] = (i >>> 3).toString(16).padStart(32, '0');
  }
  return { length: N, startMs, durationNs, traceIds };
}

/** Counts drawing calls; stands in for a canvas so the render cost measured is ours, not the GPU's. */
function recordingContext(): { ctx: CanvasRenderingContext2D; calls: () => number } {
  let calls = 0;
  // Text width as a canvas would report it for 12px sans-serif, roughly: the axes place labels by it.
  const target: Record<string, unknown> = {
    measureText: (text: string) => {
      calls++;
      return { width: 7 * text.length };
    },
  };
  const ctx = new Proxy(target, {
    get: (_t, prop) => (prop in target ? target[prop as string] : () => void calls++),
    set: (_t, prop, value) => {
      target[prop as string] = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, calls: () => calls };
}

export default async function bench(): Promise<string[]> {
  const data = samples();
  const options = { startMs: 0, endMs: 3_600_000, stepMs: 30_000, resolution: 1, exemplarsPerCell: 5 };
  const { ctx, calls } = recordingContext();
  const style = {
    scheme: 'viridis' as const,
    countScale: 'sqrt' as const,
    textColor: '#ccc',
    gridColor: '#333',
    background: '#111',
    selectionColor: '#fff',
    font: '12px sans-serif',
    time: { format: (ms: number) => new Date(ms).toISOString().slice(11, 19), utcOffsetMs: () => 0 },
  };
  const [sort, bucket, bucketRender] = timeInterleaved(
    [
      { name: 'sort 1M durations (baseline)', run: () => Float64Array.from(data.durationNs).sort() },
      { name: 'bucket 1M spans', run: () => buildLatencyHeatmap(data, options) },
      {
        name: 'bucket + render',
        run: () => {
          const grid = gridFromHeatmap(buildLatencyHeatmap(data, options));
          drawHeatmap(ctx, 1200, 400, grid, computeLayout(1200, 400, grid.columns, grid.rowBounds.length), style, {});
          return grid;
        },
      },
    ],
    5
  );
  const h = buildLatencyHeatmap(data, options);
  return [
    `1M spans, ${h.columns} time columns × ${h.rows.length} duration rows, exemplars and p50/p95/p99 per column`,
    `${sort.name}: ${formatMs(sort.medianMs)}`,
    `${bucket.name}: ${formatMs(bucket.medianMs)} = ${(bucket.medianMs / sort.medianMs).toFixed(2)}x the sort`,
    `${bucketRender.name}: ${formatMs(bucketRender.medianMs)} = ${(bucketRender.medianMs / sort.medianMs).toFixed(2)}x the sort (${calls()} draw calls so far); goal: well under 1 s`,
    `spans/s bucketed: ${(((N / bucket.medianMs) * 1000) / 1e6).toFixed(1)}M`,
  ];
}
