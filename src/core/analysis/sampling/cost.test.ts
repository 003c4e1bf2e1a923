import { CANDIDATE_RATES, costAt, suggestRate, whatIf } from './cost';

const model = { cpuMicrosPerSpan: 50, cpuMicrosPerRequest: 0, bytesPerSpan: 500 };

describe('costAt', () => {
  it('turns spans per second into CPU share of a core and GB per day', () => {
    const c = costAt(1000, model);
    expect(c.cpuPercentOfCore).toBeCloseTo(5); // 1000 × 50µs = 50ms per second
    expect(c.storageGBPerDay).toBeCloseTo(43.2); // 1000 × 500 B × 86400 s
    expect(costAt(10, { ...model, bytesPerSpan: null }).storageGBPerDay).toBeNull();
  });

  it('adds the per-request instrumentation cost that sampling does not remove', () => {
    const c = costAt(10, { ...model, cpuMicrosPerRequest: 1000 }, 100);
    expect(c.cpuFloorPercentOfCore).toBeCloseTo(10); // 100 req/s × 1ms
    expect(c.cpuPercentOfCore).toBeCloseTo(10.05);
    expect(costAt(10, { ...model, cpuMicrosPerRequest: 1000 }).cpuFloorPercentOfCore).toBe(0);
  });
});

describe('whatIf', () => {
  const input = {
    requestsPerSecond: 100,
    spansPerTrace: 10,
    errorRate: 0.02,
    model,
    cpuBudgetPercent: 1,
    storageBudgetGBPerDay: 10,
  };
  const rows = whatIf(input);

  it('prices every candidate rate', () => {
    expect(rows.map((r) => r.rate)).toEqual([...CANDIDATE_RATES]);
    const tenPercent = rows.find((r) => r.rate === 0.1)!;
    expect(tenPercent.tracesPerSecond).toBeCloseTo(10);
    expect(tenPercent.cost.cpuPercentOfCore).toBeCloseTo(0.5);
    expect(tenPercent.errorTracesPerHour).toBeCloseTo(720);
    // 36,000 kept traces an hour: the p99 rests on ~360 of them → relative error ≈ 5.3%
    expect(tenPercent.p99RelativeError).toBeCloseTo(1 / Math.sqrt(360));
  });

  it('marks which rates fit the budgets', () => {
    expect(rows.find((r) => r.rate === 1)!.withinBudget).toBe(false);
    expect(rows.find((r) => r.rate === 0.01)!.withinBudget).toBe(true);
  });

  it('suggests the highest affordable rate', () => {
    // CPU allows 20%, storage allows 10 / 43.2 ≈ 23%: the rate is 0.2
    expect(suggestRate(input)).toBeCloseTo(0.2);
    expect(suggestRate({ ...input, requestsPerSecond: 1 })).toBe(1);
    expect(suggestRate({ ...input, requestsPerSecond: 1e9 })).toBeNull();
  });

  it('leaves only the room above the per-request floor for recording', () => {
    // floor: 100 req/s × 50µs = 0.5%; recording at 100% costs 5%: room 0.5% → 10%
    expect(suggestRate({ ...input, model: { ...model, cpuMicrosPerRequest: 50 } })).toBeCloseTo(0.1);
  });

  it('suggests nothing when instrumentation alone exceeds the CPU budget', () => {
    const heavy = { ...input, model: { ...model, cpuMicrosPerRequest: 200 } }; // floor 2% > 1%
    expect(suggestRate(heavy)).toBeNull();
    expect(whatIf(heavy).every((r) => !r.withinBudget)).toBe(true);
  });
});
