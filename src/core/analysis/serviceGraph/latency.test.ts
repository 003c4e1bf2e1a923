import fc from 'fast-check';

import { LatencyAccumulator } from './latency';

describe('LatencyAccumulator', () => {
  it('gives exact nearest-rank percentiles on small sets', () => {
    const acc = new LatencyAccumulator();
    for (let i = 1; i <= 100; i++) {
      acc.add(i);
    }
    expect(acc.isExact).toBe(true);
    expect(acc.summary()).toEqual({ p50Ms: 50, p95Ms: 95, p99Ms: 99, avgMs: 50.5 });
  });

  it('returns null when empty and ignores negative or non-finite samples', () => {
    const acc = new LatencyAccumulator();
    acc.add(-1);
    acc.add(NaN);
    expect(acc.summary()).toBeNull();
    expect(acc.quantile(0.5)).toBeNull();
  });

  it('switches to a bounded histogram on large sets, within 2.5% of the exact answer', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1e6, noNaN: true }), { minLength: 3000, maxLength: 4000 }),
        (xs) => {
          const acc = new LatencyAccumulator();
          xs.forEach((x) => acc.add(x));
          expect(acc.isExact).toBe(false);
          const sorted = [...xs].sort((a, b) => a - b);
          for (const p of [0.5, 0.95, 0.99]) {
            const exact = sorted[Math.ceil(p * sorted.length) - 1];
            const got = acc.quantile(p)!;
            expect(Math.abs(got - exact) / exact).toBeLessThan(0.025);
          }
        }
      ),
      { numRuns: 20 }
    );
  });
});

describe('LatencyAccumulator.merge', () => {
  it('gives the same figures as adding every sample to one accumulator', () => {
    const values = Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1000) + 0.5);
    for (const cut of [10, 2000, 2500, 4990]) {
      const whole = new LatencyAccumulator();
      values.forEach((v) => whole.add(v));
      const a = new LatencyAccumulator();
      const b = new LatencyAccumulator();
      values.slice(0, cut).forEach((v) => a.add(v));
      values.slice(cut).forEach((v) => b.add(v));
      const merged = a.clone();
      merged.merge(b);
      expect(merged.count).toBe(whole.count);
      expect(merged.summary()).toEqual(whole.summary());
      expect(a.count).toBe(cut);
    }
  });
});
