import { formatForGraph, graphFormat, pickRateUnit } from './format';

const red = (requestRate: number | null) => ({ requestRate });

describe('pickRateUnit', () => {
  it('reads per second when most rates are at least 1/s', () => {
    expect(pickRateUnit([12, 3, 0.5])).toBe('s');
    expect(pickRateUnit([2, 0.5])).toBe('s');
  });

  it('reads per minute when most rates are below 1/s, even with one hot call', () => {
    expect(pickRateUnit([40, 0.2, 0.1])).toBe('min');
  });

  it('ignores unknown and zero rates, and defaults to per second', () => {
    expect(pickRateUnit([null, 0, 0.05])).toBe('min');
    expect(pickRateUnit([null, 0])).toBe('s');
  });
});

describe('graphFormat', () => {
  it('shows every rate of a graph in the one unit picked for it (regression #19: "/s" beside "/min")', () => {
    const format = formatForGraph({ nodes: [red(10), red(0.1)], edges: [red(10), red(0.1), red(0.1)] });
    expect(format.unit).toBe('min');
    expect([10, 0.1].map((r) => format.rate(r, 0))).toEqual(['600 req/min', '6.0 req/min']);
  });

  it('rounds the same way for labels and tooltips, differing only in how a lower bound is said', () => {
    const format = graphFormat('s', true);
    expect(format.rate(1.26, 0)).toBe('at least 1.3 req/s');
    expect(format.rateShort(1.26, 0)).toBe('≥ 1.3 req/s');
    expect(graphFormat('s').rate(1.26, 0)).toBe(graphFormat('s').rateShort(1.26, 0));
  });

  it('keeps two significant digits below 1 and none above 100', () => {
    const format = graphFormat('s');
    expect(format.rate(0.0123, 0)).toBe('0.012 req/s');
    expect(format.rate(123.4, 0)).toBe('123 req/s');
    expect(format.rate(0, 0)).toBe('0 req/s');
  });

  it('counts calls when the source gave no window to make a rate from', () => {
    expect(graphFormat('min').rate(null, 12_345)).toBe('12.3k calls');
  });
});
