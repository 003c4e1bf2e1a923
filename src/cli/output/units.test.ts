import { formatCount, formatMs, formatPercent, formatRate } from './units';

describe('CLI units', () => {
  it.each([
    [0.0005, '500 ns'],
    [0.85, '850 µs'],
    [12.345, '12.3 ms'],
    [100, '100 ms'],
    [1052, '1.05 s'],
    [150_000, '2.5 min'],
    [0, '0 ms'],
    [null, '-'],
    [NaN, '-'],
  ])('duration %s ms prints as %s', (ms, text) => expect(formatMs(ms)).toBe(text));

  // Regression #19: "0.0000078/s" in the sampling table; tiny rates move to a larger unit.
  it.each([
    [12.5, '12.5/s'],
    [1, '1/s'],
    [0.05, '3/min'],
    [0.001, '3.6/h'],
    [0.0001, '8.64/day'],
    [0.0000078, '0.674/day'],
    [1e-12, '0.0000000864/day'],
    [0, '0/s'],
    [null, '-'],
  ])('rate %s per second prints as %s', (r, text) => expect(formatRate(r)).toBe(text));

  it('prints shares as percentages and counts with separators', () => {
    expect(formatPercent(0.125)).toBe('12.5%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPercent(null)).toBe('-');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(12.34)).toBe('12.3');
    expect(formatCount(null)).toBe('-');
  });
});
