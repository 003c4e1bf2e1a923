import type { Completeness, IncompleteReason, TimeRange } from './types';

/**
 * Words and plain JSON for a Completeness, shared by the CLI, frame notices and panel badges so each
 * says the same thing the same way.
 */

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

const REASON_WORDS: Record<IncompleteReason, string> = {
  budget: 'budget reached',
  'backend-error': 'backend error',
};

function nsToIso(ns: bigint): string {
  const ms = ns / 1_000_000n;
  const iso = new Date(Number(ms)).toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

export function rangeText(r: TimeRange): string {
  return `${nsToIso(r.start)} to ${nsToIso(r.end)}`;
}

/** The short form a panel badge shows: "lower bound: 20,000 of ≥ 20,153 traces, budget reached". */
export function lowerBoundText(c: Completeness): string | undefined {
  if (c.complete) {
    return undefined;
  }
  const why = c.why ? `, ${REASON_WORDS[c.why.reason]}` : '';
  const of = c.tracesAtLeast > c.tracesScanned ? ` of ≥ ${formatCount(c.tracesAtLeast)}` : '';
  return `lower bound: ${formatCount(c.tracesScanned)}${of} traces${why}`;
}

/** One sentence for notices and the CLI's stderr. */
export function completenessText(c: Completeness): string {
  const requests = `${formatCount(c.requests)} ${c.requests === 1 ? 'request' : 'requests'}`;
  if (c.complete) {
    return `Complete: every trace in the window was read (${formatCount(c.tracesScanned)} traces, ${requests}).`;
  }
  const covered =
    c.covered.length === 0
      ? 'no part of the window was read completely'
      : `read completely: ${c.covered.map(rangeText).join(', ')}`;
  const advice =
    c.why?.reason === 'budget' ? ' Raise the trace budget (maxTraces, --max-traces) or shorten the time range.' : '';
  return (
    `Counts are lower bounds: ${formatCount(c.tracesScanned)} traces read` +
    (c.tracesAtLeast > c.tracesScanned ? ` of at least ${formatCount(c.tracesAtLeast)}` : '') +
    ` in ${requests}; ${c.why?.message ?? 'the scan stopped early'}; ${covered}.${advice}`
  );
}

/** Completeness as plain JSON: times as RFC 3339 strings and epoch milliseconds. */
export interface CompletenessJson {
  readonly complete: boolean;
  readonly tracesScanned: number;
  readonly tracesAtLeast: number;
  readonly why?: { readonly reason: IncompleteReason; readonly message: string };
  readonly window: { readonly start: string; readonly end: string };
  readonly covered: ReadonlyArray<{ readonly start: string; readonly end: string }>;
  readonly requests: number;
  readonly bytes: number;
}

export function completenessJson(c: Completeness): CompletenessJson {
  const range = (r: TimeRange) => ({ start: nsToIso(r.start), end: nsToIso(r.end) });
  return {
    complete: c.complete,
    tracesScanned: c.tracesScanned,
    tracesAtLeast: c.tracesAtLeast,
    ...(c.why ? { why: c.why } : {}),
    window: range(c.window),
    covered: c.covered.map(range),
    requests: c.requests,
    bytes: c.bytes,
  };
}

/** Completeness of an analysis over traces already in hand (files): every one was read. */
export function completeOver(window: TimeRange, traces: number, bytes = 0): Completeness {
  return {
    complete: true,
    tracesScanned: traces,
    tracesAtLeast: traces,
    window,
    covered: [window],
    requests: 0,
    bytes,
  };
}
