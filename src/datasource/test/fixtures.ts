import type { Span, Trace } from '../../core/model/types';
import type { SearchResponse, SearchSpanSet } from '../client/types';

export const TRACE_ID = '2f3e0cee77ae5dc9c17ade3689eb2e54';

const resource = { serviceName: 'api-gateway', attributes: { 'service.name': 'api-gateway', 'host.name': 'h1' } };
const scope = { name: '@opentelemetry/instrumentation-http', version: '0.223.0', attributes: {} };

function span(over: Partial<Span>): Span {
  return {
    traceId: TRACE_ID,
    spanId: '563d623c76514f8e',
    parentSpanId: '',
    name: 'GET /users',
    kind: 'server',
    statusCode: 'unset',
    statusMessage: '',
    startTimeUnixNano: 1_684_778_327_699_392_724n,
    durationNanos: 557_000_000,
    attributes: { 'http.status_code': 200, 'big.count': 9_007_199_254_740_993n },
    resource,
    scope,
    events: [],
    links: [],
    traceState: '',
    ...over,
  };
}

export const TRACE: Trace = {
  traceId: TRACE_ID,
  warnings: ['clock skew adjusted on 1 span'],
  spans: [
    span({}),
    span({
      spanId: '7a3c1b2d4e5f6071',
      parentSpanId: '563d623c76514f8e',
      name: 'SELECT users',
      kind: 'client',
      statusCode: 'error',
      statusMessage: 'deadlock',
      startTimeUnixNano: 1_684_778_327_735_077_898n,
      durationNanos: 446_979_497,
      attributes: { 'db.system': 'sqlite', tags: ['a', 'b'] },
      events: [
        { name: 'exception', timeUnixNano: 1_684_778_327_800_000_000n, attributes: { 'exception.message': 'boom' } },
      ],
      links: [{ traceId: 'aa'.repeat(16), spanId: 'bb'.repeat(8), attributes: { why: 'batch' } }],
      traceState: 'ot=th:8',
    }),
  ],
};

const SPAN_SET: SearchSpanSet = {
  matched: 1,
  spans: [
    {
      spanID: '563d623c76514f8e',
      name: 'update',
      startTimeUnixNano: '1684778327735077898',
      durationNanos: '446979497',
      attributes: [
        { key: 'status', value: { stringValue: 'error' } },
        { key: 'http.status_code', value: { intValue: '500' } },
      ],
    },
  ],
  attributes: [],
};

/** A search result's scan figures, all zero. */
export const NO_METRICS: SearchResponse['metrics'] = {
  inspectedTraces: 0,
  inspectedSpans: '0',
  inspectedBytes: '0',
  totalBlocks: 0,
  completedJobs: 0,
  totalJobs: 0,
};

export const SEARCH_RESPONSE: SearchResponse = {
  traces: [
    {
      traceID: TRACE_ID,
      rootServiceName: 'shop-backend',
      rootTraceName: 'update-billing',
      startTimeUnixNano: '1684778327699392724',
      durationMs: 557,
      spanSets: [SPAN_SET],
      serviceStats: {},
    },
    {
      traceID: 'ab'.repeat(16),
      rootServiceName: 'frontend',
      rootTraceName: '',
      startTimeUnixNano: '1684778000000000000',
      durationMs: 12,
      spanSets: [],
      serviceStats: {},
    },
  ],
  metrics: NO_METRICS,
};
