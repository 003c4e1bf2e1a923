import { TraceLensError } from '../../errors';
import type { Trace } from '../../model/types';
import { checkWindow, mergeTraces, parseQuery } from '../../query/common';
import { ScanBackend, type ScanLimits } from '../../query/scanBackend';
import { fetchByScan, type ScanFetch } from '../../query/scanExecutor';
import { sampleTagValues, sampleTags } from '../../query/tagSampling';
import type { Notice, Window } from '../../query/types';
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
  SliceSearch,
  WindowScan,
} from '../types';
import { JaegerClient } from './client';
import { explainJaegerPlan } from './explain';
import { fanOutNotice, jaegerBoundedNotice } from './notices';
import { jaegerCapabilities, planJaegerQuery, type JaegerPlan } from './plan';
import { fetchSamplingStrategy } from './sampling';

const SAMPLE_DEPTH = 20;

interface JaegerScan extends WindowScan {
  readonly plan: JaegerPlan;
}

export const JAEGER_FEATURES: BackendFeatures = {
  dependencies: true,
  samplingStrategies: true,
  serviceGraphMetrics: false,
  traceqlMetrics: false,
};

/**
 * TraceQL over Jaeger: the planner's pushdown becomes Jaeger searches (one per service when the query
 * names none), the engine evaluates the whole query over the traces Jaeger returns.
 */
export class JaegerBackend extends ScanBackend<JaegerScan> implements Backend {
  readonly kind = 'jaeger';
  readonly label = 'Jaeger';
  readonly features = JAEGER_FEATURES;
  private readonly client: JaegerClient;

  constructor(
    private readonly transport: Transport,
    private readonly opts: ScanLimits & { samplingTransport?: Transport }
  ) {
    super(opts);
    this.client = new JaegerClient(transport);
  }

  async detect(signal?: AbortSignal): Promise<BackendHealth> {
    const d = await this.client.detect(signal);
    return { kind: this.kind, api: d.api, version: '', message: d.message };
  }

  getTrace(id: string, signal?: AbortSignal): Promise<Trace> {
    return this.client.getTrace(id, signal);
  }

  services(signal?: AbortSignal): Promise<string[]> {
    return this.client.services(signal);
  }

  operations(service: string, signal?: AbortSignal): Promise<Operation[]> {
    return this.client.operations(service, signal);
  }

  /** Jaeger has no tags API: names are collected from a small sample of recent traces. */
  async tags(signal?: AbortSignal) {
    return sampleTags(await this.sampleRecent(signal));
  }

  async tagValues(tag: string, query?: string, signal?: AbortSignal) {
    const t = tag.trim();
    if (t === 'resource.service.name' || t === 'trace:rootService' || t === 'rootServiceName') {
      return (await this.services(signal)).map((value) => ({ type: 'string', value }));
    }
    const now = BigInt(Date.now()) * 1_000_000n;
    const window = { start: now - 3_600_000_000_000n, end: now, signal };
    const traces =
      query && query.trim() ? (await this.fetchTraces(query, window)).traces : await this.sampleRecent(signal);
    return sampleTagValues(traces, t);
  }

  dependencies(window: Window): Promise<DependencyLink[]> {
    checkWindow(window);
    return this.client.dependencies(window.end, window.end - window.start, window.signal);
  }

  samplingStrategy(service: string, signal?: AbortSignal): Promise<SamplingStrategy> {
    if (!this.opts.samplingTransport) {
      return Promise.reject(
        new TraceLensError(
          'unsupported',
          "no sampling URL is configured (Jaeger's remote-sampling endpoint, port 5778)"
        )
      );
    }
    return fetchSamplingStrategy(this.opts.samplingTransport, service, { signal });
  }

  async explain(queryText: string, window: Window): Promise<Explained> {
    const root = parseQuery(queryText);
    const caps = await this.client.capabilities(window.signal);
    const plan = planJaegerQuery(root, jaegerCapabilities(caps.api, this.opts.searchDepth), window);
    return { plan, ...explainJaegerPlan(plan) };
  }

  scan(queryText: string, window: Window): Promise<WindowScan> {
    const root = parseQuery(queryText);
    checkWindow(window);
    return this.planScan(root, window, this.opts.searchDepth, { serviceless: true });
  }

  /**
   * The pushdown, planned once; when the query names no service, one slice search per service, or
   * (for a window scan, where api_v3 allows it) one search over every service: each trace is then
   * read once rather than once per service it touches. Bounded fetches keep one search per service,
   * whose depth applies to each service.
   */
  async planScan(
    root: RootNode,
    window: Window,
    searchDepth: number,
    opts: { serviceless?: boolean } = {}
  ): Promise<JaegerScan> {
    const meter = new RequestMeter();
    const client = this.client.withTransport(meter.wrap(this.transport));
    const caps = await client.capabilities(window.signal);
    const plan = planJaegerQuery(root, jaegerCapabilities(caps.api, searchDepth), window);
    if (plan.fanOut && opts.serviceless && (await client.searchesWithoutService(window.signal))) {
      return {
        root,
        plan,
        notices: [],
        searches: [this.sliceSearch(plan, undefined, 1n)],
        bytes: meter.bytes,
        requests: meter.requests,
      };
    }
    const services = plan.fanOut ? await client.services(window.signal) : [plan.pushdown.service ?? ''];
    // api_v3 takes RFC3339 with nanoseconds; v1 takes Unix microseconds.
    const resolutionNs = caps.api === 'v3' ? 1n : 1000n;
    return {
      root,
      plan,
      notices: plan.fanOut ? [fanOutNotice(services.length)] : [],
      searches: services.map((service) => this.sliceSearch(plan, service, resolutionNs)),
      bytes: meter.bytes,
      requests: meter.requests,
    };
  }

  private sliceSearch(plan: JaegerPlan, service: string | undefined, resolutionNs: bigint): SliceSearch {
    const { attributes, durationMinNs, durationMaxNs, operation } = plan.pushdown;
    return {
      label: plan.fanOut && service !== undefined ? `service ${JSON.stringify(service)}` : '',
      resolutionNs,
      search: async ({ start, end, limit, signal }) => {
        const meter = new RequestMeter();
        const client = this.client.withTransport(meter.wrap(this.transport));
        const found = await client.findTraces(
          { service, operation, attributes, durationMinNs, durationMaxNs, start, end, searchDepth: limit },
          signal
        );
        return {
          traces: mergeTraces([found]),
          full: found.length >= limit,
          bytes: meter.bytes,
          requests: meter.requests,
          notices: [],
        };
      },
    };
  }

  boundedNotice(f: ScanFetch<JaegerScan>, matched: number): Notice {
    return jaegerBoundedNotice({
      searches: f.searches,
      cappedSearches: f.capped,
      searchDepth: f.scan.plan.searchDepth,
      scanned: f.traces.length,
      matched,
      fanOut: f.scan.plan.fanOut,
    });
  }

  /** A few recent traces per service: enough to learn attribute names without a heavy scan. */
  private async sampleRecent(signal?: AbortSignal): Promise<Trace[]> {
    const now = BigInt(Date.now()) * 1_000_000n;
    const window = { start: now - 3_600_000_000_000n, end: now, signal };
    const f = await fetchByScan(this, parseQuery('{}'), window, Math.min(SAMPLE_DEPTH, this.opts.searchDepth));
    return f.traces;
  }
}
