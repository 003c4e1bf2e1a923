import fc from 'fast-check';

import { otEntry, parseThreshold, probabilityFromTraceState, thresholdForProbability } from './tracestate';

describe('sampling threshold (ot=th:)', () => {
  it.each([
    ['0', 1],
    ['8', 1 / 2],
    ['c', 1 / 4],
    ['e', 1 / 8],
    ['f', 1 / 16],
  ])('th:%s is probability %d', (th, p) => {
    const r = parseThreshold(th);
    expect(r.ok && r.probability).toBe(p);
  });

  it('reads the spec examples for 1/10, 1/100 and 1/1000 (rounded thresholds)', () => {
    const p10 = parseThreshold('e666');
    const p100 = parseThreshold('fd70a');
    const p1000 = parseThreshold('ffbe77');
    expect(p10.ok && 1 / p10.probability).toBeCloseTo(10, 2);
    expect(p100.ok && 1 / p100.probability).toBeCloseTo(100, 1);
    expect(p1000.ok && 1 / p1000.probability).toBeCloseTo(1000, 0);
  });

  it.each(['', 'g', 'FD70A', '123456789abcdef', '-1', ' 8'])('rejects invalid threshold "%s" with a reason', (th) => {
    const r = parseThreshold(th);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('invalid sampling threshold');
  });

  it('finds the ot entry among other vendors and ignores other sub-keys', () => {
    expect(otEntry('congo=t61rcWkgMzE,ot=th:c;rv:0123456789abcd')?.get('th')).toBe('c');
    expect(probabilityFromTraceState('congo=t61rcWkgMzE,ot=th:c;rv:0123456789abcd')).toBe(0.25);
    expect(probabilityFromTraceState('congo=t61rcWkgMzE')).toBeUndefined();
    expect(probabilityFromTraceState('ot=rv:0123456789abcd')).toBeUndefined();
    expect(probabilityFromTraceState('ot=th:zz')).toEqual({ invalid: expect.stringContaining('th:zz') });
    expect(probabilityFromTraceState('')).toBeUndefined();
  });

  it('writes thresholds that read back to the same probability', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1, noNaN: true }), (p) => {
        const r = parseThreshold(thresholdForProbability(p));
        return r.ok && Math.abs(r.probability - p) < 1e-12;
      })
    );
    expect(thresholdForProbability(1)).toBe('0');
    expect(thresholdForProbability(0.5)).toBe('8');
    expect(() => thresholdForProbability(0)).toThrow(RangeError);
  });
});
