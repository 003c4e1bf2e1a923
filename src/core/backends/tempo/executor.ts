import { TraceLensError, errorMessage } from '../../errors';
import type { Trace } from '../../model/types';
import { DEFAULT_LIMIT, checkWindow, formatStep, parseQuery, stats } from '../../query/common';
import { mapBounded } from '../../query/mapBounded';
import { ScanBackend, type ScanLimits } from '../../query/scanBackend';
import type { ScanFetch } from '../../query/scanExecutor';
import type {
  InstantMetricsOutcome,
  MetricsOptions,
  MetricsOutcome,
  Notice,
  QueryStats,
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
import { partialNotice, tempoBoundedNotice, tempoFallbackNotice, tempoRefusedNotice } from './notices';
import { planTempoQuery, type TempoEnginePlan, type TempoPlan } from './plan';
import { SpssLimit, nativeMetricsOutcome, refusedAsUnknown } from './native';

type Attempt<T> = { readonly done: T } | { readonly engine: TempoEnginePlan; readonly notices: Notice[] };

/** Tempo's search takes whole seconds. */
const SECOND_NS = 1_000_000_000n;

type TempoScan = WindowScan & { readonly plan: TempoPlan };

export const TEMPO_FEATURES: BackendFeatures = {
  dependencies: false,
  samplingStrategies: false,
  serviceGraphMetrics: true,
  traceqlMetrics: true,
};

/**
 * TraceQL over Tempo: natively where the server's version runs every construct of the query;
 * otherwise the shared scan executor, as for Jaeger and Zipkin, over one Tempo-specific slice
 * search (a narrowing search on Tempo, then each hit fetched by id), with the engine finishing.
 * What stays here is only Tempo's: the native attempt, probing and refusals, and the spss limit.
 */
export class TempoBackend extends ScanBackend<TempoScan> implements Backend {
  readonly kind = 'tempo';
  readonly label = 'Tempo';
  readonly features = TEMPO_FEATURES;
  private readonly client: TempoClient;
  private version?: Promise<string>;
  /** Constructs this server refused when probed; later plans send them to the engine directly. */
  private readonly refused = new Set<TempoFeature>();
  private readonly spss = new SpssLimit();

  constructor(
    private readonly transport: Transport,
    private readonly opts: ScanLimits
  ) {
    super(opts);
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
    const client = new TempoClient(meter.wrap(this.transport));
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const attempt = await this.attempt(root, opts, async (rewritten) => {
      const { response, notices } = await this.spss.search(client, rewritten ?? queryText, opts, limit);
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
    return 'done' in attempt ? attempt.done : finishedByEngine(attempt, meter, await super.search(queryText, opts));
  }

  async metrics(queryText: string, opts: MetricsOptions): Promise<MetricsOutcome> {
    const root = parseQuery(queryText);
    checkWindow(opts);
    const meter = new RequestMeter();
    const client = new TempoClient(meter.wrap(this.transport));
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
    return 'done' in attempt ? attempt.done : finishedByEngine(attempt, meter, await super.metrics(queryText, opts));
  }

  async metricsInstant(queryText: string, opts: Window): Promise<InstantMetricsOutcome> {
    const root = parseQuery(queryText);
    checkWindow(opts);
    const meter = new RequestMeter();
    const client = new TempoClient(meter.wrap(this.transport));
    const attempt = await this.attempt(root, opts, async (rewritten) => {
      const response = await client.queryInstant(
        { q: rewritten ?? queryText, start: opts.start, end: opts.end },
        opts.signal
      );
      return nativeMetricsOutcome(response, meter);
    });
    return 'done' in attempt
      ? attempt.done
      : finishedByEngine(attempt, meter, await super.metricsInstant(queryText, opts));
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

  scan(queryText: string, window: Window): Promise<WindowScan> {
    const root = parseQuery(queryText);
    checkWindow(window);
    return this.planScan(root, window);
  }

  /**
   * The scan the shared executor runs (engine fallback, analyses' trace fetches, window scans):
   * one slice search on Tempo, finding the traces the engine then evaluates the query over.
   */
  async planScan(root: RootNode, window: Window): Promise<TempoScan> {
    const plan = await this.plan(root, window);
    return {
      root,
      plan,
      notices: [],
      searches: [this.sliceSearch(narrowing(root, plan), window)],
      bytes: 0,
      requests: 0,
    };
  }

  boundedNotice(f: ScanFetch<TempoScan>): Notice {
    return tempoBoundedNotice(f.searchDepth);
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
   * One slice search: Tempo's search runs the narrowing TraceQL for the ids, then each trace is
   * fetched whole (within the scan's window, so a trace is not cut at a slice edge).
   */
  private sliceSearch(q: string, window: Window): SliceSearch {
    return {
      label: '',
      resolutionNs: SECOND_NS,
      search: async ({ start, end, limit, signal }): Promise<SliceResult> => {
        const meter = new RequestMeter();
        const client = new TempoClient(meter.wrap(this.transport));
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
}

/**
 * The shared executor's answer, told as Tempo's fallback: why Tempo did not run the query (its
 * refusal, then what its version lacks), and the bytes and requests a refused native attempt cost.
 */
function finishedByEngine<R extends { readonly notices: readonly Notice[]; readonly stats: QueryStats }>(
  attempt: { readonly engine: TempoEnginePlan; readonly notices: readonly Notice[] },
  meter: RequestMeter,
  outcome: R
): R {
  const plan = attempt.engine;
  const labels = plan.unsupported.map((u) =>
    u.defect !== undefined ? `${u.label} correctly (${u.defect})` : `${u.label} (since ${u.since})`
  );
  const fallback = tempoFallbackNotice(plan.version, labels, plan.narrowing, outcome.stats.tracesFetched);
  return {
    ...outcome,
    notices: [...attempt.notices, fallback, ...outcome.notices],
    stats: {
      ...outcome.stats,
      bytesFetched: outcome.stats.bytesFetched + meter.bytes,
      requests: outcome.stats.requests + meter.requests,
    },
  };
}

/**
 * What Tempo's search runs to find the traces for the engine: where Tempo runs the query natively,
 * the query itself as Tempo is sent it (numeric comparisons in both types, so no double-valued
 * match is missed) for a search, or `{}` for a metrics query; else the planner's narrowing filter.
 */
function narrowing(root: RootNode, plan: TempoPlan): string {
  if (plan.mode === 'engine') {
    return plan.narrowing;
  }
  return root.query.type === 'Pipeline' ? printTraceQL(plan.rewritten ?? root) : '{}';
}
