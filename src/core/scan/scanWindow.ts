import { TraceLensError, errorMessage } from '../errors';
import type { Trace } from '../model/types';
import { clampRange, coversWindow, intersectRanges, mergeRanges, rangeWidth } from './ranges';
import { absorb, learn, refine, sampleTimes, splitFull, traceTimeIn, type PendingSlice } from './splitting';
import {
  DEFAULT_MAX_FAILURES,
  DEFAULT_MAX_TRACES,
  DEFAULT_MIN_SLICE_NS,
  DEFAULT_SCAN_CONCURRENCY,
  DEFAULT_SLICE_LIMIT,
  type Completeness,
  type IncompleteReason,
  type ScanLane,
  type ScanOptions,
  type TimeRange,
} from './types';

interface LaneState {
  readonly lane: ScanLane;
  readonly minWidth: bigint;
  /** Slices still to ask for, in no particular order; the newest is taken first. */
  readonly pending: PendingSlice[];
  readonly covered: TimeRange[];
}

interface Failure {
  readonly lane: string;
  readonly range: TimeRange;
  readonly error: unknown;
}

function positiveInt(n: number | undefined, fallback: number, what: string): number {
  if (n === undefined) {
    return fallback;
  }
  if (!Number.isFinite(n) || n < 1) {
    throw new TraceLensError('input', `${what} must be a positive number, got ${n}`);
  }
  return Math.floor(n);
}

function cancelled(): TraceLensError {
  return new TraceLensError('cancelled', 'the request was cancelled');
}

function takeNewest(pending: PendingSlice[]): PendingSlice | undefined {
  let best = -1;
  for (let i = 0; i < pending.length; i++) {
    if (best < 0 || pending[i].range.end > pending[best].range.end) {
      best = i;
    }
  }
  return best < 0 ? undefined : pending.splice(best, 1)[0];
}

/**
 * Reads every trace in a window, however many a single search may return. A trace is in the window
 * when one of its spans starts in it (Jaeger's and Tempo's searches match on span start times).
 *
 * Each lane starts with one request for the whole window. An answer short of the limit holds every
 * trace of its slice; a full one may not, so its slice is cut into pieces (splitting.ts) that are
 * searched in turn, until every slice has come back short. Traces are deduplicated by ID across
 * slices and lanes (a trace whose spans straddle a cut is answered by both sides) and handed to
 * `fold` as they arrive, so the caller keeps its aggregates, never the traces. At most
 * `maxConcurrency` requests are in flight; newer slices go first so early results show recent data.
 *
 * The scan stops short, and says so in the result, when the budget of `maxTraces` distinct traces
 * is spent or `maxFailures` slices have failed. A slice too narrow to cut that still comes back full
 * is asked again with a larger limit, up to the budget. When every request fails, the first error
 * is thrown; when `signal` aborts, the scan rejects with a 'cancelled' error and folds nothing more.
 */
