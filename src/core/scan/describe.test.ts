import { completenessJson, completenessText, lowerBoundText } from './describe';
import type { Completeness } from './types';

const HOUR = 3_600_000_000_000n;
const T0 = 1_704_067_200_000_000_000n; // 2024-01-01T00:00:00Z

const partial: Completeness = {
  complete: false,
  tracesScanned: 20_000,
  tracesAtLeast: 20_153,
  window: { start: T0, end: T0 + 2n * HOUR },
  covered: [{ start: T0 + HOUR, end: T0 + 2n * HOUR }],
  why: { reason: 'budget', message: 'the budget of 20,000 traces was reached' },
  requests: 57,
  bytes: 1234,
};

describe('describing completeness', () => {
  it('gives the badge text for a lower bound, and none when complete', () => {
    expect(lowerBoundText(partial)).toBe('lower bound: 20,000 of ≥ 20,153 traces, budget reached');
    expect(lowerBoundText({ ...partial, tracesAtLeast: 20_000 })).toBe('lower bound: 20,000 traces, budget reached');
    expect(lowerBoundText({ ...partial, complete: true, why: undefined })).toBeUndefined();
  });

  it('says what was read, why it stopped and what to do', () => {
    expect(completenessText(partial)).toBe(
      'Counts are lower bounds: 20,000 traces read of at least 20,153 in 57 requests; the budget of 20,000 traces ' +
        'was reached; read completely: 2024-01-01T01:00:00Z to 2024-01-01T02:00:00Z. Raise the trace budget ' +
        '(maxTraces, --max-traces) or shorten the time range.'
    );
    expect(completenessText({ ...partial, complete: true, tracesScanned: 3, requests: 1 })).toBe(
      'Complete: every trace in the window was read (3 traces, 1 request).'
    );
  });

  it('turns into plain JSON with RFC 3339 times', () => {
    expect(completenessJson(partial)).toEqual({
      complete: false,
      tracesScanned: 20_000,
      tracesAtLeast: 20_153,
      why: { reason: 'budget', message: 'the budget of 20,000 traces was reached' },
      window: { start: '2024-01-01T00:00:00Z', end: '2024-01-01T02:00:00Z' },
      covered: [{ start: '2024-01-01T01:00:00Z', end: '2024-01-01T02:00:00Z' }],
      requests: 57,
      bytes: 1234,
    });
  });
});
