import fc from 'fast-check';

import { readUnixNanos, splitDecimalNanos, toEpochMs, toUnixNanos, type SplitTime } from './unixTime';

const split = (): SplitTime => ({ seconds: 0, nanos: 0 });

describe('instants as seconds + nanoseconds', () => {
  it('splits decimal nanoseconds exactly, up to uint64', () => {
    const out = split();
    expect(splitDecimalNanos('1764092934000000123', out)).toBe(true);
    expect(out).toEqual({ seconds: 1764092934, nanos: 123 });
    expect(splitDecimalNanos('18446744073709551615', out)).toBe(true);
    expect(toUnixNanos(out.seconds, out.nanos)).toBe(18446744073709551615n);
    expect(splitDecimalNanos('999', out)).toBe(true);
    expect(out).toEqual({ seconds: 0, nanos: 999 });
    for (const bad of ['', '12a4', '-5', '1'.repeat(21)]) {
      expect(splitDecimalNanos(bad, out)).toBe(false);
    }
  });

  it('reads strings, numbers, signs and absence as the model did, and names the field otherwise', () => {
    const out = split();
    readUnixNanos(1764092934000000000, 't', out);
    expect(toUnixNanos(out.seconds, out.nanos)).toBe(1764092934000000000n);
    readUnixNanos('-1500000000', 't', out);
    expect(out).toEqual({ seconds: -2, nanos: 500000000 });
    expect(toUnixNanos(out.seconds, out.nanos)).toBe(-1500000000n);
    readUnixNanos(undefined, 't', out);
    expect(out).toEqual({ seconds: 0, nanos: 0 });
    expect(() => readUnixNanos('soon', 'startTimeUnixNano', out)).toThrow(/nanoseconds since the epoch/);
    expect(() => readUnixNanos(1.5, 'startTimeUnixNano', out)).toThrow(/nanoseconds since the epoch/);
  });

  it('gives the same milliseconds as Number(ns / 1000n) / 1000, before and after the epoch', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 60n), max: 2n ** 63n }), (ns) => {
        const out = split();
        readUnixNanos(ns.toString(), 't', out);
        expect(toUnixNanos(out.seconds, out.nanos)).toBe(ns);
        expect(toEpochMs(out.seconds, out.nanos)).toBe(Number(ns / 1000n) / 1000);
      }),
      { seed: 18, numRuns: 2000 }
    );
  });
});
