import { parseTimeShift } from './timeShift';

describe('parseTimeShift', () => {
  it.each([
    ['', 0],
    ['0', 0],
    ['5s', 5000],
    ['-1m', -60_000],
    ['+1h30m', 5_400_000],
    ['250ms', 250],
    ['1.5s', 1500],
  ])('%j is %d ms', (input, ms) => expect(parseTimeShift(input)).toBe(ms));

  it.each(['soon', '5', '1x', '-', '1m-2s'])('%j is not a shift', (input) =>
    expect(parseTimeShift(input)).toBeUndefined()
  );
});
