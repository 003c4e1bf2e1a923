import { LoadingState, type DataQueryRequest, type DataQueryResponse, type DataSourceApi } from '@grafana/data';
import { map, of, type Observable } from 'rxjs';

import { latencySamplesFrame } from '../../shared/frames/latencyFrames';
import { completenessMeta, withCompleteness } from '../../shared/frames/completeness';
import { samplingFrame } from '../../shared/frames/samplingFrames';
import type { LatencyResult, ServiceGraphResult, TimeWindow, TraceLensClient } from '../client/types';
import {
  buildMetricsFrames,
  buildNodeGraphFrames,
  buildSearchFrame,
  buildTraceFrame,
  withNotices,
  type LogsLinkSetup,
  type NodeLogsLinks,
  type SelfRef,
} from '../frames';
import { DEFAULT_QUERY, type TraceLensQuery } from '../types';
import { fromAbortable } from './fromAbortable';
import { fromProgressive } from './fromProgressive';
import { promServiceGraph } from './promServiceGraph';
import { stepSeconds } from './step';

/** What every runner needs; built once per `query()` call. */
export interface RunContext {
  client: TraceLensClient;
  self: SelfRef;
  logs?: LogsLinkSetup;
  request: DataQueryRequest<TraceLensQuery>;
  /** Tempo with a Prometheus data source for its service-graph metrics. */
  serviceMap?: () => Promise<DataSourceApi>;
}

/** Tempo caps exemplars at 100 per query; ask for all of them. */
const MAX_EXEMPLARS = 100;

export function windowOf(request: DataQueryRequest<TraceLensQuery>): TimeWindow {
  return { startMs: request.range.from.valueOf(), endMs: request.range.to.valueOf() };
}

function done(refId: string, data: DataQueryResponse['data']): DataQueryResponse {
  return { data, key: refId, state: LoadingState.Done };
}

/** A partial answer streams (same key, so it replaces the previous one); the final one is Done. */
function step(refId: string, data: DataQueryResponse['data'], final: boolean): DataQueryResponse {
  return { data, key: refId, state: final ? LoadingState.Done : LoadingState.Streaming };
}

export function runSearch(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  return fromAbortable((signal) =>
    ctx.client.search(
      {
        query: q.query?.trim() || '{}',
        window: windowOf(ctx.request),
        limit: q.limit ?? DEFAULT_QUERY.limit,
        spss: q.spss ?? DEFAULT_QUERY.spss,
      },
      { signal }
    )
  ).pipe(
    map((r) =>
      done(q.refId, [
        withNotices(buildSearchFrame(r.response, { self: ctx.self, refId: q.refId, logs: ctx.logs }), r.notices),
      ])
    )
  );
}

export function runTraceId(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  const id = (q.query ?? '').trim();
  if (id === '') {
    // Nothing to look up yet (the Trace ID tab just opened): no request and no error, as Grafana's
    // Tempo answers an empty trace ID; the field's placeholder says what to enter.
    return of(done(q.refId, []));
  }
  return fromAbortable(async (signal) => {
    // No time window: a trace that started before the dashboard's range must still open.
    return ctx.client.getTrace(id, undefined, { signal });
  }).pipe(map((trace) => done(q.refId, [buildTraceFrame(trace, q.refId)])));
}

export function runMetrics(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  const instant = q.metricsQueryType === 'instant';
  const window = windowOf(ctx.request);
  const query = q.query?.trim() ?? '';
  return fromAbortable(async (signal) => {
    if (query === '') {
      throw new Error('Enter a TraceQL metrics query, e.g. { } | rate() by (resource.service.name)');
    }
    return ctx.client.metrics(
      {
        query,
        window,
        instant,
        stepSeconds: instant ? undefined : stepSeconds(q.step, ctx.request.intervalMs),
        // Tempo's cap; exemplars are what links a point on the graph to a trace.
        exemplars: instant ? undefined : MAX_EXEMPLARS,
      },
      { signal }
    );
  }).pipe(
    map((r) => {
      const frames = buildMetricsFrames(r, { self: ctx.self, refId: q.refId, instant, query }, window.endMs);
      const [first, ...rest] = frames;
      return done(q.refId, first ? [withNotices(first, r.notices), ...rest] : []);
    })
  );
}

