import {
  DataSourceApi,
  type AdHocVariableFilter,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceInstanceSettings,
  type MetricFindValue,
  type ScopedVars,
  type TestDataSourceResponse,
} from '@grafana/data';
import { getBackendSrv, getDataSourceSrv, getTemplateSrv, type TemplateSrv } from '@grafana/runtime';
import { catchError, from, map, merge, of, type Observable } from 'rxjs';

import { BACKENDS, DEFAULT_BACKEND } from '../core/backends';
import { isTraceLensError, TraceLensError } from '../core/errors';
import { createCoreClient } from './client/coreClient';
import type { ClientFactory, TimeWindow, TraceLensClient } from './client/types';
import type { LogsLinkSetup } from './frames';
import { isUrlMissing } from './health/configuredUrl';
import { healthFailure, healthSuccess, noUrlMessage } from './health/healthMessage';
import { interpolateTemplateVariables, isMetricsText } from './language/traceql';
import { SAMPLING_ROUTE } from './proxy/routes';
import { errorResponse } from './query/errors';
import {
  runLatency,
  runMetrics,
  runSampling,
  runSearch,
  runServiceGraph,
  runTraceId,
  type RunContext,
} from './query/runners';
import { applyAdHocFilters } from './templating/adHocFilters';
import { requestTimeoutMs } from './requestTimeout';
import { templateVariablesFor } from './templating/templateVariables';
import { createGrafanaTransport, type FetchFn } from './transport/grafanaTransport';
import {
  DEFAULT_QUERY,
  type BackendKind,
  type TraceLensOptions,
  type TraceLensQuery,
  type TraceLensQueryType,
} from './types';
import { parseVariableQuery } from './variables/variableQuery';

/** The proxy route (plugin.json) that forwards to jsonData.samplingUrl. */
export { SAMPLING_ROUTE };

/** Seams for tests; Grafana constructs the data source with instance settings only. */
export interface DataSourceDeps {
  createClient?: ClientFactory;
  fetch?: FetchFn;
  /** Resolves the trace-to-logs data source uid to its type and name. */
  getLogsDatasource?: (uid: string) => { uid: string; type: string; name: string } | undefined;
  /** Loads another data source (the Prometheus one with Tempo's service-graph metrics). */
  getDataSource?: (uid: string) => Promise<DataSourceApi>;
}

function assertNever(x: never): never {
  throw new Error(`unknown query type ${String(x)}`);
}

export class TraceLensDataSource extends DataSourceApi<TraceLensQuery, TraceLensOptions> {
  readonly backend: BackendKind;
  /** The backend counts service calls itself (Jaeger's /api/dependencies): the editor offers it. */
  readonly hasDependencies: boolean;
  readonly client: TraceLensClient;
  private readonly logs?: LogsLinkSetup;
  private readonly serviceMap?: () => Promise<DataSourceApi>;
  private readonly fetchFn: FetchFn;

  constructor(
    instanceSettings: DataSourceInstanceSettings<TraceLensOptions>,
    private readonly templateSrv: TemplateSrv = getTemplateSrv(),
    deps: DataSourceDeps = {}
  ) {
    super(instanceSettings);
    const json = instanceSettings.jsonData ?? {};
    this.backend = json.backend ?? DEFAULT_BACKEND;
    this.hasDependencies = BACKENDS.find((b) => b.kind === this.backend)?.features.dependencies ?? false;
    const timeoutMs = requestTimeoutMs(json);
    const baseUrl = instanceSettings.url ?? '';
    this.fetchFn = deps.fetch ?? ((o) => getBackendSrv().fetch<unknown>(o));
    const transport = createGrafanaTransport({ baseUrl, defaultTimeoutMs: timeoutMs, fetch: this.fetchFn });
    const samplingTransport = json.samplingUrl
      ? createGrafanaTransport({
          baseUrl: `${baseUrl}/${SAMPLING_ROUTE}`,
          defaultTimeoutMs: timeoutMs,
          fetch: this.fetchFn,
        })
      : undefined;
    this.client = (deps.createClient ?? createCoreClient)({
      kind: this.backend,
      transport,
      samplingTransport,
      searchDepth: json.searchDepth,
      maxTraces: json.maxTraces,
      maxConcurrency: json.maxConcurrency,
      timeoutMs,
    });
    this.logs = resolveLogs(json, deps.getLogsDatasource ?? defaultLogsLookup);
    const promUid = json.serviceMapDatasourceUid;
    // Only where the backend's pipeline writes service-graph metrics (Tempo's metrics-generator).
    const serviceGraphMetrics = BACKENDS.find((b) => b.kind === this.backend)?.features.serviceGraphMetrics ?? false;
    if (serviceGraphMetrics && promUid) {
      const load = deps.getDataSource ?? ((uid: string) => getDataSourceSrv().get(uid));
      this.serviceMap = () => load(promUid);
    }
  }

  getDefaultQuery(): Partial<TraceLensQuery> {
    return DEFAULT_QUERY;
  }

  /** What query history and the inspector show for a query. */
  /** What the configured backend warns about in this query text (e.g. Zipkin's lower-cased names). */
  queryNotices(text: string): string[] {
    return BACKENDS.find((b) => b.kind === this.backend)?.queryNotices?.(text) ?? [];
  }

  getQueryDisplayText(query: TraceLensQuery): string {
    return query.queryType === 'traceId' ? `Trace ${query.query ?? ''}` : (query.query ?? '');
  }

  filterQuery(query: TraceLensQuery): boolean {
    return !query.hide;
  }

