import { anchoredRegexCacheSize, compileAnchoredRegex } from './compileAnchoredRegex';

function mustCompile(pattern: string): (s: string) => boolean {
  const re = compileAnchoredRegex(pattern);
  if (!re.ok) {
    throw new Error(re.message);
  }
  return re.test;
}

describe('compileAnchoredRegex', () => {
  it('anchors at both ends like Tempo (=~ "bar" means ^bar$)', () => {
    const test = mustCompile('bar');
    expect(test('bar')).toBe(true);
    expect(test('xbar')).toBe(false);
    expect(test('barx')).toBe(false);
  });

  it('anchors every alternative, not just the first and last', () => {
    const test = mustCompile('a|b');
    expect(test('a')).toBe(true);
    expect(test('b')).toBe(true);
    expect(test('ab')).toBe(false);
  });

  it('supports RE2 syntax used in Tempo docs', () => {
    expect(mustCompile('.*ser.*')('user-service')).toBe(true);
    expect(mustCompile('5\\d\\d')('503')).toBe(true);
    expect(mustCompile('(?i)GET')('get')).toBe(true);
    expect(mustCompile('[[:alpha:]]+')('abc')).toBe(true);
  });

  it('returns an error value for syntax RE2 rejects, never throws', () => {
    const unclosed = compileAnchoredRegex('(');
    expect(unclosed.ok).toBe(false);
    expect(!unclosed.ok && unclosed.message).toContain('missing closing )');
    const lookahead = compileAnchoredRegex('(?=a)');
    expect(lookahead.ok).toBe(false);
    const backref = compileAnchoredRegex('(a)\\1');
    expect(backref.ok).toBe(false);
  });

  it('runs a pathological pattern in linear time', () => {
    const test = mustCompile('(a+)+$');
    expect(test('a'.repeat(50_000) + 'b')).toBe(false);
  });

  it('keeps the cache bounded', () => {
    for (let i = 0; i < 1000; i++) {
      compileAnchoredRegex(`p${i}`);
    }
    expect(anchoredRegexCacheSize()).toBeLessThanOrEqual(256);
    expect(mustCompile('p999')('p999')).toBe(true);
  });
});
