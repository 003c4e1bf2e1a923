import { EMPTY_ATTRIBUTES } from '../attributes';
import type { InstrumentationScope, Trace } from '../types';
import { buildTrace, ResourceTable, type SpanSpec, type TraceSpec } from './buildTrace';

/**
 * The tracing guide's request path (frontend → api-gateway → auth-service + user-service →
 * database on sqlite) as hand-made traces: one healthy request, one rejected by auth, one where the
 * database is locked, and one request from a 64-bit-id client. Times are whole microseconds and
 * values avoid arrays, maps and link attributes, so every wire format (Jaeger v1 included) carries
 * them without loss: they are the ground truth for fixtures and cross-backend tests.
 */

export const GUIDE_START_NS = 1764070000000000000n;

const HTTP_SCOPE: InstrumentationScope = {
  name: '@opentelemetry/instrumentation-http',
  version: '0.223.0',
  attributes: EMPTY_ATTRIBUTES,
};

const RESOURCE_ATTRIBUTES = {
  frontend: { 'service.version': '1.4.2', 'host.name': 'web-1', 'deployment.environment': 'demo' },
  'api-gateway': { 'service.version': '2.0.0', 'host.name': 'gw-1', 'deployment.environment': 'demo' },
  'auth-service': { 'service.version': '0.9.1', 'host.name': 'auth-1', 'deployment.environment': 'demo' },
  'user-service': { 'service.version': '3.1.0', 'host.name': 'users-1', 'deployment.environment': 'demo' },
  database: { 'service.version': '3.45.1', 'host.name': 'db-1', 'db.system': 'sqlite' },
};

function http(method: string, route: string, status: number): Record<string, string | number> {
  return { 'http.request.method': method, 'http.route': route, 'http.response.status_code': status };
}

