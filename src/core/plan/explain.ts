import type { TimeWindow } from './types';

/** A plan in words and JSON; every backend's planner produces one. */
export interface PlanExplanation {
  /** Plain words: what runs on the backend, what in the engine, and why. */
  readonly text: string;
  /** The same, structured (bigints as decimal strings) for `--json` and tooling. */
  readonly json: unknown;
}

export function isoWindow(w: TimeWindow): string {
  const iso = (ns: bigint) => new Date(Number(ns / 1_000_000n)).toISOString();
  return `${iso(w.start)} to ${iso(w.end)}`;
}

export function windowJson(w: TimeWindow): { start: string; end: string } {
  return { start: w.start.toString(), end: w.end.toString() };
}
