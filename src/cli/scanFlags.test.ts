import { completenessNotice } from '../core/analysis/runners';
import { completeOver } from '../core/scan';
import { noticeLines } from './scanFlags';

// Regression: `tracelens sampling` at a terminal printed "Complete: every trace in the window was
// read" twice, once on stderr and once as the table's first line.
describe('noticeLines', () => {
  const c = completeOver({ start: 0n, end: 60_000_000_000n }, 12);
  const notices = [completenessNotice(c), { severity: 'warning' as const, text: 'slice 3 failed: HTTP 500' }];

  it('leaves the completeness sentence to the table, which opens with it', () => {
    expect(noticeLines('sampling', notices, c, 'table')).toEqual([
      'tracelens sampling: warning: slice 3 failed: HTTP 500\n',
    ]);
  });

  it('keeps it on stderr for JSON, and when there is no completeness to print in a table', () => {
    const all = [
      'tracelens graph: info: Complete: every trace in the window was read (12 traces, 0 requests).\n',
      'tracelens graph: warning: slice 3 failed: HTTP 500\n',
    ];
    expect(noticeLines('graph', notices, c, 'json')).toEqual(all);
    expect(noticeLines('graph', notices, undefined, 'table')).toEqual(all);
  });
});
