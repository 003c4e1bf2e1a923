import { buildTrace } from '../../engine/testing/traceBuilder';
import { sampleFromSpan, sampleFromTrace } from './samples';

const trace = buildTrace({
  startUnixNano: 1_700_000_000_123_456_789n,
  root: {
    service: 'frontend',
    name: 'GET /dispatch',
    kind: 'server',
    durationNanos: 5_000_000,
    attributes: { 'http.route': '/dispatch', 'http.status_code': 200, big: 9007199254740993n, tags: ['a'] },
    resourceAttributes: { 'deployment.environment': 'demo' },
    children: [
      {
        service: 'api-gateway',
        name: 'GET /users',
        kind: 'server',
        startOffsetNanos: 1_000_000,
        durationNanos: 7_000_000,
        status: 'error',
      },
    ],
  },
});

describe('latency samples', () => {
  it('flattens a span into TraceQL-keyed scalar attributes', () => {
    const s = sampleFromSpan(trace.spans[0]);
    expect(s.attributes).toMatchObject({
      name: 'GET /dispatch',
      kind: 'server',
      status: 'unset',
      'resource.service.name': 'frontend',
      'resource.deployment.environment': 'demo',
      'span.http.route': '/dispatch',
      'span.http.status_code': 200,
      'span.big': '9007199254740993',
    });
    expect(s.attributes['span.tags']).toBeUndefined();
    expect(s.durationNs).toBe(5_000_000);
    expect(s.startMs).toBeCloseTo(1_700_000_000_123.456789, 5);
  });

  it('uses the whole trace extent for trace latency, with the root span attributes', () => {
    const s = sampleFromTrace(trace)!;
    expect(s.durationNs).toBe(8_000_000);
    expect(s.attributes.name).toBe('GET /dispatch');
  });
});
