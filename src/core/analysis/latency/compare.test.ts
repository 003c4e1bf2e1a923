import { compareSelection, selectionTraceQL, traceqlCondition } from './compare';
import type { LatencySample } from './samples';

function sample(
  i: number,
  durationMs: number,
  route: string,
  extra: Record<string, string | number | boolean> = {}
): LatencySample {
  return {
    startMs: 1000 + i,
    durationNs: durationMs * 1e6,
    traceId: `trace${i}`,
    spanId: `span${i}`,
    attributes: {
      'span.http.route': route,
      'resource.service.name': 'frontend',
      'span.request.id': `req-${i}`,
      ...extra,
    },
  };
}

describe('compareSelection', () => {
  // 100 requests: /dispatch is slow (80% of the slow ones), /customer fast.
  const samples: LatencySample[] = [];
  for (let i = 0; i < 10; i++) {
    samples.push(sample(i, 800, i < 8 ? '/dispatch' : '/customer'));
  }
  for (let i = 10; i < 100; i++) {
    samples.push(sample(i, 20, i < 14 ? '/dispatch' : '/customer', { status: 'ok' }));
  }
  const selection = { fromMs: 0, toMs: 10_000, minNs: 500e6, maxNs: 1000e6 };
  const result = compareSelection(samples, selection);

  it('splits the window into the selection and the baseline', () => {
    expect(result.selected).toBe(10);
    expect(result.baseline).toBe(90);
  });

  it('ranks the attribute that explains the selection first, with its shares', () => {
    const top = result.attributes[0];
    expect(top.key).toBe('span.http.route');
    expect(top.value).toBe('/dispatch');
    expect(top.selectedShare).toBeCloseTo(0.8);
    expect(top.baselineShare).toBeCloseTo(4 / 90);
    expect(top.traceql).toBe('{ span.http.route = "/dispatch" && duration > 500ms && duration <= 1s }');
  });

  it('ignores values common to both sides and identifier-like keys', () => {
    expect(result.attributes.find((a) => a.key === 'resource.service.name')).toBeUndefined();
    expect(result.attributes.find((a) => a.key === 'span.request.id')).toBeUndefined();
  });

  it('returns nothing to rank for an empty selection', () => {
    const none = compareSelection(samples, { fromMs: 0, toMs: 1, minNs: 0, maxNs: 1 });
    expect(none.selected).toBe(0);
    expect(none.attributes).toEqual([]);
  });
});

describe('TraceQL for a selection', () => {
  it('writes keywords for status and kind and quotes awkward names and values', () => {
    expect(traceqlCondition('status', 'error')).toBe('status = error');
    expect(traceqlCondition('kind', 'server')).toBe('kind = server');
    expect(traceqlCondition('span.http.route', 'a"b\\c')).toBe('span.http.route = "a\\"b\\\\c"');
    expect(traceqlCondition('span.odd key', 1)).toBe('span."odd key" = 1');
    expect(traceqlCondition('span.flag', true)).toBe('span.flag = true');
    expect(selectionTraceQL({ fromMs: 0, toMs: 1, minNs: 0, maxNs: Infinity })).toBe('{}');
  });

  it('writes bucket edges in the largest exact unit, not in nanoseconds (#19)', () => {
    // (2^24, 3 × 2^23] ns: a resolution-1 bucket edge pair, as dragged on the heatmap.
    expect(selectionTraceQL({ fromMs: 0, toMs: 1, minNs: 16_777_216, maxNs: 25_165_824 })).toBe(
      '{ duration > 16.777216ms && duration <= 25.165824ms }'
    );
    expect(selectionTraceQL({ fromMs: 0, toMs: 1, minNs: 1e9, maxNs: 120e9 })).toBe(
      '{ duration > 1s && duration <= 2m }'
    );
  });
});
