/**
 * The data source's own path from a response body to the frames Grafana draws: the core client
 * the data source builds (createCoreClient), the query runners it dispatches to (runTraceId,
 * runSearch), with trace-to-logs configured as in provisioning/datasources/tracelens.yaml. Only the
 * network is replaced: a transport that answers each API path with the prepared body, so what is
 * timed is parsing, decoding, the engine's residual evaluation (Jaeger search) and frame building.
 * (Grafana's BackendSrv hands the transport the same string; template interpolation is skipped.)
 */
import './nodeGlobals';

import { dateTime, type DataQueryRequest, type DataQueryResponse } from '@grafana/data';
import { lastValueFrom } from 'rxjs';

import { ANSWERING_BACKEND, answeringTransport } from '../../src/core/backends/testing/answeringTransport';
import { createCoreClient } from '../../src/datasource/client/coreClient';
import type { LogsLinkSetup } from '../../src/datasource/frames';
import { runSearch, runTraceId, type RunContext } from '../../src/datasource/query/runners';
import type { TraceLensQuery } from '../../src/datasource/types';
import type { FrameInput } from './inputs';

const LOGS: LogsLinkSetup = {
  target: { uid: 'loki', type: 'loki', name: 'Loki' },
  options: { datasourceUid: 'loki', tags: [{ key: 'service.name', value: 'service_name' }], filterByTraceID: true },
};

function dashboardRequest(): DataQueryRequest<TraceLensQuery> {
  // The generated traces start at 1764070000 s; the window covers them.
  const from = dateTime(1_764_069_000_000);
  const to = dateTime(1_764_080_000_000);
  return {
    requestId: 'bench',
    interval: '1m',
    intervalMs: 60_000,
    range: { from, to, raw: { from, to } },
    scopedVars: {},
    targets: [],
    timezone: 'utc',
    app: 'explore',
    startTime: 0,
  };
}

/**
 * A function that runs the input's query through the data source path once and resolves with the
 * DataQueryResponse. The client is built once, as the data source builds it once, so capability
 * probes are answered in the warm-up run and every timed run is the query alone.
 */
export function dataSourcePath(input: FrameInput): () => Promise<DataQueryResponse> {
  const client = createCoreClient({
    kind: ANSWERING_BACKEND[input.api],
    transport: answeringTransport(input.api, input.body),
    // As provisioning/datasources/tracelens.yaml sets it: the whole 200-trace answer is evaluated.
    searchDepth: 200,
  });
  const ctx: RunContext = {
    client,
    self: { uid: 'tracelens', name: 'TraceLens' },
    logs: LOGS,
    request: dashboardRequest(),
  };
  const query: TraceLensQuery = { refId: 'A', queryType: input.queryType, query: input.query, limit: input.limit };
  const run = input.queryType === 'traceId' ? runTraceId : runSearch;
  return async () => {
    const response = await lastValueFrom(run(ctx, query));
    if (response.error) {
      throw new Error(`${input.label}: the data source answered an error: ${response.error.message}`);
    }
    return response;
  };
}
