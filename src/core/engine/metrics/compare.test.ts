import type { Trace } from '../../model/types';
import { checkoutTrace } from '../testing/fixtures';
import { parse } from '../testing/parse';
import { DEFAULT_TRACE_START } from '../testing/traceBuilder';
import { evaluateMetrics } from './evaluateMetrics';

const S = 1_000_000_000n;
const shift = (t: Trace, by: bigint): Trace => ({
  ...t,
  spans: t.spans.map((s) => ({ ...s, startTimeUnixNano: s.startTimeUnixNano + by })),
});
const traces = [shift(checkoutTrace(1), S), shift(checkoutTrace(2), 15n * S)];
const range = { start: DEFAULT_TRACE_START, end: DEFAULT_TRACE_START + 30n * S, step: 10e9 };

describe('compare()', () => {
  const r = evaluateMetrics(parse('{} | compare({ status = error }, 2)'), traces, range);
  if (!r.ok) {
    throw r.error;
  }
  const byKey = new Map(r.response.series.map((s) => [s.promLabels, s.samples.map((x) => x.value)]));

  it('counts attribute values of the selection per step', () => {
    expect(byKey.get('{__meta_type="selection", name="load user"}')).toEqual([0, 1, 1, 0]);
    expect(byKey.get('{__meta_type="selection", name="SELECT users"}')).toEqual([0, 1, 1, 0]);
    expect(byKey.get('{__meta_type="selection", resource.service.name="database"}')).toEqual([0, 1, 1, 0]);
  });

  it('keeps the topN values of the baseline and flags attributes with more', () => {
    expect([...byKey.keys()].filter((k) => k.startsWith('{__meta_type="baseline", name='))).toHaveLength(2);
    expect(byKey.has('{__meta_error="__too_many_values__", name="<nil>"}')).toBe(true);
  });

  it('reports totals per attribute for both sides', () => {
    expect(byKey.get('{__meta_type="selection_total", name="<nil>"}')).toEqual([0, 2, 2, 0]);
    expect(byKey.get('{__meta_type="baseline_total", name="<nil>"}')).toEqual([0, 3, 3, 0]);
  });
});
