import { CONFORMANCE_CASES } from './conformance.cases';
import { parseTraceQL } from './index';
import { parseSyntax } from './parser';

function classify(query: string): 'valid' | 'parse_fails' | 'validate_fails' {
  if (!parseSyntax(query).ok) {
    return 'parse_fails';
  }
  return parseTraceQL(query).ok ? 'valid' : 'validate_fails';
}

describe('Tempo conformance queries', () => {
  it('has every section of the list', () => {
    const classes = new Set(CONFORMANCE_CASES.map((c) => c.tempo));
    expect([...classes].sort()).toEqual(['parse_fails', 'unsupported', 'valid', 'validate_fails']);
    expect(CONFORMANCE_CASES.length).toBeGreaterThan(250);
  });

  it.each(CONFORMANCE_CASES.map((c) => [c.query, c.ours, c.tempo]))('%s is %s (Tempo: %s)', (query, ours) => {
    expect(classify(query)).toBe(ours);
  });

  it('gives every failure a one-line message with a position inside the query', () => {
    for (const c of CONFORMANCE_CASES.filter((x) => x.ours !== 'valid')) {
      const r = parseTraceQL(c.query);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).not.toMatch(/\n/);
        expect(r.error.from).toBeGreaterThanOrEqual(0);
        expect(r.error.from).toBeLessThanOrEqual(c.query.length);
        expect(r.error.line).toBe(1);
        expect(r.error.column).toBe(r.error.from + 1);
      }
    }
  });
});
