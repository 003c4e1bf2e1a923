import { fromTraceQL } from './fromTraceQL';
import { EMPTY_MODEL, inferValueType, type BuilderModel } from './model';
import { toTraceQL } from './toTraceQL';

const model = (over: Partial<BuilderModel>): BuilderModel => ({ ...EMPTY_MODEL, filters: [], ...over });

describe('toTraceQL', () => {
  it('writes an empty model as {}', () => {
    expect(toTraceQL(EMPTY_MODEL)).toBe('{}');
  });

  it('writes every part as conditions on one span', () => {
    expect(
      toTraceQL(
        model({
          service: 'api "gw"',
          spanName: 'GET /users',
          status: 'error',
          minDuration: '100ms',
          maxDuration: '2s',
          filters: [
            { key: 'span.http.status_code', op: '>=', value: '500', type: 'number' },
            { key: 'span.http.route', op: '=~', value: '/api/.*', type: 'string' },
            { key: 'span.db.system', op: '!=', value: 'redis', type: 'string' },
            { key: 'span.retry', op: 'exists', value: '', type: 'string' },
            { key: 'kind', op: '=', value: 'client', type: 'keyword' },
          ],
        })
      )
    ).toBe(
      '{ resource.service.name = "api \\"gw\\"" && name = "GET /users" && status = error && duration >= 100ms && duration <= 2s && span.http.status_code >= 500 && span.http.route =~ "/api/.*" && span.db.system != "redis" && span.retry != nil && kind = client }'
    );
  });

  it('skips filters without a key', () => {
    expect(toTraceQL(model({ filters: [{ key: ' ', op: '=', value: 'x', type: 'string' }] }))).toBe('{}');
  });
});

describe('fromTraceQL', () => {
  const roundTrips: BuilderModel[] = [
    EMPTY_MODEL,
    model({ service: 'frontend' }),
    model({ service: 'a\\b "c" ☃', spanName: 'SELECT users', status: 'ok' }),
    model({ minDuration: '1h30m', maxDuration: '2h' }),
    model({ minDuration: '100ms', minDurationOp: '>', maxDuration: '2s', maxDurationOp: '<' }),
    model({
      filters: [
        { key: 'span.http.status_code', op: '>=', value: '400', type: 'number' },
        { key: 'span.http.status_code', op: '<', value: '500', type: 'number' },
        { key: 'span.http.route', op: '!~', value: '/health.*', type: 'string' },
        { key: 'resource.k8s.pod.name', op: 'missing', value: '', type: 'string' },
        { key: 'span.cache.hit', op: '=', value: 'true', type: 'bool' },
        { key: 'span.code', op: '=', value: '200', type: 'string' },
        { key: '.unscoped', op: '>', value: '1.5', type: 'number' },
        { key: 'span."with space"', op: '=', value: 'x', type: 'string' },
        { key: 'event:timeSinceStart', op: '>', value: '5s', type: 'duration' },
        { key: 'kind', op: '!=', value: 'server', type: 'keyword' },
      ],
    }),
  ];

  it.each(roundTrips.map((m) => [toTraceQL(m), m]))('reads back %s', (text, m) => {
    expect(fromTraceQL(text)).toEqual(m);
    expect(toTraceQL(fromTraceQL(text) ?? EMPTY_MODEL)).toBe(text);
  });

  it('reads hand-written simple queries, including legacy and scoped intrinsics', () => {
    expect(fromTraceQL('{span:name="x"&&span:status=error}')).toEqual(model({ spanName: 'x', status: 'error' }));
  });

  // Regression #19: `duration > 100ms` became an attribute row instead of filling Min duration.
  it.each([
    ['{ duration > 100ms }', model({ minDuration: '100ms', minDurationOp: '>' })],
    ['{ duration >= 100ms }', model({ minDuration: '100ms' })],
    ['{ duration < 1.5s }', model({ maxDuration: '1.5s', maxDurationOp: '<' })],
    ['{ span:duration <= 2s }', model({ maxDuration: '2s' })],
    [
      '{ resource.service.name = "frontend" && duration > 25165824ns && duration < 50ms }',
      model({
        service: 'frontend',
        minDuration: '25165824ns',
        minDurationOp: '>',
        maxDuration: '50ms',
        maxDurationOp: '<',
      }),
    ],
  ])('reads the bounds of %s into the duration fields', (text, m) => {
    expect(fromTraceQL(text)).toEqual(m);
  });

  it('keeps a second bound on duration as an attribute row rather than dropping it', () => {
    expect(fromTraceQL('{ duration > 1s && duration > 2s }')).toEqual(
      model({
        minDuration: '1s',
        minDurationOp: '>',
        filters: [{ key: 'duration', op: '>', value: '2s', type: 'duration' }],
      })
    );
  });

  it.each([
    '{ a = 1 } >> { b = 2 }',
    '{ span.a = 1 || span.b = 2 }',
    '{ (span.a = 1) }',
    '{ span.a = 1 } | count() > 2',
    '{} | rate()',
    '{ span.a > span.b }',
    '{ span.a = 1 } with(most_recent=true)',
    '{ unterminated',
  ])('refuses %s rather than dropping parts of it', (text) => {
    expect(fromTraceQL(text)).toBeUndefined();
  });
});

describe('inferValueType', () => {
  it.each([
    ['500', '=', 'number'],
    ['true', '=', 'bool'],
    ['250ms', '>', 'duration'],
    ['server', '=', 'keyword'],
    ['api', '=', 'string'],
    ['500', '=~', 'string'],
  ] as const)('%s with %s is %s', (value, op, type) => expect(inferValueType(value, op)).toBe(type));
});
