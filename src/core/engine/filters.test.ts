import type { FieldExpr, RootNode } from '../traceql/ast';
import { evaluateTrace } from './compileQuery';
import {
  attr,
  bin,
  boolean,
  dot,
  dur,
  filter,
  float,
  int,
  intr,
  kind,
  neg,
  nil,
  not,
  res,
  root,
  span,
  status,
  str,
} from './testing/astBuilders';
import { checkoutTrace } from './testing/fixtures';

const trace = checkoutTrace();

function names(q: RootNode): string[] {
  const r = evaluateTrace(q, trace);
  if (!r.ok) {
    throw r.error;
  }
  return r.spansets.flatMap((ss) => ss.spans.map((s) => s.name));
}

const where = (e: FieldExpr): string[] => names(root(filter(e)));

describe('spanset filters', () => {
  it('{} matches every span', () => {
    expect(names(root(filter()))).toHaveLength(5);
  });

  it('all conditions inside one pair of braces hold on the same span', () => {
    expect(
      where(bin('&&', bin('=', intr('span:status'), status('error')), bin('=', intr('span:kind'), kind('client'))))
    ).toEqual(['SELECT users']);
    expect(
      where(bin('&&', bin('=', span('http.method'), str('GET')), bin('=', span('db.system'), str('postgresql'))))
    ).toEqual([]);
  });

  it('unscoped attributes read the span first, then the resource', () => {
    expect(where(bin('=', dot('deployment.environment'), str('prod')))).toEqual(['GET /checkout']);
    expect(where(bin('=', dot('http.method'), str('POST')))).toEqual(['POST /api/orders']);
    expect(where(bin('=', res('service.name'), str('database')))).toEqual(['SELECT users']);
  });

  it('compares ints, floats and durations by value, and strings lexicographically', () => {
    expect(where(bin('>=', span('http.status_code'), int(500)))).toEqual(['GET /checkout', 'POST /api/orders']);
    expect(where(bin('=', span('ratio'), float(0.5)))).toEqual(['load user']);
    expect(where(bin('=', span('retries'), float(2)))).toEqual(['load user']);
    expect(where(bin('>', intr('span:duration'), dur(90_000_000, '90ms')))).toEqual([
      'GET /checkout',
      'POST /api/orders',
    ]);
    expect(where(bin('>=', span('http.method'), str('POST')))).toEqual(['POST /api/orders']);
  });

  it('keeps 64-bit ints exact', () => {
    expect(where(bin('=', span('db.rows'), int(9_007_199_254_740_993n)))).toEqual(['SELECT users']);
    expect(where(bin('=', span('db.rows'), int(9_007_199_254_740_992n)))).toEqual([]);
    expect(where(bin('>', span('db.rows'), int(9_007_199_254_740_992n)))).toEqual(['SELECT users']);
  });

  it('never matches across kinds, for != too', () => {
    expect(where(bin('=', span('http.status_code'), str('500')))).toEqual([]);
    expect(where(bin('!=', span('http.status_code'), str('200')))).toEqual([]);
    expect(where(bin('!=', span('http.method'), str('GET')))).toEqual(['POST /api/orders']);
  });

  it('nil tests presence and absence; nil = nil is false', () => {
    expect(where(bin('!=', span('retries'), nil()))).toEqual(['load user']);
    expect(where(bin('=', span('http.method'), nil()))).toEqual(['authenticate', 'load user', 'SELECT users']);
    expect(where(bin('=', nil(), nil()))).toEqual([]);
  });

  it('matches arrays when any element does, and != / !~ only when none does', () => {
    expect(where(bin('=', span('tags'), str('b')))).toEqual(['POST /api/orders']);
    expect(where(bin('!=', span('tags'), str('b')))).toEqual([]);
    expect(where(bin('!=', span('tags'), str('c')))).toEqual(['POST /api/orders']);
    expect(where(bin('=~', span('tags'), str('[ab]')))).toEqual(['POST /api/orders']);
    expect(where(bin('!~', span('tags'), str('a')))).toEqual([]);
  });

  it('anchors regexes at both ends', () => {
    expect(where(bin('=~', intr('span:name'), str('load')))).toEqual([]);
    expect(where(bin('=~', intr('span:name'), str('load.*')))).toEqual(['load user']);
    expect(where(bin('!~', res('service.name'), str('.*-service')))).toEqual([
      'GET /checkout',
      'POST /api/orders',
      'SELECT users',
    ]);
  });

  it('reports an invalid regex literal as an error value', () => {
    const r = evaluateTrace(root(filter(bin('=~', intr('span:name'), str('(')))), trace);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.kind).toBe('validate');
  });

  it('evaluates arithmetic, unary minus and negation', () => {
    expect(where(bin('>', bin('*', span('retries'), int(10)), int(19)))).toEqual(['load user']);
    expect(where(bin('=', bin('/', int(7), int(2)), int(3)))).toHaveLength(5);
    expect(where(bin('=', neg(span('retries')), int(-2)))).toEqual(['load user']);
    expect(where(not(bin('=', intr('span:kind'), kind('server'))))).toEqual(['SELECT users']);
    expect(where(bin('=', bin('^', int(2), int(10)), int(1024)))).toHaveLength(5);
    expect(where(boolean(true))).toHaveLength(5);
  });

  it('reads span intrinsics', () => {
    expect(where(bin('=', intr('span:statusMessage'), str('db timeout')))).toEqual(['load user']);
    expect(where(bin('=', intr('span:childCount'), int(2)))).toEqual(['POST /api/orders']);
    expect(where(bin('=', intr('span:parentID'), nil()))).toEqual(['GET /checkout']);
    expect(where(bin('=', intr('span:id'), str(trace.spans[4].spanId)))).toEqual(['SELECT users']);
    expect(where(bin('=', intr('instrumentation:name'), str('auth-lib')))).toEqual(['authenticate']);
    expect(where(bin('=', intr('instrumentation:version'), str('1.2.0')))).toEqual(['authenticate']);
  });

  it('reads trace intrinsics on every span', () => {
    expect(where(bin('=', intr('trace:rootService'), str('frontend')))).toHaveLength(5);
    expect(where(bin('=', intr('trace:rootName'), str('GET /checkout')))).toHaveLength(5);
    expect(where(bin('=', intr('trace:duration'), dur(120_000_000)))).toHaveLength(5);
    expect(where(bin('=', intr('trace:id'), str(trace.traceId)))).toHaveLength(5);
  });

  it('matches event and link conditions when some event or link satisfies them', () => {
    expect(where(bin('=', intr('event:name'), str('exception')))).toEqual(['load user']);
    expect(where(bin('=', attr('event', 'exception.type'), str('Timeout')))).toEqual(['load user']);
    expect(where(bin('>', intr('event:timeSinceStart'), dur(60_000_000)))).toEqual(['load user']);
    expect(
      where(
        bin(
          '&&',
          bin('=', intr('event:name'), str('exception')),
          bin('=', attr('event', 'exception.type'), str('Other'))
        )
      )
    ).toEqual([]);
    expect(where(bin('=', intr('link:spanID'), str('e'.repeat(16))))).toEqual(['SELECT users']);
    expect(where(bin('=', attr('link', 'link.kind'), str('batch')))).toEqual(['SELECT users']);
  });

  it('reads the parent span with parent.', () => {
    expect(where(bin('=', attr('resource', 'service.name', true), str('user-service')))).toEqual(['SELECT users']);
    expect(where(bin('=', attr('unscoped', 'http.method', true), str('GET')))).toEqual(['POST /api/orders']);
  });

  it('reads nested-set intrinsics', () => {
    expect(where(bin('=', intr('nestedSetParent'), int(-1)))).toEqual(['GET /checkout']);
    expect(where(bin('=', intr('nestedSetLeft'), int(1)))).toEqual(['GET /checkout']);
    expect(where(bin('=', intr('nestedSetRight'), int(10)))).toEqual(['GET /checkout']);
  });
});
