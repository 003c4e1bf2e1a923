import { formatDurationNs } from '../../../../src/core/analysis/latency/formatDuration';

export interface Tick {
  /** 0..1 across the trace. */
  fraction: number;
  label: string;
}

/** Evenly spaced ticks from the trace start (0) to its end, labelled as offsets from the start. */
export function timeTicks(durationMs: number, intervals = 4): Tick[] {
  const ticks: Tick[] = [];
  for (let index = 0; index <= intervals; index++) {
    const fraction = index / intervals;
    ticks.push({ fraction, label: index === 0 ? '0' : formatDuration(durationMs * fraction) });
  }
  return ticks;
}

export function formatDuration(ms: number): string {
  return formatDurationNs(ms * 1e6);
}
