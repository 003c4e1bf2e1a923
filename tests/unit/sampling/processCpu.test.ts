import { readFileSync } from 'node:fs';

import { groupCpuMs, parseProcStat } from '../../../demo/sampling/processCpu';

describe('parseProcStat', () => {
  it('reads pid, process group and utime + stime, even with spaces and parentheses in the name', () => {
    const line =
      '4242 (node (tsx) x) S 1 4240 4240 0 -1 4194560 12000 0 3 0 1530 270 0 0 20 0 11 0 123456 1000000 20000';
    expect(parseProcStat(line)).toEqual({ pid: 4242, pgrp: 4240, ticks: 1800 });
  });

  it('returns undefined for a line that is not a stat line', () => {
    expect(parseProcStat('garbage')).toBeUndefined();
    expect(parseProcStat('12 (x) S 1')).toBeUndefined();
  });
});

describe('groupCpuMs', () => {
  it("counts this process's own group and grows as it burns CPU", () => {
    const pgid = Number(parseProcStat(readFileSync('/proc/self/stat', 'utf8'))?.pgrp);
    const before = groupCpuMs([pgid]);
    const until = performance.now() + 150;
    let x = 0;
    while (performance.now() < until) {
      x += Math.sqrt(x + 1);
    }
    expect(x).toBeGreaterThan(0);
    expect(groupCpuMs([pgid])).toBeGreaterThan(before);
    expect(groupCpuMs([-1])).toBe(0);
  });
});
