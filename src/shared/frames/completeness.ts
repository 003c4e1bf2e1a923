import type { DataFrame } from '@grafana/data';

import {
  completenessJson,
  completenessText,
  formatCount,
  lowerBoundText,
  type Completeness,
  type CompletenessJson,
} from '../../core/scan';

/**
 * Whether the numbers in a frame cover every trace in the window. The TraceLens data source puts
 * this on the first frame of every analysis (service graph, latency, sampling); the panels show a
 * badge from it, so a lower bound is never presented as a fact. Other data sources send none, and
 * then nothing is claimed either way.
 */
export const COMPLETENESS_KEY = 'tracelensCompleteness';

export interface CompletenessMeta extends CompletenessJson {
  /** The scan is still running: a progressive frame. */
  readonly inProgress: boolean;
  /** Short text for a badge when the numbers are not complete ("lower bound: 20,000 of ≥ …"). */
  readonly badge?: string;
  /** The full sentence (what was read, why it stopped, what was covered). */
  readonly text: string;
}

export function completenessMeta(c: Completeness, inProgress = false): CompletenessMeta {
  const badge = inProgress ? `reading the window: ${formatCount(c.tracesScanned)} traces so far` : lowerBoundText(c);
  return {
    ...completenessJson(c),
    inProgress,
    ...(badge !== undefined ? { badge } : {}),
    text: inProgress
      ? `Partial result while the window is read: ${formatCount(c.tracesScanned)} traces so far in ${formatCount(c.requests)} requests.`
      : completenessText(c),
  };
}

export function withCompleteness(frame: DataFrame, meta: CompletenessMeta): DataFrame {
  return { ...frame, meta: { ...frame.meta, custom: { ...frame.meta?.custom, [COMPLETENESS_KEY]: meta } } };
}

function isMeta(v: unknown): v is CompletenessMeta {
  if (typeof v !== 'object' || v === null) {
    return false;
  }
  const m = v as Partial<CompletenessMeta>;
  return typeof m.complete === 'boolean' && typeof m.tracesScanned === 'number' && typeof m.text === 'string';
}

/** The completeness any of the frames carries; an incomplete one wins over a complete one. */
export function readCompleteness(frames: readonly DataFrame[]): CompletenessMeta | undefined {
  let found: CompletenessMeta | undefined;
  for (const f of frames) {
    const v: unknown = (f.meta?.custom as Record<string, unknown> | undefined)?.[COMPLETENESS_KEY];
    if (isMeta(v) && (found === undefined || (found.complete && !v.complete))) {
      found = v;
    }
  }
  return found;
}
