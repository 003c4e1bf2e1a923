import fc from 'fast-check';
import type { AttributeValue } from '../model/types';
import type { ComparisonOp, FieldExpr } from '../traceql/ast';
import { compareOp, compileField } from './compileField';
import type { EvalContext } from './evalContext';
import { fastComparison } from './fastCompare';
import { dur, float, int, intr, span, str, status, kind } from './testing/astBuilders';
import { buildTrace } from './testing/traceBuilder';
import { indexTrace } from './traceIndex';
import { bool } from './values';

type Cmp = Exclude<ComparisonOp, '=~' | '!~'>;
const OPS: Cmp[] = ['=', '!=', '<', '<=', '>', '>='];

const attrValue: fc.Arbitrary<AttributeValue | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('a', 'b', 'GET', ''),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0.5, 2.5, NaN),
  fc.boolean(),
  fc.constantFrom(9_007_199_254_740_993n, -9_007_199_254_740_993n),
  fc.array(fc.oneof(fc.constantFrom('a', 'b'), fc.integer({ min: -3, max: 3 })), { maxLength: 3 })
);
const literal = fc.constantFrom(
  str('a'),
  str('GET'),
  int(2),
  int(-1),
  float(2.5),
  dur(1_000_000),
  status('error'),
  kind('server')
);

/** The general path alone: the definition the fast path must agree with. */
function general(op: Cmp, l: FieldExpr, r: FieldExpr) {
  const a = compileField(l);
  const b = compileField(r);
  if (!a.ok || !b.ok) {
    throw new Error('compile');
  }
  return (c: EvalContext) => bool(compareOp(op, a.fn(c), b.fn(c)));
}

describe('fast comparison path', () => {
  it('agrees with the general path for attribute and literal in either order', () => {
    fc.assert(
      fc.property(attrValue, literal, fc.constantFrom(...OPS), fc.boolean(), (v, lit, op, flip) => {
        const trace = buildTrace({
          root: { name: 'x', durationNanos: 1_000_000, attributes: v === undefined ? {} : { k: v } },
        });
        const c: EvalContext = { ix: indexTrace(trace), i: 0, ev: null, ln: null };
        const [l, r] = flip ? [lit, span('k')] : [span('k'), lit];
        const slow = general(op, l, r);
        const fast = fastComparison(op, l, r, slow) ?? slow;
        expect(fast(c)).toEqual(slow(c));
      }),
      { numRuns: 2000 }
    );
  });

  it('agrees with the general path for intrinsics', () => {
    const trace = buildTrace({ root: { name: 'GET', durationNanos: 1_000_000, status: 'error', kind: 'server' } });
    const c: EvalContext = { ix: indexTrace(trace), i: 0, ev: null, ln: null };
    for (const field of [
      intr('span:name'),
      intr('span:duration'),
      intr('span:status'),
      intr('span:kind'),
      intr('span:statusMessage'),
    ]) {
      for (const lit of [str('GET'), int(1_000_000), dur(1_000_000), float(0.5), status('error'), kind('client')]) {
        for (const op of OPS) {
          const slow = general(op, field, lit);
          const fast = fastComparison(op, field, lit, slow) ?? slow;
          expect([field.name, op, lit.raw, fast(c)]).toEqual([field.name, op, lit.raw, slow(c)]);
        }
      }
    }
  });
});
