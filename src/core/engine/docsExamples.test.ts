/**
 * Queries in the style of Tempo's "Construct a TraceQL query" documentation, parsed by our parser
 * and evaluated on the guide's checkout trace, with the spans each must return.
 */
import { evaluateTrace } from './compileQuery';
import { searchTraces } from './search/searchTraces';
import { checkoutTrace } from './testing/fixtures';
import { parse } from './testing/parse';

const trace = checkoutTrace();

const cases: Array<[string, string[]]> = [
  ['{}', ['GET /checkout', 'POST /api/orders', 'authenticate', 'load user', 'SELECT users']],
  ['{ span.http.status_code >= 400 && span.http.status_code < 600 }', ['GET /checkout', 'POST /api/orders']],
  ['{ resource.service.name = "api-gateway" && span.http.method = "POST" }', ['POST /api/orders']],
  ['{ .service.name = "database" }', ['SELECT users']],
  ['{ duration > 90ms }', ['GET /checkout', 'POST /api/orders']],
  ['{ span:duration >= 80ms && kind = server && status = error }', ['load user']],
  ['{ name =~ "SELECT.*" }', ['SELECT users']],
  ['{ span:name !~ ".*/.*" }', ['authenticate', 'load user', 'SELECT users']],
  [
    '{ rootServiceName = "frontend" && trace:rootName = "GET /checkout" && traceDuration >= 120ms } | count() = 5',
    ['GET /checkout', 'POST /api/orders', 'authenticate', 'load user', 'SELECT users'],
  ],
  ['{ resource.service.name = "frontend" } >> { status = error }', ['load user', 'SELECT users']],
  ['{ resource.service.name = "frontend" } > { status = error }', []],
  ['{ } !< { resource.service.name =~ ".*" }', ['authenticate', 'SELECT users']],
  ['{ span.retries != nil }', ['load user']],
  ['{ span.retries = nil && kind = client }', ['SELECT users']],
  ['{ event:name = "exception" && event.exception.type = "Timeout" }', ['load user']],
  ['{ link:traceID = "ffffffffffffffffffffffffffffffff" }', ['SELECT users']],
  ['{ instrumentation:name = "auth-lib" }', ['authenticate']],
  ['{ span:childCount = 0 }', ['authenticate', 'SELECT users']],
  ['{ status = error } | by(resource.service.name) | count() > 1', []],
  ['{ status = error } | count() > 1', ['load user', 'SELECT users']],
  ['{ span.http.method = "GET" } | avg(duration) > 100ms', ['GET /checkout']],
  ['({ status = error } | count() > 1) && { kind = client }', ['load user', 'SELECT users']],
  ['{ kind = server } &>> { kind = client }', ['GET /checkout', 'POST /api/orders', 'load user', 'SELECT users']],
  ['{ resource.service.name = "auth-service" } ~ { }', ['load user']],
  ['{ span.len > 10 * 1024 * 1024 }', []],
  ['{ span.retries * 2 = 4 }', ['load user']],
];

describe('Tempo documentation-style queries on the checkout trace', () => {
  it.each(cases)('%s', (query, expected) => {
    const r = evaluateTrace(parse(query), trace);
    if (!r.ok) {
      throw r.error;
    }
    expect(r.spansets.flatMap((ss) => ss.spans.map((s) => s.name))).toEqual(expected);
  });

  it('select() adds the chosen attributes to returned spans in search results', () => {
    const r = searchTraces(parse('{ status = error } | select(span.db.system, resource.service.name)'), [trace]);
    expect(r.ok && r.response.traces[0].spanSets[0].spans.map((s) => s.attributes)).toEqual([
      [
        { key: 'status', value: { stringValue: 'error' } },
        { key: 'service.name', value: { stringValue: 'user-service' } },
      ],
      [
        { key: 'status', value: { stringValue: 'error' } },
        { key: 'db.system', value: { stringValue: 'postgresql' } },
        { key: 'service.name', value: { stringValue: 'database' } },
      ],
    ]);
  });
});
