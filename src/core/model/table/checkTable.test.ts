import { EMPTY_ATTRIBUTES } from '../attributes';
import type { InstrumentationScope, Resource } from '../types';
import { checkTable } from './checkTable';
import { SpanTableBuilder } from './tableBuilder';

const SCOPE: InstrumentationScope = { name: '', version: '', attributes: EMPTY_ATTRIBUTES };
const service = (serviceName: string): Resource => ({ serviceName, attributes: EMPTY_ATTRIBUTES });

function table(rows: ReadonlyArray<[id: string, parent: string, service: string, seconds: number]>) {
  const b = new SpanTableBuilder('t');
  for (const [id, parent, svc, seconds] of rows) {
    b.add(id, parent, id, 0, 0, '', seconds, 0, 1, service(svc), SCOPE, [], [], [], '');
  }
  return b.finish(false);
}

describe('checkTable', () => {
  it('uses the first of two spans with one id as the parent, and warns about the second', () => {
    // The first "p" starts after its child on another service (clock skew); the second does not.
    const t = table([
      ['p', '', 'a', 10],
      ['p', '', 'b', 0],
      ['c', 'p', 'c', 5],
    ]);
    expect(checkTable(t)).toEqual([
      'duplicate span id p: only the first is used as a parent',
      'clock skew: span c (c "c") starts 5000000 µs before its parent p (a "p")',
    ]);
  });

  it('names a parent that is not in the trace, and has nothing to say about a sound trace', () => {
    expect(checkTable(table([['c', 'gone', 'a', 1]]))).toEqual([
      'span c (a "c") has parent gone, which is not in the trace',
    ]);
    expect(
      checkTable(
        table([
          ['p', '', 'a', 1],
          ['c', 'p', 'b', 2],
        ])
      )
    ).toEqual([]);
  });
});
