import { RE2JS } from 're2js';

import { searchTraces } from '../engine';
import { guideTraces } from '../model/testing/guideTraces';
import { parseTraceQL } from '../traceql';
import { MAX_PATTERN_LENGTH, anchoredRegexCacheSize, compileAnchoredRegex } from './compileAnchoredRegex';

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

describe('pattern limits', () => {
  it('refuses a pattern over the length limit with a clear message, without compiling it', () => {
    const long = compileAnchoredRegex('a'.repeat(MAX_PATTERN_LENGTH + 1));
    expect(long).toEqual({
      ok: false,
      message: `regular expression is ${MAX_PATTERN_LENGTH + 1} characters long; the limit is ${MAX_PATTERN_LENGTH} (narrow a multi-value variable or split the query)`,
    });
    expect(compileAnchoredRegex('a'.repeat(MAX_PATTERN_LENGTH)).ok).toBe(true);
  });

  it('is a query error with line and column', () => {
    const r = parseTraceQL(`{ .a = 1 &&\n  .b =~ "${'x'.repeat(MAX_PATTERN_LENGTH + 1)}" }`);
    expect(r).toMatchObject({
      ok: false,
      error: { line: 2, column: 9, message: expect.stringMatching(/^regular expression is 4097 characters long/) },
    });
  });

  it('compiles each pattern of a query once, however many patterns it has', () => {
    // More distinct patterns than the shared cache holds: validation and evaluation still share them.
    const n = 300;
    const tag = 'compiled-once';
    const query = `{ ${Array.from({ length: n }, (_, i) => `.a =~ "${tag}-${i}"`).join(' || ')} }`;
    const compile = jest.spyOn(RE2JS, 'compile');
    try {
      const parsed = parseTraceQL(query);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) {
        expect(searchTraces(parsed.value, guideTraces(), {}).ok).toBe(true);
      }
      expect(compile).toHaveBeenCalledTimes(n);
    } finally {
      compile.mockRestore();
    }
  });
});
