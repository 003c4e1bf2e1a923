import { decodeTraces } from '../model';
import { evaluateMetricsInstant } from './metrics/evaluateMetrics';
import { searchTraces } from './search/searchTraces';
import { parse } from './testing/parse';

/*
 * by() groups by value and type, as Tempo does: its grouping key is the value's type together with
 * its bits, so the int 2 and the double 2.0 are two groups, in a pipeline's by() and in a metrics
 * by(). A metrics series is then keyed by its Prometheus-style label text, where Tempo writes a
 * whole double with `.0` (`{span.x="2.0"}`) so the two stay apart there too.
 *
 * One trace of three spans, as OTLP JSON: x is the int 2 on spans 1 and 2, the double 2.0 on span 3.
 * Worked by hand: two groups, {int 2: spans 1 and 2} and {double 2.0: span 3}.
 */
const TRACE = 'ab'.repeat(16);
const T0 = 1_700_000_000_000_000_000n;

function span(n: number, x: Record<string, unknown>) {
  return {
    traceId: TRACE,
    spanId: `${'0'.repeat(15)}${n}`,
    parentSpanId: n === 1 ? '' : `${'0'.repeat(15)}1`,
    name: `op${n}`,
    startTimeUnixNano: `${T0 + BigInt(n)}`,
    endTimeUnixNano: `${T0 + 1000n}`,
    attributes: [{ key: 'x', value: x }],
  };
}

const traces = decodeTraces({
  resourceSpans: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'svc' } }] },
      scopeSpans: [{ spans: [span(1, { intValue: '2' }), span(2, { intValue: '2' }), span(3, { doubleValue: 2 })] }],
    },
  ],
});

describe('by() keeps the int 2 and the double 2.0 apart', () => {
  it('makes two spansets in a pipeline, each labelled with its own type', () => {
    const r = searchTraces(parse('{ } | by(span.x)'), traces, { spss: 10 });
    if (!r.ok) {
      throw r.error;
    }
    const groups = r.response.traces[0].spanSets.map((ss) => [
      ss.attributes?.find((a) => a.key === 'by(span.x)')?.value,
      ss.matched,
    ]);
    expect(groups).toEqual([
      [{ intValue: '2' }, 2],
      [{ doubleValue: 2 }, 1],
    ]);
  });

  it('makes two metrics series, {span.x="2"} and {span.x="2.0"}', () => {
    const r = evaluateMetricsInstant(parse('{ } | count_over_time() by (span.x)'), traces, {
      start: T0,
      end: T0 + 1_000_000_000n,
    });
    if (!r.ok) {
      throw r.error;
    }
    const series = r.response.series.map((s) => [s.promLabels, s.labels, s.value]);
    expect(series.sort()).toEqual([
      ['{span.x="2"}', [{ key: 'span.x', value: { intValue: '2' } }], 2],
      ['{span.x="2.0"}', [{ key: 'span.x', value: { doubleValue: 2 } }], 1],
    ]);
  });
});
