/**
 * Timing helpers for benches. Figures are ratios between variants measured interleaved in the same
 * run (A, B, A, B, ...), so load from other processes hits both sides alike; medians damp outliers.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

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

export interface AsyncVariant {
  readonly name: string;
  readonly run: () => unknown;
}

/**
 * A full garbage collection, so every timed run starts from the same clean heap and does not pay
 * for the garbage the previous variant left. `--expose-gc` is switched on at runtime (the bench
 * runs under tsx, whose command line we do not control).
 */
export const collectGarbage: () => void = (() => {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => gc();
})();

/**
 * Like timeInterleaved, for variants that may return a promise (the data source's path is async),
 * with a full GC before each timed run. Warm-up runs every variant `warmup` times first.
 */
export async function timeInterleavedAsync(
  variants: readonly AsyncVariant[],
  rounds: number,
  warmup = 1
): Promise<Timing[]> {
  const samples = variants.map(() => [] as number[]);
  const cpuSamples = variants.map(() => [] as number[]);
  for (let w = 0; w < warmup; w++) {
    for (const v of variants) {
      consume(await v.run());
    }
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < variants.length; i++) {
      collectGarbage();
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      consume(await variants[i].run());
      samples[i].push(performance.now() - t0);
      const c = process.cpuUsage(c0);
      cpuSamples[i].push((c.user + c.system) / 1000);
      consume(undefined);
    }
  }
  return variants.map((v, i) => ({
    name: v.name,
    medianMs: median(samples[i]),
    minMs: Math.min(...samples[i]),
    medianCpuMs: median(cpuSamples[i]),
  }));
}
