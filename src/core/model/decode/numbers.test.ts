import { fastDurationNanos, int64Value, unixNanos } from './numbers';

describe('number decoding', () => {
  it('keeps safe integers as numbers and larger ones exact as bigint', () => {
    expect(int64Value('42', 'x')).toBe(42);
    expect(int64Value(-7, 'x')).toBe(-7);
    expect(int64Value('9007199254740993', 'x')).toBe(9007199254740993n);
    expect(int64Value('-9223372036854775808', 'x')).toBe(-9223372036854775808n);
    expect(() => int64Value('1e3', 'x')).toThrow('expected an integer, got "1e3"');
  });

  it('reads nanosecond instants exactly', () => {
    expect(unixNanos('1764070000123456789', 't')).toBe(1764070000123456789n);
    expect(unixNanos(undefined, 't')).toBe(0n);
    expect(() => unixNanos('12:00', 't')).toThrow('expected nanoseconds since the epoch');
  });

  it('computes durations from the digit tails when that is exact', () => {
    expect(fastDurationNanos('1764070000123456789', '1764070000123457000')).toBe(211);
    expect(fastDurationNanos('1764070000000000000', '1764070999999999999')).toBe(999999999999);
  });

  it('declines when the shortcut could be wrong, so the caller uses bigint', () => {
    // crosses a 10^15 ns boundary
    expect(fastDurationNanos('1764999999999999999', '1765000000000000001')).toBe(-1);
    expect(fastDurationNanos('999999999999999999', '1000000000000000001')).toBe(-1);
    expect(fastDurationNanos('17640700001234567x9', '1764070000123457009')).toBe(-1);
    expect(fastDurationNanos('12', '15')).toBe(-1);
  });
});
