import { flagSet, flagValue, flagValues, intFlag, parseArgs, type FlagSpec } from './args';

const SPECS: FlagSpec[] = [
  { name: 'traces', type: 'list', repeatable: true },
  { name: 'limit', type: 'value' },
  { name: 'tag', type: 'value', repeatable: true },
  { name: 'json', type: 'boolean' },
  { name: 'help', short: 'h', type: 'boolean' },
];

function parsed(argv: string[]) {
  const r = parseArgs(argv, SPECS);
  if (!r.ok) {
    throw new Error(r.error);
  }
  return r.args;
}

describe('parseArgs', () => {
  it('reads --flag value, --flag=value and positionals in any order', () => {
    const a = parsed(['{ }', '--limit', '5', '--tag=a:b', 'second']);
    expect(a.positionals).toEqual(['{ }', 'second']);
    expect(flagValue(a, 'limit')).toBe('5');
    expect(flagValues(a, 'tag')).toEqual(['a:b']);
  });

  it('collects repeated flags in order', () => {
    const a = parsed(['--tag', 'x', '--tag', 'y']);
    expect(flagValues(a, 'tag')).toEqual(['x', 'y']);
  });

  it('takes several values for a list flag until the next flag', () => {
    const a = parsed(['q', '--traces', 'a.json', 'b.json', '--limit', '2', '--traces', 'c.json']);
    expect(flagValues(a, 'traces')).toEqual(['a.json', 'b.json', 'c.json']);
    expect(a.positionals).toEqual(['q']);
  });

  it('stops a list at -- and treats everything after it as positional', () => {
    const a = parsed(['--traces', 'a.json', '--', '--json', '{ .x = 1 }']);
    expect(flagValues(a, 'traces')).toEqual(['a.json']);
    expect(a.positionals).toEqual(['--json', '{ .x = 1 }']);
    expect(flagSet(a, 'json')).toBe(false);
  });

  it('treats - and negative numbers as values', () => {
    const a = parsed(['--traces', '-', '--limit', '-3', '-7']);
    expect(flagValues(a, 'traces')).toEqual(['-']);
    expect(flagValue(a, 'limit')).toBe('-3');
    expect(a.positionals).toEqual(['-7']);
  });

  it('reads boolean flags and short aliases', () => {
    const a = parsed(['--json', '-h']);
    expect(flagSet(a, 'json')).toBe(true);
    expect(flagSet(a, 'help')).toBe(true);
    expect(flagSet(parsed(['--json=false']), 'json')).toBe(false);
  });

  it.each([
    [['--nope'], 'unknown flag --nope'],
    [['--limit'], '--limit needs a value'],
    [['--traces', '--json'], '--traces needs at least one value'],
    [['--limit', '1', '--limit', '2'], '--limit was given more than once'],
    [['--json=yes'], '--json takes no value (or =true/=false), got "yes"'],
  ])('rejects %j: %s', (argv, error) => {
    expect(parseArgs(argv, SPECS)).toEqual({ ok: false, error });
  });
});

describe('intFlag', () => {
  it('accepts whole numbers in range and reports others', () => {
    expect(intFlag(parsed(['--limit', '20']), 'limit', 1, 100)).toEqual({ ok: true, value: 20 });
    expect(intFlag(parsed([]), 'limit', 1, 100)).toEqual({ ok: true, value: undefined });
    expect(intFlag(parsed(['--limit', '2.5']), 'limit', 1, 100)).toEqual({
      ok: false,
      error: '--limit must be a whole number from 1 to 100, got "2.5"',
    });
    expect(intFlag(parsed(['--limit', '0']), 'limit', 1, 100).ok).toBe(false);
  });
});
