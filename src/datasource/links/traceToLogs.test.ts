import { buildLogsQuery, logsQueryCheck } from './traceToLogs';
import type { TraceToLogsOptionsV2 } from '../types';
import type { LogsLinkContext, LogsQueryResult } from './types';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

function ctx(over: Partial<LogsLinkContext> = {}): LogsLinkContext {
  return {
    traceId: TRACE_ID,
    spanId: SPAN_ID,
    attributes: { 'service.name': 'api-gateway', 'k8s.pod.name': 'api-7f9' },
    startMs: 1_700_000_000_000,
    endMs: 1_700_000_000_250,
    spanName: 'GET /users',
    ...over,
  };
}

function text(r: LogsQueryResult): string {
  if (!r.ok) {
    throw new Error(r.reason);
  }
  return r.value.text;
}

describe('buildLogsQuery for Loki', () => {
  it('uses the default service.name → service_name mapping and a line filter on the trace id', () => {
    expect(text(buildLogsQuery({ filterByTraceID: true }, 'loki', ctx()))).toBe(
      `{service_name="api-gateway"} |= "${TRACE_ID}"`
    );
  });

  it('writes structured-metadata filters for trace and span id when asked', () => {
    const r = buildLogsQuery(
      { filterByTraceID: true, filterBySpanID: true, lokiFilterMode: 'structuredMetadata' },
      'loki',
      ctx()
    );
    expect(text(r)).toBe(`{service_name="api-gateway"} | trace_id="${TRACE_ID}" | span_id="${SPAN_ID}"`);
  });

  it('maps tags to sanitised label names and escapes quotes, backslashes and newlines in values', () => {
    const r = buildLogsQuery(
      { tags: [{ key: 'k8s.pod.name' }, { key: 'service.name', value: 'app' }] },
      'loki',
      ctx({ attributes: { 'k8s.pod.name': 'a"b\\c\nd', 'service.name': 'zürich-☃-𝄞' } })
    );
    expect(text(r)).toBe('{k8s_pod_name="a\\"b\\\\c\\nd", app="zürich-☃-𝄞"}');
  });

  it('always filters by trace id on a trace-level link', () => {
    expect(text(buildLogsQuery({}, 'loki', ctx({ spanId: undefined })))).toBe(
      `{service_name="api-gateway"} |= "${TRACE_ID}"`
    );
  });

  it('asks for a whole service over the range when there is no trace (service graph links)', () => {
    const service = ctx({ traceId: undefined, spanId: undefined, attributes: { 'service.name': 'api-gateway' } });
    expect(text(buildLogsQuery({ filterByTraceID: true, filterBySpanID: true }, 'loki', service))).toBe(
      '{service_name="api-gateway"}'
    );
  });

  it('explains that a custom query using the trace id cannot serve a service-level link', () => {
    const service = ctx({ traceId: undefined, spanId: undefined });
    const r = buildLogsQuery({ customQuery: true, query: '{${__tags}} |= "${__trace.traceId}"' }, 'loki', service);
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('a link for a whole service has none') });
  });

  it('passes a very long id through intact', () => {
    const long = 'f'.repeat(4096);
    expect(text(buildLogsQuery({ filterByTraceID: true }, 'loki', ctx({ traceId: long })))).toContain(`|= "${long}"`);
  });

  it('explains why there is no link when no mapped tag is on the span', () => {
    const r = buildLogsQuery({ tags: [{ key: 'cluster' }] }, 'loki', ctx());
    expect(r).toEqual({ ok: false, reason: expect.stringContaining('none of the mapped tags (cluster)') });
  });

  it('applies the span start and end time shifts to the range', () => {
    const r = buildLogsQuery({ spanStartTimeShift: '-1m', spanEndTimeShift: '1m30s' }, 'loki', ctx());
    expect(r).toMatchObject({
      ok: true,
      value: { fromMs: 1_700_000_000_000 - 60_000, toMs: 1_700_000_000_250 + 90_000 },
    });
  });

  it('rejects a shift that is not a duration', () => {
    expect(buildLogsQuery({ spanStartTimeShift: 'soon' }, 'loki', ctx())).toMatchObject({ ok: false });
  });
});

