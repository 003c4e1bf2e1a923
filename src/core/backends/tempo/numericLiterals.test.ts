import { parseTraceQL, printTraceQL } from '../../traceql';
import type { RootNode } from '../../traceql/ast';
import { rewriteNumericComparisons } from './numericLiterals';

function parse(q: string): RootNode {
  const r = parseTraceQL(q);
  if (!r.ok) {
    throw new Error(`${q}: ${r.error.message}`);
  }
  return r.value;
}

const sent = (q: string) => {
  const r = rewriteNumericComparisons(parse(q));
  return r === null ? null : printTraceQL(r);
};

/*
 * What Tempo receives so that it finds numbers stored as ints and as doubles alike; each int form
 * of a fractional literal worked out by hand (the ints above 499.5 are those above 499, and so on).
 */
describe('attribute-number comparisons asked in both numeric types', () => {
  it.each([
    ['{ span.order.amount > 250 }', '{ (span.order.amount > 250 || span.order.amount > 250.0) }'],
    ['{ span.http.status_code > 499.5 }', '{ (span.http.status_code > 499.5 || span.http.status_code > 499) }'],
    ['{ span.x >= 499.5 }', '{ (span.x >= 499.5 || span.x >= 500) }'],
    ['{ span.x < 499.5 }', '{ (span.x < 499.5 || span.x < 500) }'],
    ['{ span.x <= 499.5 }', '{ (span.x <= 499.5 || span.x <= 499) }'],
    ['{ span.x != 499.5 }', '{ (span.x != 499.5 || (span.x <= 499 || span.x >= 500)) }'],
    ['{ span.x = 250.0 }', '{ (span.x = 250.0 || span.x = 250) }'],
    ['{ span.x > -1.5 }', '{ (span.x > -1.5 || span.x > -2) }'],
    ['{ 250 < .amount }', '{ (250 < .amount || .amount > 250.0) }'],
    ['{} | count_over_time() by (name) > 2', null],
    ['{ span.x = 499.5 }', null],
    ['{ duration > 2 }', null],
    ['{ span.x = "250" }', null],
  ])('%s is sent as %s', (q, expected) => {
    expect(sent(q)).toBe(expected);
  });

  it('reaches filters inside pipelines, structural operators, metrics and compare()', () => {
    expect(sent('{ span.a = 1 } >> { span.b > 2 } | rate()')).toBe(
      '{ (span.a = 1 || span.a = 1.0) } >> { (span.b > 2 || span.b > 2.0) } | rate()'
    );
    expect(sent('{} | compare({ span.a = 1 })')).toBe('{} | compare({ (span.a = 1 || span.a = 1.0) })');
  });
});
