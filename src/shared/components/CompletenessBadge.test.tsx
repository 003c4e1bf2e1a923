import { render, screen } from '@testing-library/react';
import React from 'react';

import { completeOver } from '../../core/scan';
import { completenessMeta } from '../frames/completeness';
import { COMPLETENESS_BADGE_TEST_ID, CompletenessBadge } from './CompletenessBadge';

const window = { start: 1_700_000_000_000_000_000n, end: 1_700_003_600_000_000_000n };
const complete = completeOver(window, 300);
const budget = {
  ...complete,
  complete: false,
  tracesScanned: 20_000,
  tracesAtLeast: 20_153,
  covered: [],
  why: { reason: 'budget' as const, message: 'the budget of 20,000 traces was reached' },
};

describe('CompletenessBadge', () => {
  it('shows the lower bound and why, with the whole sentence for screen readers', () => {
    render(<CompletenessBadge meta={completenessMeta(budget)} />);
    const badge = screen.getByTestId(COMPLETENESS_BADGE_TEST_ID);
    expect(badge).toHaveTextContent('lower bound: 20,000 of ≥ 20,153 traces, budget reached');
    expect(badge).toHaveAccessibleName(/^Counts are lower bounds: 20,000 traces read of at least 20,153/);
  });

  it('says a partial result is being read', () => {
    render(<CompletenessBadge meta={completenessMeta({ ...budget, why: undefined, tracesScanned: 500 }, true)} />);
    expect(screen.getByTestId(COMPLETENESS_BADGE_TEST_ID)).toHaveTextContent('reading the window: 500 traces so far');
  });

  it('shows nothing for complete numbers or frames that say nothing', () => {
    const { container } = render(
      <>
        <CompletenessBadge meta={completenessMeta(complete)} />
        <CompletenessBadge meta={undefined} />
      </>
    );
    expect(container).toBeEmptyDOMElement();
  });
});