describe('buildLogsQuery for Elasticsearch and OpenSearch', () => {
  it.each(['elasticsearch', 'grafana-opensearch-datasource'])('writes Lucene clauses for %s', (type) => {
    const r = buildLogsQuery({ filterByTraceID: true, filterBySpanID: true }, type, ctx());
    expect(text(r)).toBe(`service_name:"api-gateway" AND trace_id:"${TRACE_ID}" AND span_id:"${SPAN_ID}"`);
  });

  it('escapes phrase content and reserved characters in field names', () => {
    const r = buildLogsQuery(
      { tags: [{ key: 'http.route', value: 'route:path (v1)' }] },
      'elasticsearch',
      ctx({ attributes: { 'http.route': '/a "b" \\c' } })
    );
    expect(text(r)).toBe('route\\:path\\ \\(v1\\):"/a \\"b\\" \\\\c"');
  });

  it('is a valid query even with no tag and no id filter', () => {
    expect(text(buildLogsQuery({ tags: [{ key: 'absent' }] }, 'elasticsearch', ctx()))).toBe('*');
  });
});

describe('buildLogsQuery with a custom query', () => {
  it('fills span, trace and tag variables and leaves dashboard variables alone', () => {
    const r = buildLogsQuery(
      {
        customQuery: true,
        query:
          '{${__tags}, env="$env"} |= "${__span.traceId}" |= "${__span.spanId}" | pod="${__span.tags["k8s.pod.name"]}" ${__trace.traceId}',
      },
      'loki',
      ctx()
    );
    expect(text(r)).toBe(
      `{service_name="api-gateway", env="$env"} |= "${TRACE_ID}" |= "${SPAN_ID}" | pod="api-7f9" ${TRACE_ID}`
    );
  });

  it('escapes tag values for the target language', () => {
    const r = buildLogsQuery(
      { customQuery: true, query: 'svc:"${__span.tags.service.name}"' },
      'elasticsearch',
      ctx({ attributes: { 'service.name': 'x"y' } })
    );
    expect(text(r)).toBe('svc:"x\\"y"');
  });

  it('makes links to any other logs source possible only with a custom query', () => {
    expect(buildLogsQuery({}, 'grafana-splunk-datasource', ctx())).toEqual({
      ok: false,
      reason: 'links to grafana-splunk-datasource need a custom query',
    });
    expect(
      text(
        buildLogsQuery({ customQuery: true, query: 'index=main ${__span.traceId}' }, 'grafana-splunk-datasource', ctx())
      )
    ).toBe(`index=main ${TRACE_ID}`);
  });

  it('reports an empty custom query', () => {
    expect(buildLogsQuery({ customQuery: true, query: '  ' }, 'loki', ctx())).toMatchObject({ ok: false });
  });
});

