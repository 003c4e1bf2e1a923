import { EMPTY_ATTRIBUTES } from '../model/attributes';
import { decodeOtlp } from '../model/decode/decodeTraces';
import { buildTrace, ResourceTable } from '../model/testing/buildTrace';
import { mergeTraces, newestFirst } from './common';

const scope = { name: '', version: '', attributes: EMPTY_ATTRIBUTES };

function trace(id: string, startNs: bigint, spans = 1) {
  const specs = Array.from({ length: spans }, (_v, i) => ({
    id: `${i + 1}`.padStart(16, '0'),
    service: 's',
    name: 'op',
    kind: 'server' as const,
    atUs: i,
    durUs: 1,
  }));
  return buildTrace({ traceId: id, startNs, spans: specs }, new ResourceTable(), scope);
}

describe('newestFirst and mergeTraces', () => {
  it('orders by earliest start, to the nanosecond, newest first; ties by trace id', () => {
    const a = trace('a'.repeat(32), 1_700_000_000_000_000_001n);
    const b = trace('b'.repeat(32), 1_700_000_000_000_000_002n);
    const c = trace('c'.repeat(32), 1_700_000_000_000_000_001n);
    const early = trace('d'.repeat(32), 1_600_000_000_000_000_000n);
    expect(newestFirst([early, a, c, b]).map((t) => t.traceId[0])).toEqual(['b', 'a', 'c', 'd']);
  });

  it('orders decoded traces the same way', () => {
    const body = (id: string, start: string) => ({
      resourceSpans: [
        { scopeSpans: [{ spans: [{ traceId: id, spanId: '0000000000000001', startTimeUnixNano: start }] }] },
      ],
    });
    const [older] = decodeOtlp(body('1'.repeat(32), '1700000000000000001'));
    const [newer] = decodeOtlp(body('2'.repeat(32), '1700000000000000002'));
    expect(newestFirst([older, newer])).toEqual([newer, older]);
  });

  it('keeps the copy of a trace with the most spans', () => {
    const small = trace('a'.repeat(32), 1n, 1);
    const big = trace('a'.repeat(32), 1n, 3);
    expect(mergeTraces([[small], [big]])[0].spans).toHaveLength(3);
    expect(mergeTraces([[big], [small]])[0].spans).toHaveLength(3);
  });
});
