import { evaluateMetrics, evaluateMetricsInstant, metricsFetchWindow } from '../../engine';
import { TraceLensError, errorMessage } from '../../errors';
import type { Trace } from '../../model/types';
import {
  DEFAULT_LIMIT,
  checkWindow,
  engineMetricsOutcome,
  evaluateSearch,
  formatStep,
  matchingTraces,
  parseQuery,
  stats,
} from '../../query/common';
import { mapBounded } from '../../query/mapBounded';
import { limitReachedNotice } from '../../query/notices';
import type {
  FetchOutcome,
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  SearchOptions,
  SearchOutcome,
  Window,
} from '../../query/types';
import { printTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { RequestMeter } from '../http';
import type { Transport } from '../transport';
import type {
  Backend,
  BackendFeatures,
  BackendHealth,
  DependencyLink,
  Explained,
  Operation,
  SamplingStrategy,
  SliceResult,
  SliceSearch,
  WindowScan,
} from '../types';
import { TempoClient } from './client';
import { explainTempoPlan } from './explain';
import { tempoCapabilities, type TempoFeature } from './capabilities';
import {
  partialNotice,
  spssClampedNotice,
  tempoBoundedNotice,
  tempoFallbackNotice,
  tempoRefusedNotice,
} from './notices';
import { planTempoQuery, type TempoEnginePlan, type TempoPlan } from './plan';
import type { SearchResponse } from './types';

/** Tempo's answer (HTTP 400) to a query its parser or validator does not know. */
const UNKNOWN_CONSTRUCT =
  /parse error|syntax error|not (yet )?supported|unsupported|unknown|invalid traceql|compiling query/i;
/** Tempo's answer when spss is above its max_spans_per_span_set. */
const SPSS_LIMIT = /spans per span ?set exceeds (\d+)/i;

function refusedAsUnknown(e: unknown): boolean {
  return (
    e instanceof TraceLensError && e.status === 400 && UNKNOWN_CONSTRUCT.test(e.message) && !SPSS_LIMIT.test(e.message)
  );
}

function spssLimit(e: unknown): number | null {
  const m = e instanceof TraceLensError && e.status === 400 ? SPSS_LIMIT.exec(e.message) : null;
  return m ? Number(m[1]) : null;
}

type Attempt<T> = { readonly done: T } | { readonly engine: TempoEnginePlan; readonly notices: Notice[] };

/** Tempo's search takes whole seconds. */
const SECOND_NS = 1_000_000_000n;

interface Fetched {
  readonly traces: Trace[];
  readonly notices: Notice[];
  readonly bounded: boolean;
}

export const TEMPO_FEATURES: BackendFeatures = {
  dependencies: false,
  samplingStrategies: false,
  serviceGraphMetrics: true,
  traceqlMetrics: true,
};

/**
 * TraceQL over Tempo: natively where the server's version runs every construct of the query;
 * otherwise a narrowing search on Tempo, the traces fetched by id, and the engine finishing.
 */
export class TempoBackend implements Backend {
  readonly kind = 'tempo';
  readonly label = 'Tempo';
  readonly features = TEMPO_FEATURES;
  private readonly client: TempoClient;
  private version?: Promise<string>;
  /** Constructs this server refused when probed; later plans send them to the engine directly. */
  private readonly refused = new Set<TempoFeature>();
  /** The server's max_spans_per_span_set, once it has told us. */
  private maxSpss?: number;

  constructor(
    private readonly transport: Transport,
    private readonly opts: { searchDepth: number; maxConcurrency: number }
  ) {
    this.client = new TempoClient(transport);
  }

  async detect(signal?: AbortSignal): Promise<BackendHealth> {
    const d = await this.client.detect(signal);
    this.version = Promise.resolve(d.version);
    return { kind: this.kind, api: 'v2', version: d.version, message: d.message };
  }

  async search(queryText: string, opts: SearchOptions): Promise<SearchOutcome> {
    const root = parseQuery(queryText);
    if (root.query.type !== 'Pipeline') {
      throw new TraceLensError('validate', 'this is a metrics query: run it as a metrics query, not a search');
    }
    checkWindow(opts);
    const meter = new RequestMeter();
    const transport = meter.wrap(this.transport);
    const client = new TempoClient(transport);
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const attempt = await this.attempt(root, opts, async (rewritten) => {
      const { response, notices } = await this.nativeSearch(client, rewritten ?? queryText, opts, limit);
      if (response.traces.length >= limit) {
        notices.push({
          severity: 'info',
          text: `Tempo returned the limit of ${limit} traces; raise the limit to see more.`,
        });
      }
      return {
        response,
        notices,
        stats: stats({ tracesMatched: response.traces.length, bytesFetched: meter.bytes, requests: meter.requests }),
      };
    });
    if ('done' in attempt) {
      return attempt.done;
    }
    const f = await this.fetchForEngine(transport, attempt.engine, opts);
    const { response, matched } = await evaluateSearch(root, f.traces, { ...opts, bytes: meter.bytes });
    const notices = [...attempt.notices, ...f.notices];
    if (matched > limit) {
      notices.push(limitReachedNotice(limit, matched));
    }
    return {
      response,
      notices,
      stats: stats({
        tracesFetched: f.traces.length,
        tracesMatched: matched,
        bytesFetched: meter.bytes,
        requests: meter.requests,
        bounded: f.bounded,
      }),
    };
  }

  async metrics(queryText: string, opts: MetricsOptions): Promise<MetricsOutcome> {
    const root = parseQuery(queryText);
    checkWindow(opts);
    const meter = new RequestMeter();
    const transport = meter.wrap(this.transport);
    const client = new TempoClient(transport);
    const attempt = await this.attempt(root, opts, async (rewritten) => {
      const response = await client.queryRange(
        {
          q: rewritten ?? queryText,
          start: opts.start,
          end: opts.end,
          step: formatStep(opts.step),
          exemplars: opts.exemplars,
        },
        opts.signal
      );
      return nativeMetricsOutcome(response, meter);
    });
    if ('done' in attempt) {
      return attempt.done;
    }
    const f = await this.fetchForEngine(transport, attempt.engine, { ...opts, ...metricsFetchWindow(opts) });
    const r = evaluateMetrics(root, f.traces, {
      start: opts.start,
      end: opts.end,
      step: opts.step,
      exemplars: opts.exemplars,
    });
    return this.engineOutcome(r, f, attempt.notices, meter);
  }

  async metricsInstant(queryText: string, opts: Window): Promise<InstantMetricsOutcome> {
    const root = parseQuery(queryText);
    checkWindow(opts);
    const meter = new RequestMeter();
    const transport = meter.wrap(this.transport);
    const client = new TempoClient(transport);
    const attempt = await this.attempt(root, opts, async (rewritten) => {
      const response = await client.queryInstant(
        { q: rewritten ?? queryText, start: opts.start, end: opts.end },
        opts.signal
      );
      return nativeMetricsOutcome(response, meter);
    });
    if ('done' in attempt) {
      return attempt.done;
    }
    const f = await this.fetchForEngine(transport, attempt.engine, { ...opts, ...metricsFetchWindow(opts) });
    const r = evaluateMetricsInstant(root, f.traces, { start: opts.start, end: opts.end });
    return this.engineOutcome(r, f, attempt.notices, meter);
  }

  /** A metrics answer the engine computed over fetched traces, with every notice and the request stats. */
  private engineOutcome<R>(
    r: Parameters<typeof engineMetricsOutcome<R>>[0],
    f: Fetched,
    notices: readonly Notice[],
    meter: RequestMeter
  ) {
    return engineMetricsOutcome(
      r,
      this.label,
      { ...f, notices: [...notices, ...f.notices] },
      stats({ tracesFetched: f.traces.length, bytesFetched: meter.bytes, requests: meter.requests, bounded: f.bounded })
    );
  }

  /**
   * Whole traces for analyses: Tempo's search narrows (natively when it can run the query's filter),
   * each hit is fetched in full, and the engine keeps the traces the query matches.
   */
  async fetchTraces(queryText: string, window: Window): Promise<FetchOutcome> {
    const root = parseQuery(queryText);
    checkWindow(window);
    const meter = new RequestMeter();
    const transport = meter.wrap(this.transport);
    const plan = await this.plan(root, window);
    const f = await this.fetchIds(transport, narrowingFor(queryText, root, plan), window);
    const traces = root.query.type === 'Pipeline' ? await matchingTraces(root, f.traces, window.signal) : f.traces;
    return {
      traces,
      notices: f.notices,
      stats: stats({
        tracesFetched: f.traces.length,
        tracesMatched: traces.length,
        bytesFetched: meter.bytes,
        requests: meter.requests,
        bounded: f.bounded,
      }),
    };
  }

  getTrace(id: string, signal?: AbortSignal): Promise<Trace> {
    return this.client.getTrace(id, undefined, signal);
  }

  async services(signal?: AbortSignal): Promise<string[]> {
    return (await this.client.tagValues('resource.service.name', undefined, signal)).map((v) => v.value);
  }

  async operations(service: string, signal?: AbortSignal): Promise<Operation[]> {
    const q = `{ resource.service.name = ${JSON.stringify(service)} }`;
    return (await this.client.tagValues('name', q, signal)).map((v) => ({ name: v.value, spanKind: '' }));
  }

  tags(signal?: AbortSignal) {
    return this.client.tags({}, signal);
  }

  tagValues(tag: string, query?: string, signal?: AbortSignal) {
    return this.client.tagValues(tag, query, signal);
  }

  dependencies(): Promise<DependencyLink[]> {
    return Promise.reject(
      new TraceLensError(
        'unsupported',
        "Tempo has no dependencies API: build the service graph from Tempo's service-graph metrics in Prometheus, or from spans in the window"
      )
    );
  }

  samplingStrategy(): Promise<SamplingStrategy> {
    return Promise.reject(
      new TraceLensError(
        'unsupported',
        "sampling strategies come from Jaeger's remote-sampling endpoint; Tempo has none"
      )
    );
  }

  async explain(queryText: string, window: Window): Promise<Explained> {
    const root = parseQuery(queryText);
    const plan = await this.plan(root, window);
    return { plan, ...explainTempoPlan(plan) };
  }

  private async plan(root: RootNode, window: Window): Promise<TempoPlan> {
    if (!this.version) {
      const p = this.client.detect(window.signal).then((d) => d.version);
      this.version = p;
      p.catch(() => {
        if (this.version === p) {
          this.version = undefined;
        }
      });
    }
    const version = await this.version;
    return planTempoQuery(
      root,
      { ...tempoCapabilities(version, this.opts.searchDepth), refused: this.refused },
      window
    );
  }

  /**
   * Runs the query natively when the plan says so. When the plan probed constructs newer than the
   * server's known version and Tempo refuses the query as unknown, those constructs are marked
   * refused and the query is re-planned for the engine, with a notice saying why.
   */
  private async attempt<T>(
    root: RootNode,
    window: Window,
    native: (rewritten: string | null) => Promise<T>
  ): Promise<Attempt<T>> {
    const plan = await this.plan(root, window);
    if (plan.mode === 'engine') {
      return { engine: plan, notices: [] };
    }
    try {
      return { done: await native(plan.rewritten === null ? null : printTraceQL(plan.rewritten)) };
    } catch (e) {
      if (plan.probing.length === 0 || !refusedAsUnknown(e)) {
        throw e;
      }
      plan.probing.forEach((u) => this.refused.add(u.feature));
      const again = await this.plan(root, window);
      if (again.mode !== 'engine') {
        throw e;
      }
      const labels = plan.probing.map((u) => u.label);
      return { engine: again, notices: [tempoRefusedNotice(plan.version, labels, errorMessage(e))] };
    }
  }

  /**
   * A native search with spss kept within the server's max_spans_per_span_set: Tempo refuses a
   * larger spss (HTTP 400) rather than clamping it, so the limit it names is remembered, the search
   * asked again with it, and a notice says so.
   */
  private async nativeSearch(
    client: TempoClient,
    q: string,
    opts: SearchOptions,
    limit: number
  ): Promise<{ response: SearchResponse; notices: Notice[] }> {
    const asked = opts.spss;
    const within = (n: number | undefined) =>
      n !== undefined && this.maxSpss !== undefined ? Math.min(n, this.maxSpss) : n;
    const run = (spss: number | undefined) =>
      client.search({ q, start: opts.start, end: opts.end, limit, spss }, opts.signal);
    let spss = within(asked);
    let response: SearchResponse;
    try {
      response = await run(spss);
    } catch (e) {
      const max = spssLimit(e);
      if (max === null || max <= 0) {
        throw e;
      }
      this.maxSpss = max;
      spss = within(asked);
      response = await run(spss);
    }
    const notices: Notice[] =
      asked !== undefined && spss !== undefined && spss < asked ? [spssClampedNotice(asked, spss)] : [];
    return { response, notices };
  }

  private async fetchForEngine(transport: Transport, plan: TempoEnginePlan, window: Window): Promise<Fetched> {
    const f = await this.fetchIds(transport, plan.narrowing, window);
    const labels = plan.unsupported.map((u) =>
      u.defect !== undefined ? `${u.label} correctly (${u.defect})` : `${u.label} (since ${u.since})`
    );
    return {
      ...f,
      notices: [tempoFallbackNotice(plan.version, labels, plan.narrowing, f.traces.length), ...f.notices],
    };
  }

  /**
   * One slice search: Tempo's search runs the narrowing TraceQL for the ids, then each trace is
   * fetched whole (within the scan's window, so a trace is not cut at a slice edge).
   */
  private sliceSearch(transport: Transport, q: string, window: Window): SliceSearch {
    return {
      label: '',
      resolutionNs: SECOND_NS,
      search: async ({ start, end, limit, signal }): Promise<SliceResult> => {
        const meter = new RequestMeter();
        const client = new TempoClient(meter.wrap(transport));
        const hits = await client.search({ q, start, end, limit, spss: 1 }, signal);
        const ids = hits.traces.map((t) => t.traceID);
        const traces = await mapBounded(
          ids,
          this.opts.maxConcurrency,
          (id, sig) => client.getTrace(id, { start: window.start, end: window.end }, sig),
          signal
        );
        const partial = traces.filter((t) => t.partial).length;
        const notices = partial
          ? [partialNotice(`answer for ${partial} of ${traces.length} traces`, 'the engine saw only part of them')]
          : [];
        return { traces, full: ids.length >= limit, bytes: meter.bytes, requests: meter.requests, notices };
      },
    };
  }

  async scan(queryText: string, window: Window): Promise<WindowScan> {
    const root = parseQuery(queryText);
    checkWindow(window);
    const plan = await this.plan(root, window);
    return {
      root,
      plan,
      notices: [],
      searches: [this.sliceSearch(this.transport, narrowingFor(queryText, root, plan), window)],
      bytes: 0,
      requests: 0,
    };
  }

  private async fetchIds(transport: Transport, q: string, window: Window): Promise<Fetched> {
    const depth = this.opts.searchDepth;
    const slice = await this.sliceSearch(transport, q, window).search({
      start: window.start,
      end: window.end,
      limit: depth,
      signal: window.signal,
    });
    const notices: Notice[] = [...slice.notices];
    if (slice.full) {
      notices.push(tempoBoundedNotice(depth));
    }
    return { traces: [...slice.traces], notices, bounded: slice.full };
  }
}

/**
 * What Tempo's search runs to find the traces for the engine: the query itself where Tempo runs
 * it natively (a search, not a metrics query), else the planner's narrowing filter.
 */
function narrowingFor(queryText: string, root: RootNode, plan: TempoPlan): string {
  if (plan.mode === 'native') {
    return root.query.type === 'Pipeline' ? queryText : '{}';
  }
  return plan.narrowing;
}

/** Tempo's own metrics answer, with a notice when Tempo says it is partial. */
function nativeMetricsOutcome<R extends { readonly status?: string; readonly message?: string }>(
  response: R,
  meter: RequestMeter
): { response: R; notices: Notice[]; stats: ReturnType<typeof stats> } {
  const notices = response.status === 'PARTIAL' ? [partialNotice('metrics result', response.message)] : [];
  return { response, notices, stats: stats({ bytesFetched: meter.bytes, requests: meter.requests }) };
}