describe('custom queries for other logs sources: escaped per language, or refused', () => {
  const splunk = 'grafana-splunk-datasource';
  const hostile = 'x" OR index=* | delete "';

  it('escapes quotes and backslashes for Splunk, LogScale, Cloud Logging and VictoriaLogs', () => {
    for (const type of [
      splunk,
      'grafana-falconlogscale-datasource',
      'googlecloud-logging-datasource',
      'victoriametrics-logs-datasource',
    ]) {
      const r = buildLogsQuery(
        { customQuery: true, query: 'service="${__span.tags["service.name"]}" ${__span.traceId}' },
        type,
        ctx({ attributes: { 'service.name': `${hostile}\\` } })
      );
      expect(text(r)).toBe(`service="x\\" OR index=* | delete \\"\\\\" ${TRACE_ID}`);
    }
  });

  it('escapes values in ${__tags} and refuses a mapped name that is not a plain field name', () => {
    const withTags = (name: string) =>
      buildLogsQuery(
        { customQuery: true, query: 'search ${__tags}', tags: [{ key: 'service.name', value: name }] },
        splunk,
        ctx({ attributes: { 'service.name': hostile } })
      );
    expect(text(withTags('svc'))).toBe('search svc="x\\" OR index=* | delete \\""');
    expect(withTags('svc" OR x="')).toEqual({
      ok: false,
      reason: expect.stringContaining('is not a plain field name'),
    });
  });

  it('refuses a value with a line break, which no such language documents an escape for', () => {
    expect(
      buildLogsQuery(
        { customQuery: true, query: 'name="${__span.name}"' },
        splunk,
        ctx({ spanName: 'GET /x\n| delete' })
      )
    ).toEqual({
      ok: false,
      reason: expect.stringContaining('the span name holds characters that cannot be written safely'),
    });
  });

  it('inserts only plain text into a language it does not know, and refuses the rest', () => {
    const other = 'acme-logs-datasource';
    const q = { customQuery: true, query: 'svc:${__span.tags["service.name"]}' };
    expect(text(buildLogsQuery(q, other, ctx({ attributes: { 'service.name': 'api-gateway v2' } })))).toBe(
      'svc:api-gateway v2'
    );
    expect(buildLogsQuery(q, other, ctx({ attributes: { 'service.name': hostile } }))).toMatchObject({ ok: false });
  });

  it('refuses trace and span ids that are not hex', () => {
    const q = { customQuery: true, query: 'trace=${__span.traceId} span=${__span.spanId}' };
    expect(buildLogsQuery(q, splunk, ctx({ traceId: 'abc" OR 1=1' }))).toEqual({
      ok: false,
      reason: 'the trace id is not hexadecimal',
    });
    expect(buildLogsQuery(q, splunk, ctx({ spanId: 'zz' }))).toEqual({
      ok: false,
      reason: 'the span id is not hexadecimal',
    });
  });
});

describe('logsQueryCheck says whether a query would be written, without writing it', () => {
  const options: Array<[string, TraceToLogsOptionsV2]> = [
    ['default tags', {}],
    ['a mapped tag', { tags: [{ key: 'k8s.pod.name', value: 'pod' }] }],
    ['an empty mapping key', { tags: [{ key: '' }] }],
    ['shifts', { spanStartTimeShift: '-5m', spanEndTimeShift: '1h30m' }],
    ['a bad start shift', { spanStartTimeShift: 'soon' }],
    ['a bad end shift', { spanEndTimeShift: '5 minutes' }],
    ['a custom query', { customQuery: true, query: '{${__tags}} |= "${__span.traceId}"' }],
    ['an empty custom query', { customQuery: true, query: ' ' }],
  ];
  const targets = ['loki', 'elasticsearch', 'grafana-splunk-datasource', 'some-unknown-datasource'];
  const contexts: Array<[string, LogsLinkContext]> = [
    ['a span', ctx()],
    ['a span without mapped tags', ctx({ attributes: { other: 'x' } })],
    ['an empty service name', ctx({ attributes: { 'service.name': '' } })],
    ['a line break in a tag', ctx({ attributes: { 'service.name': 'a\nb' } })],
    ['a trace', ctx({ spanId: undefined })],
    ['a service', ctx({ traceId: undefined, spanId: undefined })],
    ['a span id that is not hex', ctx({ spanId: 'zz' })],
  ];
  const cases = options.flatMap(([o, opts]) =>
    targets.flatMap((target) =>
      contexts.map(([c, context]) => [`${o}, ${target}, ${c}`, opts, target, context] as const)
    )
  );

  it.each(cases)('%s', (_name, opts, target, context) => {
    expect(logsQueryCheck(opts, target)(context)).toBe(buildLogsQuery(opts, target, context).ok);
  });
});
