import { EMPTY_ATTRIBUTES } from '../attributes';
import type { InstrumentationScope, Resource } from '../types';
import { permuteInPlace, SpanTableBuilder } from './tableBuilder';

const RESOURCE: Resource = { serviceName: 'svc', attributes: EMPTY_ATTRIBUTES };
const SCOPE: InstrumentationScope = { name: '', version: '', attributes: EMPTY_ATTRIBUTES };

function addRow(b: SpanTableBuilder, spanId: string, seconds: number, nanos: number): void {
  b.add(spanId, '', `op ${spanId}`, 0, 0, '', seconds, nanos, 1, RESOURCE, SCOPE, [], [], [], '');
}

describe('SpanTableBuilder', () => {
  it('moves every value to the row the order names, whatever the cycles', () => {
    // Cycles of length 1, 2 and 4, and a fixed point at the end.
    const order = [0, 2, 1, 4, 5, 6, 3, 7];
    const column = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const expected = order.map((from) => column[from]);
    const placed = new Uint8Array(order.length).fill(1);
    permuteInPlace(column, order, placed);
    expect(column).toEqual(expected);
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

  it('keeps the order rows were added in when asked not to sort', () => {
    const b = new SpanTableBuilder('t', 2);
    addRow(b, 'b', 2, 0);
    addRow(b, 'a', 1, 0);
    expect(b.finish(false).spanId).toEqual(['b', 'a']);
  });
});
