import fc from 'fast-check';

import { coversWindow, intersectRanges, mergeRanges } from './ranges';

const rangesArb = fc.array(
  fc.tuple(fc.bigInt({ min: 0n, max: 200n }), fc.bigInt({ min: 0n, max: 200n })).map(([a, b]) => ({
    start: a < b ? a : b,
    end: a < b ? b : a,
  })),
  { maxLength: 12 }
);

function instants(ranges: ReadonlyArray<{ start: bigint; end: bigint }>): Set<bigint> {
  const out = new Set<bigint>();
  for (const r of ranges) {
    for (let t = r.start; t <= r.end; t++) {
      out.add(t);
    }
  }
  return out;
}

describe('ranges', () => {
  it('merging keeps exactly the same instants in disjoint, non-touching ranges', () => {
    fc.assert(
      fc.property(rangesArb, (ranges) => {
        const merged = mergeRanges(ranges);
        expect(instants(merged)).toEqual(instants(ranges));
        for (let i = 1; i < merged.length; i++) {
          expect(merged[i].start > merged[i - 1].end + 1n).toBe(true);
        }
      }),
      { seed: 3 }
    );
  });

  it('intersection keeps the instants every list has', () => {
    fc.assert(
      fc.property(rangesArb, rangesArb, (a, b) => {
        const both = instants(intersectRanges([a, b]));
        const ia = instants(a);
        const ib = instants(b);
        expect(both).toEqual(new Set([...ia].filter((t) => ib.has(t))));
      }),
      { seed: 4 }
    );
  });

  it('says whether merged ranges cover a window', () => {
    expect(
      coversWindow(
        mergeRanges([
          { start: 0n, end: 4n },
          { start: 5n, end: 9n },
        ]),
        { start: 1n, end: 9n }
      )
    ).toBe(true);
    expect(
      coversWindow(
        mergeRanges([
          { start: 0n, end: 4n },
          { start: 6n, end: 9n },
        ]),
        { start: 1n, end: 9n }
      )
    ).toBe(false);
  });
});
