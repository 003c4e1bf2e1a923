import type { RootNode } from '../traceql/ast';
import { evaluateTrace } from './compileQuery';
import {
  agg,
  bin,
  by,
  coalesce,
  dur,
  filter,
  int,
  intr,
  pipe,
  res,
  root,
  scalarFilter,
  select,
  span,
  status,
  str,
} from './testing/astBuilders';
import { checkoutTrace } from './testing/fixtures';
import type { Value } from './values';

const trace = checkoutTrace();

function run(q: RootNode): Array<{ spans: string[]; attributes: Record<string, Value> }> {
  const r = evaluateTrace(q, trace);
  if (!r.ok) {
    throw r.error;
  }
  return r.spansets.map((ss) => ({
    spans: ss.spans.map((s) => s.name),
    attributes: Object.fromEntries(ss.attributes.map((a) => [a.name, a.value])),
  }));
}

const errors = filter(bin('=', intr('span:status', 'status'), status('error')));

describe('pipelines', () => {
  it('count() filters spansets and is reported as an attribute', () => {
    expect(run(root(pipe(errors, scalarFilter('>', agg('count'), int(1)))))).toEqual([
      { spans: ['load user', 'SELECT users'], attributes: { 'count()': { t: 'int', v: 2 } } },
    ]);
    expect(run(root(pipe(errors, scalarFilter('>', agg('count'), int(2)))))).toEqual([]);
  });

  it('avg/min/max/sum keep duration types (docs: avg(duration) > 20ms)', () => {
    const d = intr('span:duration', 'duration');
    const [ss] = run(root(pipe(errors, scalarFilter('>', agg('avg', d), dur(20_000_000, '20ms')))));
    expect(ss.attributes['avg(duration)']).toEqual({ t: 'duration', v: 77_500_000 });
    expect(
      run(root(pipe(errors, scalarFilter('=', agg('max', d), dur(80_000_000)))))[0].attributes['max(duration)']
    ).toEqual({
      t: 'duration',
      v: 80_000_000,
    });
    expect(run(root(pipe(errors, scalarFilter('=', agg('min', d), dur(75_000_000)))))).toHaveLength(1);
    expect(run(root(pipe(filter(), scalarFilter('=', agg('sum', span('http.status_code')), int(1000)))))).toHaveLength(
      1
    );
  });

  it('drops a spanset whose aggregate has no value', () => {
    expect(run(root(pipe(errors, scalarFilter('>', agg('avg', span('missing')), int(0)))))).toEqual([]);
  });

  it('supports arithmetic in scalar filters', () => {
    const ratio = { type: 'ScalarBinary', op: '/', left: agg('count'), right: int(2), from: 0, to: 0 } as const;
    expect(run(root(pipe(errors, scalarFilter('=', ratio, int(1)))))).toHaveLength(1);
  });

  it('by() splits spansets and labels them by(<expr>) (docs: by(resource.service.name) | count() > 1)', () => {
    const grouped = run(root(pipe(filter(), by(res('service.name')))));
    expect(grouped.map((g) => g.attributes['by(resource.service.name)'])).toEqual([
      { t: 'string', v: 'frontend' },
      { t: 'string', v: 'api-gateway' },
      { t: 'string', v: 'auth-service' },
      { t: 'string', v: 'user-service' },
      { t: 'string', v: 'database' },
    ]);
    const kinds = run(root(pipe(filter(), by(intr('span:kind', 'kind')), scalarFilter('>', agg('count'), int(1)))));
    expect(kinds).toEqual([
      {
        spans: ['GET /checkout', 'POST /api/orders', 'authenticate', 'load user'],
        attributes: { 'by(kind)': { t: 'kind', v: 'server' }, 'count()': { t: 'int', v: 4 } },
      },
    ]);
  });

  it('coalesce() merges the spansets of a trace back into one', () => {
    expect(run(root(pipe(filter(), by(res('service.name')), coalesce())))).toEqual([
      { spans: ['GET /checkout', 'POST /api/orders', 'authenticate', 'load user', 'SELECT users'], attributes: {} },
    ]);
  });

  it('select() never changes which spans match', () => {
    expect(run(root(pipe(errors, select(span('db.system')))))).toEqual(run(root(errors)));
  });

  it('later stages filter the spans of earlier ones', () => {
    expect(run(root(pipe(errors, filter(bin('=', res('service.name'), str('database'))))))).toEqual([
      { spans: ['SELECT users'], attributes: {} },
    ]);
  });
});
