/**
 * The request path of the tracing guide as a test trace:
 * frontend GET /checkout → api-gateway → auth-service, user-service → database.
 */
import type { Trace } from '../../model/types';
import { buildTrace } from './traceBuilder';

export function checkoutTrace(seq = 1): Trace {
  return buildTrace({
    seq,
    root: {
      service: 'frontend',
      name: 'GET /checkout',
      kind: 'server',
      durationNanos: 120_000_000,
      attributes: { 'http.method': 'GET', 'http.status_code': 500 },
      resourceAttributes: { 'deployment.environment': 'prod' },
      children: [
        {
          service: 'api-gateway',
          name: 'POST /api/orders',
          kind: 'server',
          startOffsetNanos: 1_000_000,
          durationNanos: 100_000_000,
          attributes: { 'http.method': 'POST', 'http.status_code': 500, tags: ['a', 'b'] },
          children: [
            {
              service: 'auth-service',
              name: 'authenticate',
              kind: 'server',
              startOffsetNanos: 2_000_000,
              durationNanos: 10_000_000,
              status: 'ok',
              scope: { name: 'auth-lib', version: '1.2.0' },
            },
            {
              service: 'user-service',
              name: 'load user',
              kind: 'server',
              startOffsetNanos: 13_000_000,
              durationNanos: 80_000_000,
              status: 'error',
              statusMessage: 'db timeout',
              attributes: { retries: 2, ratio: 0.5 },
              events: [{ name: 'exception', offsetNanos: 70_000_000, attributes: { 'exception.type': 'Timeout' } }],
              children: [
                {
                  service: 'database',
                  name: 'SELECT users',
                  kind: 'client',
                  startOffsetNanos: 14_000_000,
                  durationNanos: 75_000_000,
                  status: 'error',
                  attributes: { 'db.system': 'postgresql', 'db.rows': 9_007_199_254_740_993n },
                  links: [{ traceId: 'f'.repeat(32), spanId: 'e'.repeat(16), attributes: { 'link.kind': 'batch' } }],
                },
              ],
            },
          ],
        },
      ],
    },
  });
}
