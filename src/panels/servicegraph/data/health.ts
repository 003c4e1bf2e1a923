import type { RedFigures } from '../../../core/analysis/serviceGraph';

export type Health = 'ok' | 'warn' | 'bad' | 'unknown';

export interface Thresholds {
  readonly errorWarnPercent: number;
  readonly errorBadPercent: number;
  readonly latencyWarnMs: number;
  readonly latencyBadMs: number;
}

/** Health by error rate; 'unknown' when nothing was called (no rate to judge). */
export function errorHealth(f: RedFigures, t: Thresholds): Health {
  if (f.requests === 0 && f.errorRate === 0) {
    return 'unknown';
  }
  const pct = f.errorRate * 100;
  return pct >= t.errorBadPercent ? 'bad' : pct >= t.errorWarnPercent ? 'warn' : 'ok';
}

/** Health by p95 latency (the mean when the source has no percentiles, e.g. Tempo's node graph). */
export function latencyHealth(f: RedFigures, t: Thresholds): Health {
  const ms = f.p95Ms ?? f.avgMs;
  if (ms === null) {
    return 'unknown';
  }
  return ms >= t.latencyBadMs ? 'bad' : ms >= t.latencyWarnMs ? 'warn' : 'ok';
}

export function isHealthy(f: RedFigures, t: Thresholds): boolean {
  const e = errorHealth(f, t);
  const l = latencyHealth(f, t);
  return (e === 'ok' || e === 'unknown') && (l === 'ok' || l === 'unknown');
}
