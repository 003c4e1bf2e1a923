import { createDataFrame, dateTime, FieldType, type DataQueryRequest, type DataSourceApi } from '@grafana/data';
import { lastValueFrom, NEVER, Observable, of } from 'rxjs';

import type { TraceLensQuery } from '../types';
import { promSamplesFromFrames, promServiceGraph, serviceGraphPromQL } from './promServiceGraph';

const valueFrame = (refId: string, labels: Record<string, string>, value: number) =>
  createDataFrame({
    refId,
    fields: [
      { name: 'Time', type: FieldType.time, values: [1] },
      { name: 'Value', type: FieldType.number, labels, values: [value] },
    ],
  });

describe('Tempo service graph from Prometheus', () => {
  it('asks for increases over the window by edge', () => {
    expect(serviceGraphPromQL(3600).requests).toBe(
      'sum by (client, server, connection_type) (increase(traces_service_graph_request_total[3600s]))'
    );
    expect(serviceGraphPromQL(60).buckets).toContain(
      'le) (increase(traces_service_graph_request_server_seconds_bucket[60s]))'
    );
  });

  it('names samples by the query they answer', () => {
    expect(promSamplesFromFrames([valueFrame('failed', { client: 'a', server: 'b' }, 3)])).toEqual([
      { metric: { client: 'a', server: 'b', __name__: 'traces_service_graph_request_failed_total' }, value: 3 },
    ]);
  });

  it('builds the graph from the Prometheus answer', async () => {
    const prom = {
      query: jest.fn(() =>
        of({
          data: [
            valueFrame('requests', { client: 'frontend', server: 'api' }, 120),
            valueFrame('failed', { client: 'frontend', server: 'api' }, 6),
            valueFrame('buckets', { client: 'frontend', server: 'api', le: '0.1' }, 100),
            valueFrame('buckets', { client: 'frontend', server: 'api', le: '+Inf' }, 120),
          ],
        })
      ),
    } as unknown as DataSourceApi;
    const from = dateTime(0);
    const to = dateTime(60_000);
    const request = {
      range: { from, to, raw: { from, to } },
      targets: [],
    } as unknown as DataQueryRequest<TraceLensQuery>;
    const graph = await lastValueFrom(promServiceGraph(Promise.resolve(prom), request));
    expect(graph.source).toBe('metrics');
    expect(graph.edges).toEqual([
      expect.objectContaining({ source: 'frontend', target: 'api', requests: 120, errors: 6, requestRate: 2 }),
    ]);
  });

  it('cancels the Prometheus query when the service-graph query is unsubscribed', async () => {
    let subscribed = 0;
    let unsubscribed = 0;
    const prom = {
      query: jest.fn(
        () =>
          new Observable(() => {
            subscribed++;
            const inner = NEVER.subscribe();
            return () => {
              unsubscribed++;
              inner.unsubscribe();
            };
          })
      ),
    } as unknown as DataSourceApi;
    const from = dateTime(0);
    const to = dateTime(60_000);
    const request = {
      range: { from, to, raw: { from, to } },
      targets: [],
    } as unknown as DataQueryRequest<TraceLensQuery>;
    const subscription = promServiceGraph(Promise.resolve(prom), request).subscribe();
    // The data source promise resolves on a microtask; then Prometheus's query is subscribed.
    await Promise.resolve();
    await Promise.resolve();
    expect(subscribed).toBe(1);
    subscription.unsubscribe();
    expect(unsubscribed).toBe(1);
  });
});
