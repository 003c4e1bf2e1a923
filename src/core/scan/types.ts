import type { Trace } from '../model/types';

/** A closed time range in nanoseconds since the epoch: both `start` and `end` are inside it. */
export interface TimeRange {
  readonly start: bigint;
  readonly end: bigint;
}

/** What a backend answered for one time slice. */
export interface SliceAnswer {
  /** Decoded traces with at least one span the search matched in the slice (any order, maybe repeated). */
  readonly traces: readonly Trace[];
  /** The backend returned as many traces as it was asked for, so the slice may hold more. */
  readonly full: boolean;
  /** Response bytes read. */
  readonly bytes: number;
  /** Backend requests the answer took (default 1; Tempo fetches each trace after its search). */
  readonly requests?: number;
  /** Things the user should know about this slice's data (e.g. partial traces). */
  readonly notices?: ReadonlyArray<{ readonly severity: 'info' | 'warning' | 'error'; readonly text: string }>;
}

/**
 * Searches one time slice for at most `limit` traces. The backend may round the slice outwards to its
 * own time unit (seconds for Tempo, microseconds for Jaeger v1); overlapping answers are deduplicated.
 * It must reject with a TraceLensError (kind 'cancelled' when `signal` aborts).
 */
export type SliceSearch = (slice: TimeRange, limit: number, signal: AbortSignal) => Promise<SliceAnswer>;

/**
 * One independent search over the window. Most backends need one; Jaeger's v1 API, which cannot
 * search without a service, needs one per service. Every lane is sliced on its own and all of them
 * share one set of seen traces.
 */
export interface ScanLane {
  /** What the lane searches, for messages: "service frontend", or '' when there is one lane. */
  readonly name: string;
  readonly search: SliceSearch;
  /** The narrowest slice this lane's backend tells apart, in ns (overrides ScanOptions.minSliceNs). */
  readonly minSliceNs?: bigint;
}

export type IncompleteReason = 'budget' | 'backend-error';

/**
 * Whether an analysis saw every trace in its window, and if not, what it saw and why not. Every
 * analysis result carries one, so a count is never shown as a fact when it is a lower bound.
 */
export interface Completeness {
  /** Every trace in the window was folded into the result. */
  readonly complete: boolean;
  /** Distinct traces folded into the result. */
  readonly tracesScanned: number;
  /**
   * Distinct traces known to be in the window. Equals `tracesScanned` when complete; otherwise a
   * lower bound (traces answered but not folded because the budget ran out, or at least one more
   * when a slice was left full).
   */
  readonly tracesAtLeast: number;
  /** The window asked for. */
  readonly window: TimeRange;
  /** Merged ranges whose every trace was folded; the whole window when complete. */
  readonly covered: readonly TimeRange[];
  /** Why the scan stopped short; absent when complete. */
  readonly why?: { readonly reason: IncompleteReason; readonly message: string };
  /** Backend requests made and response bytes read. */
  readonly requests: number;
  readonly bytes: number;
  /** What slice answers said (deduplicated), e.g. that some traces were partial. */
  readonly notices?: ReadonlyArray<{ readonly severity: 'info' | 'warning' | 'error'; readonly text: string }>;
}

export interface ScanOptions {
  readonly window: TimeRange;
  readonly lanes: readonly ScanLane[];
  /** Traces asked for per request; bounds the memory one answer takes (default 500). */
  readonly sliceLimit?: number;
  /** Most distinct traces to fold: the budget (default 20,000). */
  readonly maxTraces?: number;
  /** Requests in flight at once across lanes (default 4). */
  readonly maxConcurrency?: number;
  /** The narrowest slice the backend can tell apart (its time unit), in nanoseconds (default 1 µs). */
  readonly minSliceNs?: bigint;
  /** Slices that may fail before the scan stops asking (default 3). */
  readonly maxFailures?: number;
  readonly signal?: AbortSignal;
  /** Called with each batch of traces not seen before, in the order answers arrive. */
  readonly fold: (traces: readonly Trace[]) => void;
  /** Called after each answer is folded: what the result covers so far (for progressive display). */
  readonly onProgress?: (progress: Completeness) => void;
}

export const DEFAULT_SLICE_LIMIT = 500;
export const DEFAULT_MAX_TRACES = 20_000;
export const DEFAULT_SCAN_CONCURRENCY = 4;
export const DEFAULT_MIN_SLICE_NS = 1_000n;
export const DEFAULT_MAX_FAILURES = 3;
