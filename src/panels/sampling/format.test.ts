import { formatCount, formatCpuPercent, formatP99Error, formatRate, formatStoragePerDay } from './format';

describe('sampling panel formats (#19)', () => {
  it.each([
    [100, '', '100/s'],
    [2.5, '', '2.5/s'],
    [0.084, '', '5.0/min'],
    [0.0000078, '', '0.67/day'],
    [1 / 3600, '', '1.0/h'],
    [0.0002, 'traces', '17 traces/day'],
    [0.0005, 'traces', '1.8 traces/h'],
    [0, 'traces', '0 traces/s'],
    [12_345, '', '12.3k/s'],
  ])('%p per second reads %p %p', (v, noun, text) => expect(formatRate(v, noun)).toBe(text));

  it('writes nothing it cannot know as a dash', () => {
    expect(formatRate(null)).toBe('–');
    expect(formatRate(Number.NaN)).toBe('–');
    expect(formatCount(null)).toBe('–');
  });

  it('writes counts whole', () => {
    expect(formatCount(301.6)).toBe('302');
    expect(formatCount(12_400)).toBe('12.4k');
  });

  it.each([
    [0.5, '0.50%'],
    [12.34, '12%'],
    [123.4, '123%'],
    [0.0000012, '< 0.01%'],
    [0, '0%'],
  ])('CPU %p%% of a core reads %p', (v, text) => expect(formatCpuPercent(v)).toBe(text));

  it.each([
    [3.2, '3.2 GB/day'],
    [0.25, '250 MB/day'],
    [1234, '1234 GB/day'],
    [0.0000123, '12 kB/day'],
  ])('%p GB/day reads %p', (v, text) => expect(formatStoragePerDay(v)).toBe(text));

  it('says in words when an hourly p99 cannot be estimated, not ±5976%', () => {
    expect(formatP99Error(59.76)).toBe('too few traces to estimate');
    expect(formatP99Error(Infinity)).toBe('no traces kept');
    expect(formatP99Error(0.1)).toBe('±10%');
  });
});
