import fc from 'fast-check';
import { coveredInterval, instantGrid, rangeGrid, stepOf, stepStamp } from './timeGrid';

// Cases computed by hand from the rule in timeGrid.ts (Tempo 2.9+): a range rounds `from` down to A
// and `to` up to E, stamps samples A, A+s, ..., E, and sample t holds starts in (t - s, t].
const S = 1_000_000_000n;
const T0 = 1_704_067_200n * S; // 2024-01-01T00:00:00Z, a multiple of 10 s
const STEP = 10n * S;

describe('range grid, aligned range [T0, T0+30s], step 10s', () => {
  const g = rangeGrid(T0, T0 + 30n * S, STEP);

  it('stamps 4 samples at T0, T0+10s, T0+20s, T0+30s: no trailing step after the aligned end', () => {
    expect(g.count).toBe(4);
    expect([0, 1, 2, 3].map((i) => stepStamp(g, i) - T0)).toEqual([0n, 10n * S, 20n * S, 30n * S]);
  });

  it.each([
    ['exactly t - step of the first sample (T0-10s): left-open, not counted', -10n * S, -1],
    ['one ns later (T0-10s+1ns): first sample', -10n * S + 1n, 0],
    ['a start before `from` inside the first step (T0-9s)', -9n * S, 0],
    ['exactly the start T0, a stamp: right-closed, first sample', 0n, 0],
    ['one ns after the start', 1n, 1],
    ['exactly a stamp t = T0+10s: the sample stamped t', 10n * S, 1],
    ['one ns after that stamp', 10n * S + 1n, 2],
    ['exactly the end T0+30s: the last sample', 30n * S, 3],
    ['one ns after the end: not counted', 30n * S + 1n, -1],
  ])('%s', (_name, offset, step) => {
    expect(stepOf(g, T0 + offset)).toBe(step);
  });

  it('covers (T0-10s, T0+30s]', () => {
    expect(coveredInterval(g)).toEqual({ start: T0 - 10n * S + 1n, end: T0 + 30n * S });
  });
});

describe('range grid, unaligned range [T0+3s, T0+21s], step 10s', () => {
  const g = rangeGrid(T0 + 3n * S, T0 + 21n * S, STEP);

  it('rounds to the same grid as [T0, T0+30s]', () => {
    expect(g).toEqual(rangeGrid(T0, T0 + 30n * S, STEP));
  });

  it.each([
    ['the asked start T0+3s', 3n * S, 1],
    ['T0-5s, before the asked start but inside the first step', -5n * S, 0],
    ['the asked end T0+21s', 21n * S, 3],
    ['T0+29s, after the asked end but before the aligned end', 29n * S, 3],
  ])('%s', (_name, offset, step) => {
    expect(stepOf(g, T0 + offset)).toBe(step);
  });
});

describe('range grid within one step of the epoch', () => {
  it('has no extra first step when the aligned start is at most one step (Tempo guards the subtraction)', () => {
    const g = rangeGrid(5n * S, 25n * S, STEP);
    expect(g.count).toBe(3);
    expect([0, 1, 2].map((i) => stepStamp(g, i))).toEqual([10n * S, 20n * S, 30n * S]);
    expect(stepOf(g, 0n)).toBe(-1);
    expect(stepOf(g, 1n)).toBe(0);
  });
});

describe('instant grid [T0+3s, T0+27s]', () => {
  const g = instantGrid(T0 + 3n * S, T0 + 27n * S);

  it('is one sample stamped at the end', () => {
    expect(g.count).toBe(1);
    expect(stepStamp(g, 0)).toBe(T0 + 27n * S);
  });

  it.each([
    ['one ns before the start', 3n * S - 1n, -1],
    ['exactly the start: included', 3n * S, 0],
    ['exactly the end: included', 27n * S, 0],
    ['one ns after the end', 27n * S + 1n, -1],
  ])('%s', (_name, offset, step) => {
    expect(stepOf(g, T0 + offset)).toBe(step);
  });
});

describe('range grid (property)', () => {
  // The expected interval is computed here from the rule in whole steps, not with the grid's code.
  const expectedCover = (from: bigint, to: bigint, step: bigint) => {
    const a = (from / step) * step;
    const e = to % step === 0n ? to : (to / step + 1n) * step;
    const lower = a > step ? a - step : a;
    return { lower, e };
  };

  it('puts every start inside (lower, E] in exactly one step whose interval holds it, and nothing else', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10_000n }),
        fc.bigInt({ min: 0n, max: 50_000n }),
        fc.bigInt({ min: 1n, max: 50_000n }),
        fc.array(fc.bigInt({ min: -20_000n, max: 80_000n }), { maxLength: 40 }),
        (step, fromOffset, length, starts) => {
          const from = T0 + fromOffset;
          const to = from + length;
          const g = rangeGrid(from, to, step);
          const { lower, e } = expectedCover(from, to, step);
          for (const offset of starts) {
            const t = from + offset;
            const i = stepOf(g, t);
            if (t > lower && t <= e) {
              expect(i).toBeGreaterThanOrEqual(0);
              expect(i).toBeLessThan(g.count);
              const stamp = stepStamp(g, i);
              expect(t > stamp - step && t <= stamp).toBe(true);
            } else {
              expect(i).toBe(-1);
            }
          }
          expect(stepStamp(g, g.count - 1)).toBe(e);
        }
      ),
      { seed: 20, numRuns: 300 }
    );
  });
});
