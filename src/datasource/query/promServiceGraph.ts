import {
  FieldType,
  type DataFrame,
  type DataQuery,
  type DataQueryRequest,
  type DataQueryResponse,
  type DataSourceApi,
} from '@grafana/data';
import { from, last, map, mergeMap, type Observable } from 'rxjs';

import { serviceGraphFromPromMetrics, type PromSample, type ServiceGraph } from '../../core/analysis/serviceGraph';
import type { TraceLensQuery } from '../types';

const METRICS = {
  requests: 'traces_service_graph_request_total',
  failed: 'traces_service_graph_request_failed_total',
  buckets: 'traces_service_graph_request_server_seconds_bucket',
} as const;

type MetricKey = keyof typeof METRICS;

/** Increases over the whole window, by edge (and bucket bound for latency), as instant queries. */
export function serviceGraphPromQL(windowSeconds: number): Record<MetricKey, string> {
  const w = `${Math.max(1, Math.round(windowSeconds))}s`;
  return {
    requests: `sum by (client, server, connection_type) (increase(${METRICS.requests}[${w}]))`,
    failed: `sum by (client, server, connection_type) (increase(${METRICS.failed}[${w}]))`,
    buckets: `sum by (client, server, connection_type, le) (increase(${METRICS.buckets}[${w}]))`,
  };
}

/** Prometheus answer frames as samples; `sum by` drops `__name__`, so the refId names the metric. */
export function promSamplesFromFrames(frames: readonly DataFrame[]): PromSample[] {
  const out: PromSample[] = [];
  for (const frame of frames) {
    const key = frame.refId as MetricKey | undefined;
    const name = key && key in METRICS ? METRICS[key] : undefined;
    if (!name) {
      continue;
    }
    for (const field of frame.fields) {
      if (field.type !== FieldType.number || field.values.length === 0) {
        continue;
      }
      const value = Number(field.values[field.values.length - 1]);
      out.push({ metric: { ...(field.labels ?? {}), __name__: name }, value });
    }
  }
  return out;
}

export function promServiceGraph(
  prometheus: Promise<DataSourceApi>,
  request: DataQueryRequest<TraceLensQuery>
): Observable<ServiceGraph> {
  const windowSeconds = (request.range.to.valueOf() - request.range.from.valueOf()) / 1000;
  const exprs = serviceGraphPromQL(windowSeconds);
  const targets = (Object.keys(exprs) as MetricKey[]).map((refId) => ({
    refId,
    expr: exprs[refId],
    instant: true,
    range: false,
  }));
  return from(prometheus).pipe(
    mergeMap((ds) => {
      const answer = ds.query({
        ...request,
        targets: targets as unknown as DataQuery[],
      } as DataQueryRequest<DataQuery>);
      // Some data sources answer with a promise, most with an Observable (perhaps several partial
      // responses); the last one is the answer. Kept an Observable end to end: unsubscribing from
      // this query unsubscribes from Prometheus's, which cancels its request.
      return from(answer as Observable<DataQueryResponse> | Promise<DataQueryResponse>).pipe(last());
    }),
    map((response: DataQueryResponse) => {
      if (response.error) {
        throw new Error(`Prometheus service-graph query failed: ${response.error.message ?? 'unknown error'}`);
      }
      return serviceGraphFromPromMetrics(promSamplesFromFrames(response.data as DataFrame[]), { windowSeconds });
    })
  );
}
