import type { TraceLensClient } from '../client/types';
import { SEARCH_RESPONSE, TRACE } from './fixtures';

/** A client whose every method is a jest.fn with a sensible answer; tests override what they need. */
export function fakeClient(over: Partial<Record<keyof TraceLensClient, jest.Mock>> = {}): {
  [K in keyof TraceLensClient]: jest.Mock;
} {
  return {
    // What the real client reports for a Jaeger api_v3 server (datasource.http.test.ts checks it).
    detect: jest.fn().mockResolvedValue({ kind: 'jaeger', api: 'v3', message: 'Jaeger api_v3, 5 services' }),
    search: jest.fn().mockResolvedValue({ response: SEARCH_RESPONSE, notices: [] }),
    getTrace: jest.fn().mockResolvedValue(TRACE),
    services: jest.fn().mockResolvedValue(['api-gateway', 'frontend']),
    operations: jest.fn().mockResolvedValue(['GET /users']),
    tags: jest.fn().mockResolvedValue([
      { name: 'resource', tags: ['service.name'] },
      { name: 'span', tags: ['http.route'] },
      { name: 'intrinsic', tags: ['duration', 'status'] },
    ]),
    tagValues: jest.fn().mockResolvedValue(['api-gateway', 'frontend']),
    metrics: jest.fn().mockResolvedValue({ series: [], notices: [] }),
    explain: jest.fn().mockResolvedValue('Jaeger: service and operation pushed down; the rest runs in the browser.'),
    serviceGraph: jest
      .fn()
      .mockResolvedValue({ graph: { nodes: [], edges: [], windowSeconds: 60, source: 'traces' }, notices: [] }),
    latency: jest.fn().mockResolvedValue({ samples: [], notices: [] }),
    sampling: jest.fn().mockResolvedValue({ rows: [], notices: [], sources: [] }),
    ...over,
  };
}
