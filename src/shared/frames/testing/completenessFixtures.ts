import { completeOver } from '../../../core/scan';
import { completenessMeta, type CompletenessMeta } from '../completeness';

/** What a scan stopped by the default budget says: 20,000 read of at least 20,153 in the window. */
export const BUDGET_REACHED: CompletenessMeta = completenessMeta({
  ...completeOver({ start: 0n, end: 600_000_000_000n }, 0),
  complete: false,
  tracesScanned: 20_000,
  tracesAtLeast: 20_153,
  covered: [],
  why: { reason: 'budget', message: 'the budget of 20,000 traces was reached' },
});
