/**
 * Search over decoded traces with Tempo's `/api/search` semantics: a trace is returned when its
 * pipeline yields a non-empty spanset; at most `limit` traces (default 20), each spanset showing at
 * most `spss` spans (default 3) with `matched` counting them all. Traces come out newest first, as
 * Tempo's combiner sorts them (by trace start; equal starts keep input order), and the limit keeps
 * the newest. Result spans carry a name only when the query reads it, as in Tempo.
 */
import { TraceLensError } from '../../errors';
import { spanTableOf, toUnixNanos, type SpanTable } from '../../model/table';
import type { Trace } from '../../model/types';
import type { RootNode } from '../../traceql/ast';
import { type CompiledSearch, compileSearch } from '../compileQuery';
import type { IndexedSpanset } from '../spanset';
import { type TraceIndex, indexTrace } from '../traceIndex';
import { type KeyValue, toAnyValue } from './anyValue';
import type { SearchResponse, SearchSpanSet, ServiceStats, TraceSearchMetadata } from './searchResponse';

export const DEFAULT_SEARCH_LIMIT = 20;
export const DEFAULT_SPANS_PER_SPANSET = 3;
/** Tempo's text where the root span is not (yet) part of the trace. */
export const ROOT_SPAN_NOT_RECEIVED = '<root span not yet received>';

export interface SearchOptions {
  readonly limit?: number;
  readonly spss?: number;
}

export type SearchResult =
  | {
      readonly ok: true;
      readonly response: SearchResponse;
      /** Traces the query matched, before `limit` cut the answer to the newest of them. */
      readonly matched: number;
    }
  | { readonly ok: false; readonly error: TraceLensError };

function positiveOr(n: number | undefined, fallback: number): number {
  return n !== undefined && Number.isFinite(n) && n > 0 ? Math.floor(n) : fallback;
}

/**
 * One search in progress: traces go in one at a time, the answer comes out at the end. The sync
 * and the cancellable entry points share it, so they cannot answer differently.
 */
class SearchRun {
  private readonly found: Array<{ ix: TraceIndex; spansets: IndexedSpanset[] }> = [];
  private inspectedTraces = 0;
  inspectedSpans = 0;

  constructor(
    private readonly q: CompiledSearch,
    private readonly opts: SearchOptions
  ) {}

  add(trace: Trace): TraceLensError | undefined {
    this.inspectedTraces++;
    this.inspectedSpans += spanTableOf(trace).length;
    const ix = indexTrace(trace);
    const r = this.q.evaluateIndexed(ix);
    if (!r.ok) {
      return r.error;
    }
    const spansets = r.spansets.filter((ss) => ss.spans.length > 0);
    if (spansets.length > 0) {
      this.found.push({ ix, spansets });
    }
    return undefined;
  }

  finish(): SearchResult {
    const limit = positiveOr(this.opts.limit, DEFAULT_SEARCH_LIMIT);
    const spss = positiveOr(this.opts.spss, DEFAULT_SPANS_PER_SPANSET);
    // Stable sort keeps input order among traces that start at the same instant. Only the traces
    // within the limit are written out: the rest are counted, not described.
    this.found.sort((a, b) =>
      a.ix.startUnixNano === b.ix.startUnixNano ? 0 : a.ix.startUnixNano > b.ix.startUnixNano ? -1 : 1
    );
    const traceResults = this.found
      .slice(0, limit)
      .map(({ ix, spansets }) => traceMetadata(this.q, ix, spansets, spss));
    return {
      ok: true,
      matched: this.found.length,
      response: {
        traces: traceResults,
        metrics: {
          inspectedTraces: this.inspectedTraces,
          inspectedSpans: String(this.inspectedSpans),
          inspectedBytes: '0',
          totalBlocks: 0,
          completedJobs: 1,
          totalJobs: 1,
        },
      },
    };
  }
}

export function searchTraces(root: RootNode, traces: Iterable<Trace>, opts: SearchOptions = {}): SearchResult {
  const compiled = compileSearch(root);
  if (!compiled.ok) {
    return compiled;
  }
  const run = new SearchRun(compiled.query, opts);
  for (const trace of traces) {
    const error = run.add(trace);
    if (error !== undefined) {
      return { ok: false, error };
    }
  }
  return run.finish();
}

