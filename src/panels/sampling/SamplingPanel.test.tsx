import { fireEvent, render, screen, within } from '@testing-library/react';
import { LoadingState, PanelProps, getDefaultTimeRange } from '@grafana/data';
import React from 'react';

import type { ServiceSampling } from '../../core/analysis/sampling';
import { samplingFrame } from '../../shared/frames/samplingFrames';
import { SamplingPanel } from './SamplingPanel';
import { COMPLETENESS_BADGE_TEST_ID } from '../../shared/components/CompletenessBadge';
import { BUDGET_REACHED } from '../../shared/frames/testing/completenessFixtures';
import { withCompleteness } from '../../shared/frames/completeness';
import { DEFAULT_OPTIONS, SamplingPanelOptions, parseRates } from './types';

const frontend: ServiceSampling = {
  service: 'frontend',
  sampler: 'tracestate',
  samplerDetail: 'tracestate ot=th:e666',
  probability: 0.1,
  storedTraces: 600,
  storedSpans: 6000,
  spansPerTrace: 10,
  storedTracesPerSecond: 10,
  storedSpansPerSecond: 100,
  bytesPerSpan: 500,
  estimatedRequests: 6000,
  estimatedRequestsPerSecond: 100,
  estimatedRequestsInterval: [5700, 6300],
  effectiveRate: 0.1,
  errorTraces: 12,
  errorRate: 0.02,
  notes: [],
};
const batch: ServiceSampling = {
  ...frontend,
  service: 'batch',
  sampler: 'rate-limited',
  probability: null,
  estimatedRequests: null,
  estimatedRequestsPerSecond: null,
  estimatedRequestsInterval: null,
  effectiveRate: null,
  notes: ['Rate-limited sampling keeps a fixed number of traces per second.'],
};

function props(rows: ServiceSampling[], options: Partial<SamplingPanelOptions> = {}): PanelProps<SamplingPanelOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    data: { series: [samplingFrame(rows, { windowSeconds: 600 })], state: LoadingState.Done, timeRange },
    options: { ...DEFAULT_OPTIONS, cpuMicrosPerSpan: 50, cpuMicrosPerRequest: 0, ...options },
    width: 900,
    height: 500,
    timeRange,
  } as unknown as PanelProps<SamplingPanelOptions>;
}

