import type { TraceLensClient } from '../client/types';
import { completeOver, type Completeness } from '../../core/scan';
import { SEARCH_RESPONSE, TRACE } from './fixtures';

/** What a complete scan of an empty hour reports. */
export const COMPLETE: Completeness = completeOver(
  { start: 1_700_000_000_000_000_000n, end: 1_700_003_600_000_000_000n },
  0
);

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
    serviceGraph: jest.fn().mockResolvedValue({
      graph: { nodes: [], edges: [], windowSeconds: 60, source: 'traces' },
      notices: [],
      completeness: COMPLETE,
    }),
    dependencyGraph: jest.fn().mockResolvedValue({
      graph: { nodes: [], edges: [], windowSeconds: 60, source: 'dependencies' },
      notices: [],
    }),
    latency: jest.fn().mockResolvedValue({ samples: [], notices: [], completeness: COMPLETE }),
    sampling: jest.fn().mockResolvedValue({ rows: [], notices: [], sources: [], completeness: COMPLETE }),
    ...over,
  };
}
