/**
 * Issue 8's proof on real data: the demo's user search route is slow on purpose (a full-table scan
 * plus extra database time). Over the frontend's server spans from the real Jaeger, selecting the
 * slow region of the heatmap and comparing it with the rest must name that route.
 */
import { runLatency } from '../../../src/core/analysis/runners';
import { buildLatencyHeatmap, compareSelection } from '../../../src/core/analysis/latency';
import { nodeTransport } from '../../../src/core/transport/nodeTransport';
import { createBackend } from '../../../src/core/backends';
import { requireStack } from '../support/stackHandle';

const stack = requireStack();

describe('latency heatmap over the real Jaeger', () => {
  it('finds the deliberately slow route when the slow region is compared with the rest', async () => {
    const backend = createBackend({
      kind: 'jaeger',
      transport: nodeTransport(stack.jaeger.queryUrl, { timeoutMs: 30_000 }),
      searchDepth: 5000,
    });
    const end = BigInt(Date.now() + 60_000) * 1_000_000n;
    const start = end - 6n * 3600n * 1_000_000_000n;
    const run = await runLatency(
      backend,
      '{ resource.service.name = "frontend" && kind = server && resource.service.namespace = "tracelens-demo" }',
      { start, end },
      'span'
    );
    expect(run.samples.length).toBeGreaterThan(20);

    const heatmap = buildLatencyHeatmap(
      {
        length: run.samples.length,
        startMs: run.samples.map((s) => s.startMs),
        durationNs: run.samples.map((s) => s.durationNs),
      },
      { startMs: Number(start / 1_000_000n), endMs: Number(end / 1_000_000n), stepMs: 60_000 }
    );
    expect(heatmap.total).toBe(run.samples.length);

    // The slow route adds ≥250 ms in the database; ordinary requests take tens of milliseconds.
    const comparison = compareSelection(run.samples, {
      fromMs: -Infinity,
      toMs: Infinity,
      minNs: 200e6,
      maxNs: Infinity,
    });
    expect(comparison.selected).toBeGreaterThan(0);
    const top = comparison.attributes[0];
    expect(`${top.key}=${String(top.value)}`).toMatch(/search/);
    expect(top.selectedShare).toBeGreaterThan(top.baselineShare);
  });
});
