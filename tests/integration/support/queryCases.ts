/**
 * The TraceQL queries the integration suite checks, each with its independent expected answer.
 * They cover filters, regex, negation, ranges, nil, trace-level intrinsics, events, spanset && / ||,
 * structural and union-structural operators, aggregates, by() and select(), over the demo services'
 * traces and HotROD's (both sets are in Jaeger; every query is checked against all of them).
 */
import {
  aggregates,
  anyAttr,
  both,
  either,
  fullMatch,
  groupBy,
  having,
  KIND,
  MS,
  num,
  resAttr,
  rootSpan,
  spanAttr,
  type Spanset,
  STATUS,
  structural,
  traceDurationNs,
  unionStructural,
  where,
} from './groundTruth';
import type { RawSpan, RawTrace } from './rawTraces';

export interface QueryCase {
  query: string;
  expect(t: RawTrace): Spanset[];
  /** Attributes select() must put on every returned span, as `scope.name`. */
  selected?: string[];
}

const svc = (name: string) => (s: RawSpan) => s.service === name;
const isDb = (s: RawSpan) => spanAttr(s, 'db.system') === 'sqlite';
const httpStatus = (s: RawSpan) => num(spanAttr(s, 'http.status_code'));
const dur = (s: RawSpan) => s.durationNs;