function nodeLogs(ctx: RunContext): NodeLogsLinks | undefined {
  return ctx.logs ? { setup: ctx.logs, window: windowOf(ctx.request) } : undefined;
}

/** The backend's own call counts, when the query asks for them: no scan, so no completeness. */
function runDependencyGraph(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  return fromAbortable(async (signal) => {
    if (!everyTrace(q.query)) {
      // The backend counts every call it stored: a filter would be silently ignored.
      throw new Error(
        'Dependencies cannot be filtered by TraceQL: clear the filter, or count calls from traces instead.'
      );
    }
    return ctx.client.dependencyGraph({ window: windowOf(ctx.request) }, { signal });
  }).pipe(
    map((r) => {
      const [nodes, edges] = buildNodeGraphFrames(r.graph, q.refId, ctx.self);
      return done(q.refId, [withNotices(nodes, r.notices), edges]);
    })
  );
}

function everyTrace(query: string | undefined): boolean {
  const q = (query ?? '').replace(/\s+/g, '');
  return q === '' || q === '{}';
}

export function runServiceGraph(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  if (q.serviceGraphCalls === 'dependencies') {
    return runDependencyGraph(ctx, q);
  }
  // Metrics cannot be filtered by TraceQL, so a filtered graph is built from spans instead.
  if (ctx.serviceMap && !q.query?.trim()) {
    return promServiceGraph(ctx.serviceMap(), ctx.request).pipe(
      map((graph) => {
        const [nodes, edges] = buildNodeGraphFrames(graph, q.refId, ctx.self, nodeLogs(ctx));
        const note = { severity: 'info' as const, text: "From Tempo's service-graph metrics in Prometheus." };
        return done(q.refId, [withNotices(nodes, [note]), edges]);
      })
    );
  }
  return fromProgressive<ServiceGraphResult>((signal, onProgress) =>
    ctx.client.serviceGraph(
      {
        query: q.query?.trim() || undefined,
        window: windowOf(ctx.request),
        detail: q.serviceGraphDetail ?? 'services',
      },
      { signal, onProgress }
    )
  ).pipe(
    map(({ value: r, final }) => {
      const [nodes, edges] = buildNodeGraphFrames(r.graph, q.refId, ctx.self, nodeLogs(ctx));
      const first = withCompleteness(
        withNotices(nodes, final ? r.notices : []),
        completenessMeta(r.completeness, !final)
      );
      return step(q.refId, [first, edges], final);
    })
  );
}

export function runLatency(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  const window = windowOf(ctx.request);
  const query = q.query?.trim() || '{}';
  const durationKind = q.latencyDuration ?? 'span';
  return fromProgressive<LatencyResult>((signal, onProgress) =>
    ctx.client.latency({ query, window, durationKind }, { signal, onProgress })
  ).pipe(
    map(({ value: r, final }) => {
      const frame = latencySamplesFrame(
        r.samples,
        { startMs: window.startMs, endMs: window.endMs, durationKind, query, datasourceUid: ctx.self.uid },
        q.refId
      );
      const annotated = withCompleteness(
        withNotices(frame, final ? r.notices : []),
        completenessMeta(r.completeness, !final)
      );
      return step(q.refId, [annotated], final);
    })
  );
}

export function runSampling(ctx: RunContext, q: TraceLensQuery): Observable<DataQueryResponse> {
  const window = windowOf(ctx.request);
  const query = q.query?.trim() || '{}';
  return fromAbortable((signal) =>
    ctx.client.sampling({ query, window, byOperation: q.samplingByOperation ?? false }, { signal })
  ).pipe(
    map((r) => {
      const frame = samplingFrame(
        r.rows,
        { windowSeconds: (window.endMs - window.startMs) / 1000, datasourceUid: ctx.self.uid, sources: r.sources },
        q.refId
      );
      return done(q.refId, [withCompleteness(withNotices(frame, r.notices), completenessMeta(r.completeness))]);
    })
  );
}
