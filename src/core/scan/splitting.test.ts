import fc from 'fast-check';

import { absorb, cutRange, learn, piecesFor, refine, type PendingSlice, type SliceFamily } from './splitting';

const rangeArb = fc
  .tuple(fc.bigInt({ min: 0n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 1_000_000n }))
  .map(([a, b]) => (a <= b ? { start: a, end: b } : { start: b, end: a }));

describe('cutRange', () => {
  it('covers the range exactly with disjoint pieces at least minWidth wide (or leaves it whole)', () => {
    fc.assert(
      fc.property(
        rangeArb,
        fc.array(fc.bigInt({ min: 0n, max: 1_000_000n }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        fc.bigInt({ min: 1n, max: 5_000n }),
        (range, raw, pieces, minWidth) => {
          const sample = raw.filter((t) => t >= range.start && t <= range.end).sort((a, b) => (a < b ? -1 : 1));
          const out = cutRange(range, sample, pieces, minWidth);
          expect(out[0].range.start).toBe(range.start);
          expect(out[out.length - 1].range.end).toBe(range.end);
          for (let i = 1; i < out.length; i++) {
            expect(out[i].range.start).toBe(out[i - 1].range.end + 1n);
          }
          if (out.length > 1) {
            for (const p of out) {
              expect(p.range.end - p.range.start + 1n >= minWidth).toBe(true);
            }
          }
          // Every sample point goes to the piece that contains it.
          expect(out.flatMap((p) => p.sample)).toEqual(sample);
          for (const p of out) {
            expect(p.sample.every((t) => t >= p.range.start && t <= p.range.end)).toBe(true);
          }
        }
      ),
      { numRuns: 300, seed: 5 }
    );
  });

  it('cuts at the sample quantiles, so dense stretches get narrow pieces', () => {
    const sample = [...Array.from({ length: 90 }, (_, i) => 900n + BigInt(i)), 10n, 20n, 30n].sort((a, b) =>
      a < b ? -1 : 1
    );
    const out = cutRange({ start: 0n, end: 999n }, sample, 4, 1n);
    const narrow = out.filter((p) => p.range.start >= 900n);
    expect(narrow.length).toBeGreaterThanOrEqual(3);
  });

  it('never leaves more than half the range in one piece', () => {
    const out = cutRange({ start: 0n, end: 999n }, [990n, 991n, 992n, 993n], 4, 1n);
    expect(out.every((p) => p.range.end - p.range.start + 1n <= 500n)).toBe(true);
  });
});

describe('estimates', () => {
  it('asks for enough pieces to fill each to half the limit, within bounds', () => {
    expect(piecesFor(1000, 500)).toBe(4);
    expect(piecesFor(10, 500)).toBe(2);
    expect(piecesFor(1e9, 500)).toBe(64);
  });

  it('learns from short answers and only rises on full ones', () => {
    const f: SliceFamily = { scale: 10, learned: 0 };
    learn(f, 10, 20, false);
    expect(f).toEqual({ scale: 6, learned: 1 });
    learn(f, 10, 20, true);
    expect(f.scale).toBe(6);
    learn(f, 10, 50, true);
    expect(f.scale).toBe(10);
  });

  it('cuts a pending slice again when it is expected to come back full, and joins nearly empty neighbours', () => {
    const family: SliceFamily = { scale: 100, learned: 1 };
    const busy: PendingSlice = {
      range: { start: 0n, end: 999n },
      sample: [100n, 200n, 300n, 400n, 500n, 600n],
      family,
      limit: 500,
    };
    expect(refine(busy, 1n).length).toBeGreaterThan(1);
    const quiet: SliceFamily = { scale: 1, learned: 1 };
    const pending: PendingSlice[] = [
      { range: { start: 0n, end: 99n }, sample: [5n], family: quiet, limit: 500 },
      { range: { start: 100n, end: 199n }, sample: [150n], family: quiet, limit: 500 },
    ];
    const joined = absorb({ range: { start: 200n, end: 299n }, sample: [250n], family: quiet, limit: 500 }, pending);
    expect(joined.range).toEqual({ start: 0n, end: 299n });
    expect(joined.sample).toEqual([5n, 150n, 250n]);
    expect(pending).toHaveLength(0);
  });

  it('does not join before the family has learned anything', () => {
    const family: SliceFamily = { scale: 1, learned: 0 };
    const pending: PendingSlice[] = [{ range: { start: 0n, end: 99n }, sample: [], family, limit: 500 }];
    const s = absorb({ range: { start: 100n, end: 199n }, sample: [], family, limit: 500 }, pending);
    expect(s.range).toEqual({ start: 100n, end: 199n });
  });
});