export async function scanWindow(opts: ScanOptions): Promise<Completeness> {
  const window = opts.window;
  if (window.end < window.start) {
    throw new TraceLensError('input', 'the time range is empty: end must be after start');
  }
  const budget = positiveInt(opts.maxTraces, DEFAULT_MAX_TRACES, 'maxTraces');
  // Asking for more than budget + 1 traces at once could only fetch traces the budget cannot take.
  const limit = Math.min(positiveInt(opts.sliceLimit, DEFAULT_SLICE_LIMIT, 'the slice limit'), budget + 1);
  const concurrency = positiveInt(opts.maxConcurrency, DEFAULT_SCAN_CONCURRENCY, 'maxConcurrency');
  const maxFailures = positiveInt(opts.maxFailures, DEFAULT_MAX_FAILURES, 'maxFailures');
  const minWidth = opts.minSliceNs !== undefined && opts.minSliceNs > 0n ? opts.minSliceNs : DEFAULT_MIN_SLICE_NS;
  if (opts.signal?.aborted) {
    throw cancelled();
  }

  const lanes: LaneState[] = opts.lanes.map((lane) => ({
    lane,
    minWidth: lane.minSliceNs !== undefined && lane.minSliceNs > 0n ? lane.minSliceNs : minWidth,
    pending: [{ range: window, sample: [], limit }],
    covered: [],
  }));
  const seen = new Set<string>();
  const notices = new Map<string, { severity: 'info' | 'warning' | 'error'; text: string }>();
  const failures: Failure[] = [];
  let scanned = 0;
  let requests = 0;
  let answered = 0;
  let bytes = 0;
  let stopped: { reason: IncompleteReason; message: string } | undefined;
  /** A fold that threw: a bug or a query the engine rejects, not a backend problem, so it is thrown. */
  let foldError: { error: unknown } | undefined;
  let inFlight = 0;
  let nextLane = 0;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  const workLeft = () => inFlight > 0 || lanes.some((l) => l.pending.length > 0);

  const snapshot = (done: boolean): Completeness => {
    const covered = intersectRanges(lanes.map((l) => l.covered))
      .map((r) => clampRange(r, window))
      .filter((r): r is TimeRange => r !== undefined);
    const merged = mergeRanges(covered);
    const whole = done && stopped === undefined && failures.length === 0 && !workLeft() && coversWindow(merged, window);
    const why = whole ? undefined : (stopped ?? failureReason());
    return {
      complete: whole,
      tracesScanned: scanned,
      tracesAtLeast: seen.size,
      window,
      covered: merged,
      ...(why !== undefined ? { why } : {}),
      requests,
      bytes,
      ...(notices.size > 0 ? { notices: [...notices.values()] } : {}),
    };
  };

  const failureReason = (): { reason: IncompleteReason; message: string } | undefined => {
    if (failures.length === 0) {
      return undefined;
    }
    const f = failures[0];
    const where = f.lane ? ` (${f.lane})` : '';
    return {
      reason: 'backend-error',
      message: `${failures.length} ${failures.length === 1 ? 'slice' : 'slices'} of the window failed${where}: ${errorMessage(f.error)}`,
    };
  };

  const stop = (reason: IncompleteReason, message: string) => {
    if (stopped === undefined) {
      stopped = { reason, message };
      controller.abort();
    }
  };

  const fold = (traces: readonly Trace[]): { folded: number; left: number } => {
    const fresh: Trace[] = [];
    for (const t of traces) {
      // A backend that rounds a slice outwards may answer traces from just outside the window.
      if (!seen.has(t.traceId) && traceTimeIn(t, window) !== undefined) {
        seen.add(t.traceId);
        fresh.push(t);
      }
    }
    const room = Math.max(0, budget - scanned);
    const batch = fresh.length > room ? fresh.slice(0, room) : fresh;
    if (batch.length > 0) {
      scanned += batch.length;
      opts.fold(batch);
    }
    return { folded: batch.length, left: fresh.length - batch.length };
  };

  const settle = (state: LaneState, slice: PendingSlice, traces: readonly Trace[], full: boolean) => {
    const { left } = fold(traces);
    if (left > 0) {
      stop('budget', `the budget of ${budget.toLocaleString('en-US')} traces was reached`);
      return;
    }
    if (slice.family) {
      learn(slice.family, slice.sample.length, traces.length, full);
    }
    if (!full) {
      state.covered.push(slice.range);
    } else if (rangeWidth(slice.range) >= 2n * state.minWidth) {
      state.pending.push(...splitFull(slice, traces, limit, state.minWidth));
    } else if (slice.limit <= budget) {
      // Too narrow to cut (the backend's time unit): ask for more at once instead.
      state.pending.push({
        ...slice,
        sample: sampleTimes(traces, slice.range),
        limit: Math.min(slice.limit * 4, budget + 1),
      });
    } else {
      stop('budget', `more than ${budget.toLocaleString('en-US')} traces share one instant the backend can tell apart`);
      return;
    }
    if (scanned >= budget && workLeft()) {
      stop('budget', `the budget of ${budget.toLocaleString('en-US')} traces was reached`);
    }
  };

  await new Promise<void>((resolve) => {
    const pump = () => {
      while (stopped === undefined && !controller.signal.aborted && inFlight < concurrency) {
        const state = pickLane();
        if (!state) {
          break;
        }
        const newest = takeNewest(state.pending);
        if (!newest) {
          continue;
        }
        const next = absorb(newest, state.pending);
        const pieces = refine(next, state.minWidth);
        if (pieces.length > 1) {
          state.pending.push(...pieces);
          continue;
        }
        launch(state, next);
      }
      if (inFlight === 0 && (stopped !== undefined || controller.signal.aborted || !workLeft())) {
        resolve();
      }
    };

    const pickLane = (): LaneState | undefined => {
      for (let i = 0; i < lanes.length; i++) {
        const state = lanes[(nextLane + i) % lanes.length];
        if (state.pending.length > 0) {
          nextLane = (nextLane + i + 1) % lanes.length;
          return state;
        }
      }
      return undefined;
    };

    const launch = (state: LaneState, slice: PendingSlice) => {
      inFlight++;
      state.lane.search(slice.range, slice.limit, controller.signal).then(
        (answer) => {
          inFlight--;
          requests += answer.requests ?? 1;
          if (stopped === undefined && !controller.signal.aborted) {
            answered++;
            bytes += answer.bytes;
            for (const n of answer.notices ?? []) {
              notices.set(n.text, n);
            }
            try {
              settle(state, slice, answer.traces, answer.full || answer.traces.length >= slice.limit);
            } catch (e) {
              foldError = { error: e };
              controller.abort();
            }
            if (foldError === undefined) {
              opts.onProgress?.(snapshot(false));
            }
          }
          pump();
        },
        (error: unknown) => {
          inFlight--;
          requests++;
          if (!controller.signal.aborted) {
            failures.push({ lane: state.lane.name, range: slice.range, error });
            if (failures.length >= maxFailures) {
              const f = failureReason();
              stop('backend-error', f ? f.message : errorMessage(error));
            }
          }
          pump();
        }
      );
    };

    pump();
  });
  opts.signal?.removeEventListener('abort', onAbort);

  if (opts.signal?.aborted) {
    throw cancelled();
  }
  if (foldError !== undefined) {
    throw foldError.error;
  }
  if (answered === 0 && failures.length > 0) {
    throw failures[0].error;
  }
  return snapshot(true);
}
