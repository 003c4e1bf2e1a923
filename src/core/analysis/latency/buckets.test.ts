import fc from 'fast-check';

import { SUB_NANOSECOND_BUCKET, bucketBounds, bucketId, ceilLog2, tempoBucketLabel } from './buckets';
import { lex } from '../../traceql';
import { formatDurationNs, traceqlDuration } from './formatDuration';

describe('ceilLog2', () => {
  it.each([
    [2, 1],
    [3, 2],
    [4, 2],
    [5, 3],
    [1024, 10],
    [1025, 11],
    [2 ** 52, 52],
    [2 ** 52 + 1, 53],
  ])('ceilLog2(%d) = %d', (v, k) => expect(ceilLog2(v)).toBe(k));
});

describe('bucketId at Tempo resolution', () => {
  it('puts a value equal to a power of two in the bucket that power closes (Tempo: 2^ceil(log2 v))', () => {
    expect(bucketId(1024, { resolution: 0 })).toBe(10);
    expect(bucketId(1025, { resolution: 0 })).toBe(11);
    expect(bucketBounds(10, { resolution: 0 })).toEqual({ lowerNs: 512, upperNs: 1024 });
  });

  it('keeps values below 2ns (which Tempo drops) in their own bucket', () => {
    expect(bucketId(0, { resolution: 0 })).toBe(SUB_NANOSECOND_BUCKET);
    expect(bucketId(1, { resolution: 2 })).toBe(SUB_NANOSECOND_BUCKET);
  });

  it('labels buckets with the upper bound in seconds, as Tempo does for durations', () => {
    expect(tempoBucketLabel(30)).toBeCloseTo(1.073741824);
  });
});

describe('bucket invariants', () => {
  it('every value lies in (lower, upper] of its bucket, at every resolution', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: Number.MAX_SAFE_INTEGER }), fc.integer({ min: 0, max: 4 }), (v, r) => {
        const id = bucketId(v, { resolution: r });
        const { lowerNs, upperNs } = bucketBounds(id, { resolution: r });
        return v > lowerNs && v <= upperNs;
      })
    );
  });

  it('finer resolutions refine Tempo buckets (never cross a power-of-two edge)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 2 ** 40 }), fc.integer({ min: 1, max: 4 }), (v, r) => {
        const coarse = bucketId(v, { resolution: 0 });
        const fine = bucketId(v, { resolution: r });
        return Math.floor(fine / 2 ** r) === coarse;
      })
    );
  });

  it('bucket ids increase with duration', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 2 ** 45 }),
        fc.integer({ min: 2, max: 2 ** 45 }),
        fc.integer({ min: 0, max: 3 }),
        (a, b, r) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          return bucketId(lo, { resolution: r }) <= bucketId(hi, { resolution: r });
        }
      )
    );
  });
});

describe('duration formatting', () => {
  it.each([
    [850, '850ns'],
    [12_500, '12.5µs'],
    [3_200_000, '3.2ms'],
    [1_250_000_000, '1.25s'],
    [125e9, '2m5s'],
  ])('%d ns reads as %s', (ns, text) => expect(formatDurationNs(ns)).toBe(text));

  it.each([
    [1e9, '1s'],
    [1_500_000, '1.5ms'],
    [2e6, '2ms'],
    [1234, '1.234us'],
    [999, '999ns'],
    [7200e9, '2h'],
    [90e9, '90s'],
    [61_000_000_001, '61.000000001s'],
    // A log bucket edge (3 × 2^23 ns): exact in ms with decimals, not 25165824ns (#19).
    [25_165_824, '25.165824ms'],
    [262_144, '262.144us'],
    // Sub-bucket edges below 2^r ns are fractional; span durations are whole ns, so floor keeps the same spans.
    [1.5, '1ns'],
  ])('%d ns as TraceQL is %s', (ns, text) => expect(traceqlDuration(ns)).toBe(text));

  it('writes every bucket edge so that TraceQL reads back exactly the same nanoseconds', () => {
    for (const resolution of [0, 1, 2, 3]) {
      for (let id = 2 ** resolution; id < 40 * 2 ** resolution; id++) {
        const { upperNs } = bucketBounds(id, { resolution });
        const tokens = lex(traceqlDuration(upperNs));
        expect(tokens[0]).toMatchObject({ kind: 'duration', num: Math.floor(upperNs) });
      }
    }
  });
});
