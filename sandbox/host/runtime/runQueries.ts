import {
  CoreApp,
  DataQuery,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  LoadingState,
  PanelData,
  ScopedVars,
  TimeRange,
  rangeUtil,
} from '@grafana/data';
import { toDataQueryError } from '@grafana/runtime';
import { Observable, catchError, from, map, of, scan, startWith } from 'rxjs';

export interface RunQueriesOptions {
  datasource: DataSourceApi;
  targets: DataQuery[];
  range: TimeRange;
  app: CoreApp;
  requestId: string;
  maxDataPoints: number;
  scopedVars?: ScopedVars;
}

export function buildRequest(options: RunQueriesOptions): DataQueryRequest {
  const { interval, intervalMs } = rangeUtil.calculateInterval(options.range, options.maxDataPoints);
  return {
    app: options.app,
    requestId: options.requestId,
    interval,
    intervalMs,
    maxDataPoints: options.maxDataPoints,
    range: options.range,
    rangeRaw: options.range.raw,
    scopedVars: options.scopedVars ?? {},
    targets: options.targets,
    timezone: 'utc',
    startTime: Date.now(),
  };
}

function errorsOf(packet: DataQueryResponse): DataQueryError[] | undefined {
  if (packet.errors?.length) {
    return packet.errors;
  }
  return packet.error ? [packet.error] : undefined;
}

/**
 * A small runRequest: calls the data source, merges streamed packets by key as Grafana's
 * runRequest does, and turns a thrown error into PanelData in the Error state instead of leaving a
 * spinner. Unsubscribing cancels the data source's work (and so the HTTP requests).
 */
export function runQueries(options: RunQueriesOptions): Observable<PanelData> {
  const request = buildRequest(options);
  const initial: PanelData = { state: LoadingState.Loading, series: [], timeRange: options.range, request };
  return from(options.datasource.query(request)).pipe(
    scan(
      (acc: { byKey: Map<string, DataQueryResponse>; panel: PanelData }, packet: DataQueryResponse) => {
        const byKey = new Map(acc.byKey);
        byKey.set(packet.key ?? 'A', packet);
        const packets = [...byKey.values()];
        const errors = packets.flatMap((candidate) => errorsOf(candidate) ?? []);
        const state = errors.length > 0 ? LoadingState.Error : (packet.state ?? LoadingState.Done);
        return {
          byKey,
          panel: {
            state,
            series: packets.flatMap((candidate) => candidate.data),
            errors: errors.length > 0 ? errors : undefined,
            error: errors[0],
            timeRange: options.range,
            request,
            traceIds: packets.flatMap((candidate) => candidate.traceIds ?? []),
          },
        };
      },
      { byKey: new Map<string, DataQueryResponse>(), panel: initial }
    ),
    map(({ panel }) => panel),
    startWith(initial),
    catchError((error: unknown) => {
      const queryError = toDataQueryError(error);
      return of<PanelData>({
        state: LoadingState.Error,
        series: [],
        error: queryError,
        errors: [queryError],
        timeRange: options.range,
        request,
      });
    })
  );
}