/** The shared shape of every request; `variant` decides where it fails. */
function requestSpans(variant: 'ok' | 'auth-denied' | 'db-locked', userId: string): SpanSpec[] {
  const authStatus = variant === 'auth-denied' ? 401 : 200;
  const usersStatus = variant === 'db-locked' ? 500 : 200;
  const edge = variant === 'ok' ? 200 : variant === 'auth-denied' ? 401 : 502;
  const spans: SpanSpec[] = [
    {
      id: 'f000000000000001',
      service: 'frontend',
      name: 'GET /users',
      kind: 'server',
      atUs: 0,
      durUs: variant === 'db-locked' ? 1_250_000 : 100_000,
      status: edge >= 500 ? 'error' : 'unset',
      attrs: { ...http('GET', '/users', edge), 'user.id': userId, 'request.bytes': 9007199254740993n },
      traceState: 'ot=th:c',
    },
    {
      id: 'f000000000000002',
      parent: 'f000000000000001',
      service: 'frontend',
      name: 'GET',
      kind: 'client',
      atUs: 2_000,
      durUs: variant === 'db-locked' ? 1_240_000 : 85_000,
      status: edge >= 400 ? 'error' : 'unset',
      attrs: { 'http.request.method': 'GET', 'server.address': 'api-gateway', 'http.response.status_code': edge },
      traceState: 'ot=th:c',
    },
    {
      id: 'a000000000000001',
      parent: 'f000000000000002',
      service: 'api-gateway',
      name: 'GET /api/users',
      kind: 'server',
      atUs: 3_000,
      durUs: variant === 'db-locked' ? 1_235_000 : 80_000,
      status: edge >= 500 ? 'error' : 'unset',
      attrs: { ...http('GET', '/api/users', edge), 'gateway.retries': 0, 'cache.hit': false },
      traceState: 'ot=th:c',
    },
    {
      id: 'a000000000000002',
      parent: 'a000000000000001',
      service: 'api-gateway',
      name: 'POST',
      kind: 'client',
      atUs: 4_000,
      durUs: 11_000,
      status: authStatus >= 400 ? 'error' : 'unset',
      attrs: {
        'http.request.method': 'POST',
        'server.address': 'auth-service',
        'http.response.status_code': authStatus,
      },
    },
    {
      id: 'b000000000000001',
      parent: 'a000000000000002',
      service: 'auth-service',
      name: 'POST /verify',
      kind: 'server',
      atUs: 4_500,
      durUs: 10_000,
      status: variant === 'auth-denied' ? 'error' : 'ok',
      message: variant === 'auth-denied' ? 'invalid token' : '',
      attrs: { ...http('POST', '/verify', authStatus), 'auth.method': 'jwt', 'auth.score': 0.875 },
      events:
        variant === 'auth-denied'
          ? [
              {
                name: 'exception',
                atUs: 14_000,
                attrs: { 'exception.type': 'AuthError', 'exception.message': 'token expired' },
              },
            ]
          : [{ name: 'token.verified', atUs: 13_000 }],
    },
  ];
  if (variant === 'auth-denied') {
    return spans;
  }
  const slow = variant === 'db-locked';
  spans.push(
    {
      id: 'a000000000000003',
      parent: 'a000000000000001',
      service: 'api-gateway',
      name: 'GET',
      kind: 'client',
      atUs: 16_000,
      durUs: slow ? 1_215_000 : 62_000,
      status: usersStatus >= 500 ? 'error' : 'unset',
      attrs: {
        'http.request.method': 'GET',
        'server.address': 'user-service',
        'http.response.status_code': usersStatus,
      },
    },
    {
      id: 'c000000000000001',
      parent: 'a000000000000003',
      service: 'user-service',
      name: 'GET /users',
      kind: 'server',
      atUs: 17_000,
      durUs: slow ? 1_210_000 : 60_000,
      status: slow ? 'error' : 'unset',
      message: slow ? 'database is locked' : '',
      attrs: { ...http('GET', '/users', usersStatus), 'user.count': slow ? 0 : 100, 'user.filter': 'active' },
      links: slow ? [{ traceId: '000000000000000000000000000000ff', spanId: 'e000000000000001' }] : [],
    },
    {
      id: 'c000000000000002',
      parent: 'c000000000000001',
      service: 'user-service',
      name: 'SELECT users',
      kind: 'client',
      atUs: 18_000,
      durUs: slow ? 1_200_000 : 42_000,
      status: slow ? 'error' : 'unset',
      attrs: { 'db.system': 'sqlite', 'db.statement': 'SELECT * FROM users WHERE active = 1', 'db.name': 'users.db' },
    },
    {
      id: 'd000000000000001',
      parent: 'c000000000000002',
      service: 'database',
      name: 'query users',
      kind: 'server',
      atUs: 19_000,
      durUs: slow ? 1_195_000 : 40_000,
      status: slow ? 'error' : 'ok',
      message: slow ? 'SQLITE_BUSY: database is locked' : '',
      attrs: {
        'db.system': 'sqlite',
        'db.operation': 'SELECT',
        'db.rows': slow ? 0 : 100,
        'db.busy_retries': slow ? 5 : 0,
      },
      events: slow
        ? [
            { name: 'lock.wait', atUs: 20_000, attrs: { 'lock.holder': 'vacuum' } },
            {
              name: 'exception',
              atUs: 1_213_000,
              attrs: { 'exception.type': 'SqliteError', 'exception.message': 'SQLITE_BUSY' },
            },
          ]
        : [{ name: 'rows.fetched', atUs: 58_000, attrs: { 'db.rows': 100 } }],
    }
  );
  return spans;
}

export function guideTraces(): Trace[] {
  const resources = new ResourceTable(RESOURCE_ATTRIBUTES);
  const specs: TraceSpec[] = [
    { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', startNs: GUIDE_START_NS, spans: requestSpans('ok', 'u-17') },
    {
      traceId: '0af7651916cd43dd8448eb211c80319c',
      startNs: GUIDE_START_NS + 2_000_000_000n,
      spans: requestSpans('auth-denied', 'u-4'),
    },
    {
      traceId: 'e3b0c44298fc1c149afbf4c8996fb924',
      startNs: GUIDE_START_NS + 5_000_000_000n,
      spans: requestSpans('db-locked', 'u-17'),
    },
    // A 64-bit trace id, as older Jaeger clients send: Jaeger writes it as 16 digits.
    {
      traceId: '0000000000000000' + '00f067aa0ba902b7',
      startNs: GUIDE_START_NS + 9_000_000_000n,
      spans: requestSpans('ok', 'u-23'),
    },
  ];
  return specs.map((s) => buildTrace(s, resources, HTTP_SCOPE));
}