  query(request: DataQueryRequest<TraceLensQuery>): Observable<DataQueryResponse> {
    const ctx: RunContext = {
      client: this.client,
      self: { uid: this.uid, name: this.name },
      logs: this.logs,
      request,
      serviceMap: this.serviceMap,
    };
    const streams = request.targets
      .filter((t) => !t.hide)
      .map((target) => {
        // Interpolation can fail (a bad ad-hoc filter); that is this target's error, not everyone's.
        let q: TraceLensQuery;
        try {
          q = this.applyTemplateVariables(target, request.scopedVars, request.filters);
        } catch (err) {
          return of(errorResponse(err, target.refId));
        }
        return this.runOne(ctx, q).pipe(
          catchError((err: unknown) =>
            from(this.noUrlError(err)).pipe(map((noUrl) => errorResponse(noUrl ?? err, q.refId)))
          )
        );
      });
    return streams.length > 0 ? merge(...streams) : of({ data: [] });
  }

  private runOne(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
    const type: TraceLensQueryType = q.queryType ?? 'traceql';
    switch (type) {
      case 'traceql':
        return isMetricsText(q.query ?? '') ? runMetrics(ctx, q) : runSearch(ctx, q);
      case 'traceId':
        return runTraceId(ctx, q);
      case 'metrics':
        return runMetrics(ctx, q);
      case 'serviceGraph':
        return runServiceGraph(ctx, q);
      case 'latency':
        return runLatency(ctx, q);
      case 'sampling':
        return runSampling(ctx, q);
      default:
        return assertNever(type);
    }
  }

  applyTemplateVariables(
    query: TraceLensQuery,
    scopedVars: ScopedVars,
    filters?: AdHocVariableFilter[]
  ): TraceLensQuery {
    const text = query.query ?? '';
    const interpolated = interpolateTemplateVariables(text, templateVariablesFor(this.templateSrv, scopedVars));
    const type = query.queryType ?? 'traceql';
    const withFilters =
      filters && filters.length > 0 && type !== 'traceId' ? applyAdHocFilters(interpolated, filters) : interpolated;
    return { ...query, query: withFilters };
  }

  interpolateVariablesInQueries(
    queries: TraceLensQuery[],
    scopedVars: ScopedVars,
    filters?: AdHocVariableFilter[]
  ): TraceLensQuery[] {
    return queries.map((q) => ({ ...this.applyTemplateVariables(q, scopedVars, filters), datasource: this.getRef() }));
  }

  async metricFindQuery(
    query: string | { query?: string },
    options?: { range?: { from: { valueOf(): number }; to: { valueOf(): number } } }
  ): Promise<MetricFindValue[]> {
    const raw = typeof query === 'string' ? query : (query.query ?? '');
    const parsed = parseVariableQuery(this.templateSrv.replace(raw));
    if (!parsed.ok) {
      throw new Error(parsed.message);
    }
    const window = options?.range
      ? { startMs: options.range.from.valueOf(), endMs: options.range.to.valueOf() }
      : undefined;
    const v = parsed.value;
    switch (v.kind) {
      case 'services':
        return toValues(await this.client.services());
      case 'operations':
        return toValues(await this.client.operations(v.service));
      case 'attributes':
        return toValues(await this.attributeNames(window, v.scope));
      case 'values':
        return toValues(await this.client.tagValues(v.attribute, { query: v.filter, window }));
    }
  }

  /** TraceQL identifiers (`resource.service.name`, `span.http.route`, `status`) for editors and filters. */
  async attributeNames(window?: TimeWindow, onlyScope?: string, query?: string): Promise<string[]> {
    const scopes = await this.client.tags({ query, window });
    const out = new Set<string>();
    for (const scope of scopes) {
      if (onlyScope && scope.name !== onlyScope) {
        continue;
      }
      for (const tag of scope.tags) {
        out.add(scope.name === 'intrinsic' ? tag : `${scope.name}.${tag}`);
      }
    }
    return [...out].sort();
  }

  async getTagKeys(): Promise<MetricFindValue[]> {
    return toValues(await this.attributeNames());
  }

  async getTagValues(options: { key: string }): Promise<MetricFindValue[]> {
    return toValues(await this.client.tagValues(options.key, {}));
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    try {
      return healthSuccess(this.backend, await this.client.detect());
    } catch (err) {
      const noUrl = await this.noUrlError(err);
      return noUrl ? { status: 'error', message: noUrl.message } : healthFailure(this.backend, err);
    }
  }

  /**
   * "No URL configured" in place of a failure to reach the backend through the proxy, when the data
   * source really has no URL (the proxy's own answer is a bare HTTP error); undefined otherwise.
   */
  private async noUrlError(err: unknown): Promise<TraceLensError | undefined> {
    const mayBeProxy = isTraceLensError(err) && PROXY_FAILURE_KINDS.has(err.kind);
    if (mayBeProxy && (await isUrlMissing(this.uid, this.fetchFn))) {
      return new TraceLensError('input', noUrlMessage(this.backend), { cause: err });
    }
    return undefined;
  }
}

/** What Grafana's proxy answers for a data source without a URL, depending on its version and routes. */
const PROXY_FAILURE_KINDS: ReadonlySet<string> = new Set(['http', 'unreachable', 'malformed']);

function toValues(items: string[]): MetricFindValue[] {
  return items.map((text) => ({ text, value: text }));
}

function defaultLogsLookup(uid: string) {
  const s = getDataSourceSrv().getInstanceSettings(uid);
  return s ? { uid: s.uid, type: s.type, name: s.name } : undefined;
}

function resolveLogs(
  json: TraceLensOptions,
  lookup: NonNullable<DataSourceDeps['getLogsDatasource']>
): LogsLinkSetup | undefined {
  const options = json.tracesToLogsV2;
  if (!options?.datasourceUid) {
    return undefined;
  }
  const target = lookup(options.datasourceUid);
  return target ? { target, options } : undefined;
}
