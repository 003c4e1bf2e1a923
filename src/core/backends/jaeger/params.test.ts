import { goDurationMicros, rfc3339Nano, unixMicros, unixMillis } from './params';

describe('Jaeger parameter formats', () => {
  it('formats RFC3339Nano exactly from nanoseconds', () => {
    expect(rfc3339Nano(1764092934123456789n)).toBe('2025-11-25T17:48:54.123456789Z');
    expect(rfc3339Nano(0n)).toBe('1970-01-01T00:00:00.000000000Z');
    expect(rfc3339Nano(-1n)).toBe('1969-12-31T23:59:59.999999999Z');
  });

  it('rounds duration bounds outwards to whole microseconds', () => {
    expect(goDurationMicros(1999, 'down')).toBe('1us');
    expect(goDurationMicros(1001, 'up')).toBe('2us');
    expect(goDurationMicros(2000, 'up')).toBe('2us');
    expect(goDurationMicros(100_000_000, 'down')).toBe('100000us');
  });

  it('converts instants to microseconds and milliseconds', () => {
    expect(unixMicros(1500n, 'down')).toBe('1');
    expect(unixMicros(1500n, 'up')).toBe('2');
    expect(unixMicros(3000n, 'up')).toBe('3');
    expect(unixMillis(1764092934123456789n)).toBe('1764092934123');
  });
});