export interface CancellableSearchOptions extends SearchOptions {
  readonly signal?: AbortSignal;
  /** Spans evaluated between yields to the event loop (default 20,000: a few ms of work). */
  readonly yieldEverySpans?: number;
}

/**
 * searchTraces for callers that can be cancelled (a Grafana query, a CLI run). Evaluation is
 * synchronous work, and an abort is an event: it can only be seen if the work stops now and then.
 * So this yields to the event loop every `yieldEverySpans` spans and checks the signal there; a
 * long evaluation (a regex over a large fetch) then ends at the next slice with 'cancelled'.
 */
export async function searchTracesCancellable(
  root: RootNode,
  traces: Iterable<Trace>,
  opts: CancellableSearchOptions = {}
): Promise<SearchResult> {
  const compiled = compileSearch(root);
  if (!compiled.ok) {
    return compiled;
  }
  const every = positiveOr(opts.yieldEverySpans, 20_000);
  const run = new SearchRun(compiled.query, opts);
  let nextYield = every;
  for (const trace of traces) {
    if (opts.signal?.aborted) {
      return { ok: false, error: new TraceLensError('cancelled', 'the query was cancelled while evaluating') };
    }
    const error = run.add(trace);
    if (error !== undefined) {
      return { ok: false, error };
    }
    if (run.inspectedSpans >= nextYield) {
      nextYield = run.inspectedSpans + every;
      await yieldToEventLoop();
    }
  }
  if (opts.signal?.aborted) {
    return { ok: false, error: new TraceLensError('cancelled', 'the query was cancelled while evaluating') };
  }
  return run.finish();
}

/** A macrotask turn, so timers, I/O and abort events queued meanwhile run (browsers and Node). */
function yieldToEventLoop(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

function traceMetadata(
  q: CompiledSearch,
  ix: TraceIndex,
  spansets: IndexedSpanset[],
  spss: number
): TraceSearchMetadata {
  const t = ix.table;
  const sets = spansets.map((ss) => spanSetJson(q, ix, ss, spss));
  return {
    traceID: ix.trace.traceId,
    rootServiceName: ix.root >= 0 ? t.resource[ix.root].serviceName : ROOT_SPAN_NOT_RECEIVED,
    rootTraceName: ix.root >= 0 ? t.name[ix.root] : ROOT_SPAN_NOT_RECEIVED,
    startTimeUnixNano: ix.startUnixNano.toString(),
    durationMs: Math.floor(ix.durationNanos / 1e6),
    durationNanos: ix.durationNanos,
    spanSet: sets[0],
    spanSets: sets,
    serviceStats: serviceStats(t),
  };
}

function spanSetJson(q: CompiledSearch, ix: TraceIndex, ss: IndexedSpanset, spss: number): SearchSpanSet {
  const t = ix.table;
  const spans = ss.spans.slice(0, spss).map((i) => ({
    spanID: t.spanId[i],
    ...(q.readsName ? { name: t.name[i] } : {}),
    startTimeUnixNano: toUnixNanos(t.startSeconds[i], t.startNanos[i]).toString(),
    durationNanos: String(Math.round(t.durationNanos[i])),
    attributes: q.reportedAttributes(ix, i).map((a): KeyValue => ({ key: a.key, value: toAnyValue(a.value) })),
  }));
  return {
    spans,
    matched: ss.spans.length,
    attributes: ss.attributes.map((a): KeyValue => ({ key: a.name, value: toAnyValue(a.value) })),
  };
}

function serviceStats(t: SpanTable): Record<string, ServiceStats> {
  const stats: Record<string, { spanCount: number; errorCount: number }> = {};
  for (let i = 0; i < t.length; i++) {
    const name = t.resource[i].serviceName;
    const st = (stats[name] ??= { spanCount: 0, errorCount: 0 });
    st.spanCount++;
    if (t.status[i] === 2) {
      st.errorCount++;
    }
  }
  return stats;
}