export const QUERY_CASES: QueryCase[] = [
  // Filters and equality
  { query: '{ resource.service.name = "user-service" }', expect: (t) => where(t, svc('user-service')) },
  { query: '{ span.db.system = "sqlite" }', expect: (t) => where(t, isDb) },
  {
    query: '{ name = "get_users" && span.user.count > 10 }',
    expect: (t) => where(t, (s) => s.name === 'get_users' && (num(spanAttr(s, 'user.count')) ?? -Infinity) > 10),
  },
  {
    query: '{ kind = client && span.peer.service = "database" }',
    expect: (t) => where(t, (s) => s.kind === KIND.client && spanAttr(s, 'peer.service') === 'database'),
  },
  { query: '{ status = error }', expect: (t) => where(t, (s) => s.statusCode === STATUS.error) },
  {
    query: '{ status = error && resource.service.name = "frontend" }',
    expect: (t) => where(t, (s) => s.statusCode === STATUS.error && s.service === 'frontend'),
  },
  // Regex and negation
  {
    query: '{ span.http.route =~ "/users.*" }',
    expect: (t) => where(t, (s) => fullMatch('/users.*', spanAttr(s, 'http.route'))),
  },
  {
    query: '{ resource.service.name = "database" && name !~ "POST.*" }',
    expect: (t) => where(t, (s) => s.service === 'database' && !fullMatch('POST.*', s.name)),
  },
  {
    query: '{ resource.service.name != "frontend" && kind = server }',
    expect: (t) => where(t, (s) => s.service !== 'frontend' && s.kind === KIND.server),
  },
  {
    query: '{ statusMessage =~ ".*demo.fail.*" }',
    expect: (t) => where(t, (s) => fullMatch('.*demo.fail.*', s.statusMessage)),
  },
  // Ranges
  { query: '{ duration > 200ms }', expect: (t) => where(t, (s) => s.durationNs > 200 * MS) },
  {
    query: '{ duration >= 1ms && duration < 5ms && kind = server }',
    expect: (t) => where(t, (s) => s.durationNs >= MS && s.durationNs < 5 * MS && s.kind === KIND.server),
  },
  {
    query: '{ span.http.status_code >= 400 && span.http.status_code < 500 }',
    expect: (t) =>
      where(t, (s) => {
        const c = httpStatus(s);
        return c !== undefined && c >= 400 && c < 500;
      }),
  },
  // nil
  { query: '{ span.user.count != nil }', expect: (t) => where(t, (s) => spanAttr(s, 'user.count') !== undefined) },
  {
    query: '{ resource.service.name = "user-service" && span.user.count = nil }',
    expect: (t) => where(t, (s) => s.service === 'user-service' && spanAttr(s, 'user.count') === undefined),
  },
  // Unscoped attributes fall back from span to resource
  {
    query: '{ .service.namespace = "tracelens-demo" && kind = client }',
    expect: (t) => where(t, (s) => anyAttr(s, 'service.namespace') === 'tracelens-demo' && s.kind === KIND.client),
  },
  // Trace-level intrinsics and events
  {
    query: '{ trace:rootService = "api-gateway" }',
    expect: (t) => where(t, () => rootSpan(t)?.service === 'api-gateway'),
  },
  {
    query: '{ trace:duration > 300ms && kind = server }',
    expect: (t) => where(t, (s) => traceDurationNs(t) > 300 * MS && s.kind === KIND.server),
  },
  {
    query: '{ event:name = "exception" }',
    expect: (t) => where(t, (s) => s.events.some((e) => e.name === 'exception')),
  },
  // Spanset logical operators
  {
    query: '{ span.db.system = "sqlite" } && { status = error }',
    expect: (t) => both(t, isDb, (s) => s.statusCode === STATUS.error),
  },
  {
    query: '{ name = "verify_token" } || { name = "search_users" }',
    expect: (t) =>
      either(
        t,
        (s) => s.name === 'verify_token',
        (s) => s.name === 'search_users'
      ),
  },
  // Structural
  {
    query: '{ resource.service.name = "api-gateway" } >> { span.db.system = "sqlite" }',
    expect: (t) => structural(t, svc('api-gateway'), '>>', isDb),
  },
  {
    query: '{ resource.service.name = "api-gateway" && kind = server } > { kind = client }',
    expect: (t) =>
      structural(
        t,
        (s) => s.service === 'api-gateway' && s.kind === KIND.server,
        '>',
        (s) => s.kind === KIND.client
      ),
  },
  {
    query: '{ span.db.system = "sqlite" } << { resource.service.name = "frontend" }',
    expect: (t) => structural(t, isDb, '<<', svc('frontend')),
  },
  { query: '{ span.db.system = "sqlite" } < { }', expect: (t) => structural(t, isDb, '<', () => true) },
  {
    query: '{ span.peer.service = "auth-service" } ~ { span.peer.service = "user-service" }',
    expect: (t) =>
      structural(
        t,
        (s) => spanAttr(s, 'peer.service') === 'auth-service',
        '~',
        (s) => spanAttr(s, 'peer.service') === 'user-service'
      ),
  },
  {
    query: '{ resource.service.name = "user-service" && kind = server } &>> { span.db.system = "sqlite" }',
    expect: (t) => unionStructural(t, (s) => s.service === 'user-service' && s.kind === KIND.server, '>>', isDb),
  },
  {
    query: '{ name = "verify_token" } &< { kind = server }',
    expect: (t) =>
      unionStructural(
        t,
        (s) => s.name === 'verify_token',
        '<',
        (s) => s.kind === KIND.server
      ),
  },
  // Aggregates
  {
    query: '{ kind = server } | count() > 4',
    expect: (t) =>
      having(
        where(t, (s) => s.kind === KIND.server),
        aggregates.count,
        (n) => n > 4
      ),
  },
  {
    query: '{ kind = server } | avg(duration) > 20ms',
    expect: (t) =>
      having(
        where(t, (s) => s.kind === KIND.server),
        aggregates.avg(dur),
        (v) => v > 20 * MS
      ),
  },
  {
    query: '{ span.user.count != nil } | max(span.user.count) >= 20',
    expect: (t) =>
      having(
        where(t, (s) => spanAttr(s, 'user.count') !== undefined),
        aggregates.max((s) => num(spanAttr(s, 'user.count'))),
        (v) => v >= 20
      ),
  },
  {
    query: '{ resource.service.name = "database" } | min(duration) < 2ms',
    expect: (t) => having(where(t, svc('database')), aggregates.min(dur), (v) => v < 2 * MS),
  },
  {
    query: '{ span.user.count != nil } | sum(span.user.count) > 30',
    expect: (t) =>
      having(
        where(t, (s) => spanAttr(s, 'user.count') !== undefined),
        aggregates.sum((s) => num(spanAttr(s, 'user.count'))),
        (v) => v > 30
      ),
  },
  // by()
  {
    query: '{ status = error } | by(resource.service.name)',
    expect: (t) =>
      groupBy(
        where(t, (s) => s.statusCode === STATUS.error),
        (s) => resAttr(s, 'service.name')
      ),
  },
  {
    query: '{ kind = server } | by(resource.service.name) | count() > 1',
    expect: (t) =>
      having(
        groupBy(
          where(t, (s) => s.kind === KIND.server),
          (s) => resAttr(s, 'service.name')
        ),
        aggregates.count,
        (n) => n > 1
      ),
  },
  // select()
  {
    query: '{ span.db.system = "sqlite" } | select(span.db.statement, resource.service.name)',
    expect: (t) => where(t, isDb),
    selected: ['span.db.statement', 'resource.service.name'],
  },
];
