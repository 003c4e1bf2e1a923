import { EMPTY_ATTRIBUTES } from '../attributes';
import type { InstrumentationScope, Resource } from '../types';
import type { AttributePair } from './spanTable';
import { reorderNumbers, reorderObjects, SpanTableBuilder } from './tableBuilder';

const RESOURCE: Resource = { serviceName: 'svc', attributes: EMPTY_ATTRIBUTES };
const SCOPE: InstrumentationScope = { name: '', version: '', attributes: EMPTY_ATTRIBUTES };

function addRow(
  b: SpanTableBuilder,
  spanId: string,
  seconds: number,
  nanos: number,
  attributes: readonly AttributePair[] = []
): void {
  b.add(spanId, '', `op ${spanId}`, 0, 0, '', seconds, nanos, 1, RESOURCE, SCOPE, attributes, [], [], '');
}

describe('SpanTableBuilder', () => {
  it('moves every value to the row the order names, whatever the cycles', () => {
    // Cycles of length 1, 2 and 4, and a fixed point at the end.
    const order = [0, 2, 1, 4, 5, 6, 3, 7];
    const column = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const expected = order.map((from) => column[from]);
    reorderObjects(column, order, []);
    expect(column).toEqual(expected);
    const numbers = [0, 1, 2, 3, 4, 5, 6, 2 ** 40];
    reorderNumbers(numbers, order, new Float64Array(order.length));
    expect(numbers).toEqual(order.map((from) => (from === 7 ? 2 ** 40 : from)));
  });

  it('sorts rows by start, then span id, keeping each row together across columns', () => {
    const b = new SpanTableBuilder('t');
    addRow(b, 'c', 2, 0);
    addRow(b, 'b', 1, 500);
    addRow(b, 'a', 1, 500);
    addRow(b, 'd', 1, 10);
    const t = b.finish();
    expect(t.spanId).toEqual(['d', 'a', 'b', 'c']);
    expect(t.name).toEqual(['op d', 'op a', 'op b', 'op c']);
    expect(t.startSeconds).toEqual([1, 1, 1, 2]);
    expect(t.startNanos).toEqual([10, 500, 500, 0]);
  });

  it('sorts starts centuries apart, where one number per start would not be exact', () => {
    const b = new SpanTableBuilder('t');
    addRow(b, 'late', 4_000_000_000, 2);
    addRow(b, 'later', 4_000_000_000, 3);
    addRow(b, 'early', 1, 999_999_999);
    addRow(b, 'tie-b', 4_000_000_000, 2);
    const t = b.finish();
    expect(t.spanId).toEqual(['early', 'late', 'tie-b', 'later']);
  });

  it('trims columns sized for more spans than came, and grows past a size too small', () => {
    const big = new SpanTableBuilder('t', 10);
    addRow(big, 'b', 2, 0);
    addRow(big, 'a', 1, 0);
    const t = big.finish();
    expect(t.length).toBe(2);
    expect(t.spanId).toEqual(['a', 'b']);
    expect(t.traceState).toHaveLength(2);
    const small = new SpanTableBuilder('t', 1);
    for (const id of ['c', 'b', 'a']) {
      addRow(small, id, 1, 0);
    }
    expect(small.finish().spanId).toEqual(['a', 'b', 'c']);
  });

  it('marks rows with attributes that are all strings, numbers or booleans, row for row after sorting', () => {
    const b = new SpanTableBuilder('t', 1);
    addRow(b, 'e', 5, 0, [{ key: 'big', value: 2n ** 64n }]);
    addRow(b, 'd', 4, 0, [
      { key: 's', value: 'x' },
      { key: 'n', value: 1.5 },
      { key: 'b', value: true },
    ]);
    addRow(b, 'c', 3, 0, [{ key: 'list', value: ['x'] }]);
    addRow(b, 'b', 2, 0);
    addRow(b, 'a', 1, 0, [{ key: 'n', value: 2 }]);
    addRow(b, 'f', 6, 0, [{ key: 'map', value: { k: 1 } }]);
    const t = b.finish();
    expect(t.spanId).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
    expect(Array.from(t.plainAttributes)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('keeps the order rows were added in when asked not to sort', () => {
    const b = new SpanTableBuilder('t', 2);
    addRow(b, 'b', 2, 0);
    addRow(b, 'a', 1, 0);
    expect(b.finish(false).spanId).toEqual(['b', 'a']);
  });
});
