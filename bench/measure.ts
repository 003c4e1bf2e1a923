/**
 * Timing helpers for benches. Figures are ratios between variants measured interleaved in the same
 * run (A, B, A, B, ...), so load from other processes hits both sides alike; medians damp outliers.
 */

export interface Variant {
  readonly name: string;
  readonly run: () => unknown;
}

export interface Timing {
  readonly name: string;
  /** Wall-clock time. */
  readonly medianMs: number;
  readonly minMs: number;
  /**
   * Process CPU time (user + system, all threads, so GC helpers count). On a machine shared with
   * other jobs this moves far less than wall time, so ratios use it.
   */
  readonly medianCpuMs: number;
}

/** Keeps results reachable so the optimiser cannot drop the work being timed. */
let sink: unknown;
export function consume(v: unknown): void {
  sink = v;
}
export function lastSink(): unknown {
  return sink;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Runs every variant once to warm up, then `rounds` interleaved rounds. */
export function timeInterleaved(variants: readonly Variant[], rounds: number): Timing[] {
  const samples = variants.map(() => [] as number[]);
  const cpuSamples = variants.map(() => [] as number[]);
  for (const v of variants) {
    consume(v.run());
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      consume(variants[i].run());
      samples[i].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuSamples[i].push((c.user + c.system) / 1000);
    }
  }
  return variants.map((v, i) => ({
    name: v.name,
    medianMs: median(samples[i]),
    minMs: Math.min(...samples[i]),
    medianCpuMs: median(cpuSamples[i]),
  }));
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatRatio(x: number): string {
  return `${x.toFixed(2)}x`;
}