describe('SamplingPanel', () => {
  it('shows each service with its sampler, rates, estimate and cost against budget', () => {
    render(<SamplingPanel {...props([frontend, batch])} />);
    const table = screen.getByTestId('sampling-table');
    const rows = within(table).getAllByRole('row');
    const fe = rows.find((r) => r.textContent?.includes('frontend'))!;
    expect(fe).toHaveTextContent('tracestate');
    expect(fe).toHaveTextContent('10%'); // configured and effective
    expect(fe).toHaveTextContent('100/s'); // real requests
    expect(fe).toHaveTextContent('0.50%'); // 100 spans/s × 50µs = 0.5% of a core: within the 1% budget
    const b = rows.find((r) => r.textContent?.includes('batch'))!;
    expect(b).toHaveTextContent('rate limited');
    expect(b).toHaveTextContent('not estimable');
  });

  it('prices candidate rates for the selected service and suggests one within budget', () => {
    render(<SamplingPanel {...props([frontend, batch])} />);
    const whatIf = screen.getByTestId('sampling-whatif');
    // CPU allows 20% (1% / (100 req/s × 10 spans × 50µs)), storage 23%: suggested 20%
    expect(within(whatIf).getByText(/20% \(suggested\)/)).toBeInTheDocument();
    expect(within(whatIf).getAllByText('over').length).toBeGreaterThan(0);
  });

  it('explains when what-if is impossible for a rate-limited service', () => {
    render(<SamplingPanel {...props([frontend, batch])} />);
    fireEvent.click(screen.getByText('batch'));
    expect(screen.getByTestId('sampling-whatif')).toHaveTextContent(/cannot be estimated for batch/);
  });

  it('adds a typed rate to the what-if table', () => {
    render(<SamplingPanel {...props([frontend])} />);
    fireEvent.change(screen.getByLabelText('Try a sampling rate in percent'), { target: { value: '2.5' } });
    expect(within(screen.getByTestId('sampling-whatif')).getByText('2.5%')).toBeInTheDocument();
  });

  it('says when per-request instrumentation alone is over the CPU budget', () => {
    // 100 req/s × 200µs = 2% of a core before any span is recorded
    render(<SamplingPanel {...props([frontend], { cpuMicrosPerRequest: 200 })} />);
    expect(screen.getByTestId('sampling-whatif')).toHaveTextContent(/Instrumentation alone costs 2\.0% of a core/);
  });

  it('keeps the rate, the count and its interval in separate columns (#19)', () => {
    render(<SamplingPanel {...props([frontend, batch])} />);
    const table = screen.getByTestId('sampling-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const fe = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('frontend'))!;
    const cells = within(fe).getAllByRole('cell');
    // The row header (service) is not a cell: cells start at the Sampler column.
    const cell = (header: string) => cells[headers.indexOf(header) - 1].textContent;
    expect(cell('Est. real requests')).toBe('100/s');
    expect(cell('Est. requests in range')).toBe('6000');
    expect(cell('95% interval')).toBe('5700–6300');
  });

  it('writes tiny rates per hour or per day, not 0.0000078/s (#19)', () => {
    const quiet: ServiceSampling = {
      ...frontend,
      storedTraces: 1,
      storedTracesPerSecond: 0.0000078,
      estimatedRequestsPerSecond: 0.000078,
    };
    render(<SamplingPanel {...props([quiet])} />);
    const row = within(screen.getByTestId('sampling-table'))
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('frontend'))!;
    expect(row).toHaveTextContent('0.67/day');
    expect(row).toHaveTextContent('6.7/day');
    expect(row).not.toHaveTextContent(/0\.00000/);
  });

  it('says in words when too few traces are kept to estimate an hourly p99 (#19)', () => {
    render(<SamplingPanel {...props([frontend])} />);
    const whatIf = screen.getByTestId('sampling-whatif');
    const lowest = within(whatIf)
      .getAllByRole('row')
      .find((r) => r.textContent?.startsWith('0.10%'))!;
    expect(lowest).toHaveTextContent('too few traces to estimate');
    expect(whatIf).not.toHaveTextContent(/±\d{3,}%/);
  });

  it('scrolls wide tables sideways inside the panel, the first column pinned (#19)', () => {
    render(<SamplingPanel {...props([frontend, batch])} />);
    for (const id of ['sampling-table-scroll', 'sampling-whatif-scroll']) {
      const scroll = screen.getByTestId(id);
      expect(getComputedStyle(scroll).overflowX).toBe('auto');
      const firstHeader = within(scroll).getAllByRole('columnheader')[0];
      expect(getComputedStyle(firstHeader).position).toBe('sticky');
    }
  });

  it("states the error-rate definition, the service graph's, where the rate is shown and in the help (#19)", () => {
    render(<SamplingPanel {...props([frontend])} />);
    const rate = within(screen.getByTestId('sampling-whatif')).getByText('2.0% failed');
    expect(rate).toHaveAttribute('title', expect.stringMatching(/callee span failed.*as in the service graph/));
    fireEvent.click(screen.getByText('Where these numbers come from'));
    expect(screen.getByText(/requests whose callee span failed/)).toBeInTheDocument();
  });

  it('says what it needs when given other data', () => {
    render(
      <SamplingPanel
        {...({
          ...props([]),
          data: { series: [], state: LoadingState.Done },
        } as unknown as PanelProps<SamplingPanelOptions>)}
      />
    );
    expect(screen.getByTestId('sampling-empty')).toBeInTheDocument();
  });
});

describe('parseRates', () => {
  it('reads percentages', () => {
    expect(parseRates('0.1, 1, 5%, 200, x')).toEqual([0.001, 0.01, 0.05]);
    expect(parseRates('')).toEqual([0.001, 0.01, 0.05, 0.1, 1]);
  });

  it('says in the panel when the counts are lower bounds (#17)', () => {
    const p = props([frontend]);
    const series = [withCompleteness(p.data.series[0], BUDGET_REACHED)];
    render(<SamplingPanel {...p} data={{ ...p.data, series }} />);
    expect(screen.getByTestId(COMPLETENESS_BADGE_TEST_ID)).toHaveTextContent(
      'lower bound: 20,000 of ≥ 20,153 traces, budget reached'
    );
    expect(screen.getByText(/^Stored at least/)).toBeInTheDocument();
    // The table's own figures are lower bounds too, each saying so where it is read.
    const table = screen.getByTestId('sampling-table');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    const fe = within(table)
      .getAllByRole('row')
      .find((r) => r.textContent?.includes('frontend'))!;
    const cells = within(fe).getAllByRole('cell');
    const cell = (header: string) => cells[headers.indexOf(header) - 1].textContent;
    expect(cell('Stored traces')).toBe('at least 10/s');
    expect(cell('Est. real requests')).toBe('at least 100/s');
    expect(cell('Est. requests in range')).toBe('at least 6000');
    // What-if prices rates from that traffic, so its figures are lower bounds as well.
    const whatIf = screen.getByTestId('sampling-whatif');
    expect(whatIf).toHaveTextContent(/^What if frontend sampled at…at least 100/);
    expect(screen.getByTestId('sampling-whatif-lower-bound')).toBeInTheDocument();
    const kept = within(whatIf)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getAllByRole('cell')[0].textContent);
    expect(kept.every((t) => t?.startsWith('at least '))).toBe(true);
  });

  it('shows no badge for complete counts', () => {
    render(<SamplingPanel {...props([frontend])} />);
    expect(screen.queryByTestId(COMPLETENESS_BADGE_TEST_ID)).toBeNull();
    expect(screen.queryByText(/at least/)).toBeNull();
    expect(screen.queryByTestId('sampling-whatif-lower-bound')).toBeNull();
  });
});
