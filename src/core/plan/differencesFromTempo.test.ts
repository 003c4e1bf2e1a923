import { parseTraceQL } from '../traceql';
import type { RootNode } from '../traceql/ast';
import {
  COMPARE_COUNTS,
  NEGATION,
  NUMBERS_BY_VALUE,
  TIME_SINCE_START,
  differencesFromTempo,
  differencesText,
} from './differencesFromTempo';

function parse(q: string): RootNode {
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new Error(`${q}: ${r.error.message}`);
  }
  return r.value;
}

describe('what explain says about differences from Tempo', () => {
  it.each<[string, string[]]>([
    ['{ span.order.amount > 250 }', [NUMBERS_BY_VALUE]],
    ['{ 499.5 < span.http.status_code }', [NUMBERS_BY_VALUE]],
    ['{ !(kind = client) }', [NEGATION]],
    ['{ !(span.http.method = "GET") && kind = server }', [NEGATION]],
    ['{ event:timeSinceStart > 5ms }', [TIME_SINCE_START]],
    ['{} | compare({ status = error })', [COMPARE_COUNTS]],
    ['{ !(span.n >= 3) } | rate()', [NUMBERS_BY_VALUE, NEGATION]],
    // Nothing differs: intrinsics have one type, ! on a plain attribute is not a negated condition.
    ['{ duration > 2s && span:status = error }', []],
    ['{ !.cache.hit }', []],
    ['{ span.x = "250" }', []],
    ['{} | count() > 2', []],
  ])('%s', (q, notes) => {
    expect(differencesFromTempo(parse(q))).toEqual(notes);
  });

  it('appends the notes under a heading, or nothing', () => {
    expect(differencesText(parse('{ span.a > 1 }'))).toBe(`\nDifferences from Tempo:\n  - ${NUMBERS_BY_VALUE}`);
    expect(differencesText(parse('{}'))).toBe('');
  });
});
