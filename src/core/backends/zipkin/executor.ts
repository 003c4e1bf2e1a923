import { TraceLensError } from '../../errors';
import type { Trace } from '../../model/types';
import { checkWindow, parseQuery } from '../../query/common';
import { ScanBackend, type ScanLimits } from '../../query/scanBackend';
import { fetchByScan, type ScanFetch } from '../../query/scanExecutor';
import { sampleTagValues, sampleTags } from '../../query/tagSampling';
import type { Notice, Window } from '../../query/types';
import { printTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { RequestMeter } from '../http';
import type {
  Backend,
  BackendHealth,
  DependencyLink,
  Explained,
  Operation,
  SamplingStrategy,
  SliceSearch,
  TagScope,
  TagValue,
  WindowScan,
} from '../types';
import type { Transport } from '../transport';
import { ZipkinClient } from './client';
import { explainZipkinPlan } from './explain';
import { zipkinBoundedNotice, zipkinQueryNotices } from './notices';
import { planZipkinQuery, type ZipkinPlan } from './plan';

/** Recent traces sampled for tag names and values the server does not index. */
const SAMPLE_DEPTH = 20;

type ZipkinScan = WindowScan & { readonly plan: ZipkinPlan };

/** One slice of a window: Zipkin's answer for one search over [start, end]. */
export interface ZipkinSlice {
  readonly traces: Trace[];
  /** The answer had `limit` traces: Zipkin stopped there, so more may match in the slice. */
  readonly full: boolean;
}

/**
 * TraceQL over Zipkin: the planner's pushdown becomes one Zipkin search (two for `status = error`),
 * which returns whole traces; the engine evaluates the whole query over them.
 */
export class ZipkinBackend extends ScanBackend<ZipkinScan> implements Backend {
  readonly kind = 'zipkin';
  readonly label = 'Zipkin';
  readonly features = {
    dependencies: true,
    samplingStrategies: false,
    serviceGraphMetrics: false,
    traceqlMetrics: false,
  };
  private readonly client: ZipkinClient;

  constructor(
    private readonly transport: Transport,
    private readonly opts: ScanLimits
  ) {
    super(opts);
    this.client = new ZipkinClient(transport);
  }

  async detect(signal?: AbortSignal): Promise<BackendHealth> {
    const d = await this.client.detect(signal);
    return { kind: 'zipkin', api: 'v2', version: '', message: d.message };
  }

  getTrace(id: string, signal?: AbortSignal): Promise<Trace> {
    return this.client.getTrace(id, signal);
  }

  services(signal?: AbortSignal): Promise<string[]> {
    return this.client.services(signal);
  }

  async operations(service: string, signal?: AbortSignal): Promise<Operation[]> {
    return (await this.client.spanNames(service, signal)).map((name) => ({ name, spanKind: '' }));
  }

  /** Tag names from a sample of recent traces, plus the keys the server indexes for autocompletion. */
  async tags(signal?: AbortSignal): Promise<TagScope[]> {
    const [sampled, indexed] = await Promise.all([this.sampleRecent(signal), this.client.autocompleteKeys(signal)]);
    const scopes = sampleTags(sampled);
    const span = scopes.find((s) => s.name === 'span');
    if (span) {
      return scopes.map((s) => (s === span ? { ...s, tags: [...new Set([...s.tags, ...indexed])].sort() } : s));
    }
    return [...scopes, { name: 'span', tags: [...indexed].sort() }];
  }

  async tagValues(tag: string, query?: string, signal?: AbortSignal): Promise<TagValue[]> {
    const t = tag.trim();
    if (t === 'resource.service.name' || t === 'trace:rootService' || t === 'rootServiceName') {
      return (await this.services(signal)).map((value) => ({ type: 'string', value }));
    }
    const key = /^(?:span)?\.(.+)$/.exec(t)?.[1];
    if (key !== undefined && !(query && query.trim())) {
      const indexed = await this.client.autocompleteKeys(signal);
      if (indexed.includes(key)) {
        return (await this.client.autocompleteValues(key, signal)).map((value) => ({ type: 'string', value }));
      }
    }
    const now = BigInt(Date.now()) * 1_000_000n;
    const window = { start: now - 3_600_000_000_000n, end: now, signal };
    const traces =
      query && query.trim() ? (await this.fetchTraces(query, window)).traces : await this.sampleRecent(signal);
    return sampleTagValues(traces, t);
  }

  async dependencies(window: Window): Promise<DependencyLink[]> {
    checkWindow(window);
    const links = await this.client.dependencies(window.start, window.end, window.signal);
    return links.map(({ parent, child, callCount }) => ({ parent, child, callCount }));
  }

  samplingStrategy(): Promise<SamplingStrategy> {
    return Promise.reject(
      new TraceLensError('unsupported', 'Zipkin does not hand sampling strategies to SDKs (only Jaeger does)')
    );
  }

  async explain(queryText: string, window: Window): Promise<Explained> {
    const root = parseQuery(queryText);
    checkWindow(window);
    const plan = planZipkinQuery(root, window, this.opts.searchDepth);
    return { plan, ...explainZipkinPlan(plan) };
  }

  /**
   * One search of a plan over one time slice: Zipkin returns whole traces whose root started in
   * [start, end] (widened to whole milliseconds), newest first, at most `limit`. Zipkin stops at the
   * limit after testing each trace, so an answer with fewer traces than the limit is complete.
   */
  async searchSlice(
    plan: ZipkinPlan,
    alternative: number,
    slice: { start: bigint; end: bigint; limit: number; signal?: AbortSignal },
    client: ZipkinClient = this.client
  ): Promise<ZipkinSlice> {
    const p = plan.pushdown;
    const traces = await client.findTraces(
      {
        serviceName: p.serviceName,
        spanName: p.spanName,
        annotationQuery: [...p.annotationQuery, ...(p.alternatives[alternative] ?? [])],
        minDurationUs: p.minDurationUs,
        maxDurationUs: p.maxDurationUs,
        start: slice.start,
        end: slice.end,
        limit: slice.limit,
      },
      slice.signal
    );
    return { traces, full: traces.length >= slice.limit };
  }

  scan(queryText: string, window: Window): Promise<WindowScan> {
    const root = parseQuery(queryText);
    checkWindow(window);
    return this.planScan(root, window, this.opts.searchDepth);
  }

  /**
   * The pushdown, planned once, as one slice search per alternative (two for `status = error`).
   * No server call is needed to plan: Zipkin searches every service when none is given.
   */
  planScan(root: RootNode, window: Window, searchDepth: number): Promise<ZipkinScan> {
    return Promise.resolve(this.planScanNow(root, window, searchDepth));
  }

  private planScanNow(root: RootNode, window: Window, searchDepth: number): ZipkinScan {
    const plan = planZipkinQuery(root, window, searchDepth);
    const alts = plan.pushdown.alternatives;
    return {
      root,
      plan,
      notices: zipkinQueryNotices(printTraceQL(root)),
      searches: alts.map((alt, i) =>
        this.sliceSearch(plan, i, alts.length > 1 ? `annotationQuery ${alt.join(' and ')}` : '')
      ),
      bytes: 0,
      requests: 0,
    };
  }

  private sliceSearch(plan: ZipkinPlan, alternative: number, label: string): SliceSearch {
    return {
      label,
      // endTs and lookback are whole milliseconds.
      resolutionNs: 1_000_000n,
      search: async ({ start, end, limit, signal }) => {
        const meter = new RequestMeter();
        const client = this.client.withTransport(meter.wrap(this.transport));
        const slice = await this.searchSlice(plan, alternative, { start, end, limit, signal }, client);
        return { traces: slice.traces, full: slice.full, bytes: meter.bytes, requests: meter.requests, notices: [] };
      },
    };
  }

  boundedNotice(f: ScanFetch<ZipkinScan>, matched: number): Notice {
    return zipkinBoundedNotice(f.searchDepth, f.searches, f.capped, f.traces.length, matched);
  }

  /** A few recent traces: enough to learn attribute names without a heavy scan. */
  private async sampleRecent(signal?: AbortSignal): Promise<Trace[]> {
    const now = BigInt(Date.now()) * 1_000_000n;
    const window = { start: now - 3_600_000_000_000n, end: now, signal };
    const f = await fetchByScan(this, parseQuery('{}'), window, Math.min(SAMPLE_DEPTH, this.opts.searchDepth));
    return f.traces;
  }
}
