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

import type { HttpRequest, HttpResponse, Transport } from '../../src/core/backends/transport';
import { createCoreClient } from '../../src/datasource/client/coreClient';
import type { LogsLinkSetup } from '../../src/datasource/frames';
import { runSearch, runTraceId, type RunContext } from '../../src/datasource/query/runners';
import type { TraceLensQuery } from '../../src/datasource/types';
import type { FrameInput, InputApi } from './inputs';

function answer(status: number, body: string): HttpResponse {
  return { status, statusText: status === 200 ? 'OK' : 'Not Found', headers: {}, body };
}

const SERVICES = Array.from({ length: 20 }, (_v, i) => (i === 0 ? 'frontend' : `service-${i}`));

/** What each API answers besides the body under test (capability probes, build info). */
function route(api: InputApi, path: string, body: string): HttpResponse {
  switch (api) {
    case 'jaeger-api-v3':
      if (path === '/api/v3/services') {
        return answer(200, JSON.stringify({ services: SERVICES }));
      }
      return path.startsWith('/api/v3/traces') ? answer(200, body) : answer(404, 'not found');
    case 'jaeger-v1':
      if (path === '/api/v3/services') {
        return answer(404, '404 page not found');
      }
      if (path === '/api/services') {
        return answer(200, JSON.stringify({ data: SERVICES }));
      }
      return path.startsWith('/api/traces') ? answer(200, body) : answer(404, 'not found');
    case 'tempo':
      if (path === '/api/status/buildinfo') {
        return answer(200, JSON.stringify({ version: '2.9.0', revision: 'bench' }));
      }
      if (path === '/api/search' || path.startsWith('/api/traces/')) {
        return answer(200, body);
      }
      // No /api/v2/traces: the trace comes from /api/traces/{id} as OTLP `batches`, as in the issue.
      return answer(404, 'not found');
  }
}

function fakeTransport(api: InputApi, body: string): Transport {
  return (request: HttpRequest) => Promise.resolve(route(api, request.path, body));
}

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
    kind: input.api === 'tempo' ? 'tempo' : 'jaeger',
    transport: fakeTransport(input.api, input.body),
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
