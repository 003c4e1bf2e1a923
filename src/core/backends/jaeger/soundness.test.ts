/**
 * The planner's central promise: pushdown only narrows. For random queries over random traces,
 * evaluating the query over just the traces a simulated Jaeger returns for the pushdown gives the
 * same answer as evaluating it over every trace.
 */
import fc from 'fast-check';

import { evaluateMetrics, searchTraces } from '../../engine';
import { DEFAULT_TRACE_START, buildTrace, type SpanSpec } from '../../engine/testing/traceBuilder';
import type { AttributeMap, AttributeValue, Span, Trace } from '../../model/types';
import { parseTraceQL } from '../../traceql';
import { jaegerCapabilities, planJaegerQuery as planQuery } from './plan';
import type { JaegerPushdown } from './pushdown';

// ---- a Jaeger search, simulated with the matching rules of Jaeger's own storage

/** Go's AsString for attribute values: arrays and maps as JSON, so an array never equals one element. */
function asString(v: AttributeValue): string {
  if (Array.isArray(v) || (typeof v === 'object' && v !== null && typeof v !== 'bigint')) {
    return JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));
  }
  return String(v);
}

function attrMatches(attrs: AttributeMap, key: string, want: string): boolean {
  return key in attrs && asString(attrs[key]) === want;
}

function jaegerSpanMatches(s: Span, p: JaegerPushdown): boolean {
  if (p.service !== undefined && s.resource.serviceName !== p.service) {
    return false;
  }
  if (p.operation !== undefined && s.name !== p.operation) {
    return false;
  }
  // Durations are compared in whole microseconds, bounds widened outwards as the client sends them.
  if (p.durationMinNs !== undefined && s.durationNanos < Math.floor(p.durationMinNs / 1000) * 1000) {
    return false;
  }
  if (p.durationMaxNs !== undefined && s.durationNanos > Math.ceil(p.durationMaxNs / 1000) * 1000) {
    return false;
  }
  return Object.entries(p.attributes).every(([k, v]) =>
    // Keys Jaeger's storage reads as the status and the kind, not as attributes.
    k === 'error'
      ? v === 'true' && s.statusCode === 'error'
      : k === 'span.kind'
        ? s.kind === v
        : attrMatches(s.attributes, k, v) ||
          attrMatches(s.scope.attributes, k, v) ||
          attrMatches(s.resource.attributes, k, v) ||
          s.events.some((e) => attrMatches(e.attributes, k, v)) ||
          s.links.some((l) => attrMatches(l.attributes, k, v))
  );
}

function simulatedJaeger(traces: readonly Trace[], p: JaegerPushdown): Trace[] {
  return traces.filter((t) => t.spans.some((s) => jaegerSpanMatches(s, p)));
}

// ---- random traces

const service = fc.constantFrom('a', 'b', 'c');
const value: fc.Arbitrary<AttributeValue> = fc.constantFrom<AttributeValue>('u', 'v', 1, 2, true, false, 1.5);
const attrs = fc.dictionary(fc.constantFrom('x', 'y', 'k', 'service.name'), value, { maxKeys: 3 });

const spanSpec: fc.Memo<SpanSpec> = fc.memo((depth) =>
  fc.record({
    service,
    name: fc.constantFrom('op1', 'op2', 'op3'),
    kind: fc.constantFrom('server' as const, 'client' as const, 'internal' as const),
    status: fc.constantFrom('unset' as const, 'ok' as const, 'error' as const),
    durationNanos: fc.constantFrom(500, 1500, 999_999, 1_000_000, 50_000_000),
    attributes: attrs,
    resourceAttributes: fc.dictionary(fc.constantFrom('env', 'k'), fc.constantFrom<AttributeValue>('p', 'q', 1), {
      maxKeys: 1,
    }),
    events: fc.array(fc.record({ name: fc.constantFrom('e1', 'e2'), attributes: attrs }), { maxLength: 1 }),
    children: depth > 1 ? fc.array(spanSpec(depth - 1), { maxLength: 3 }) : fc.constant([]),
  })
);

const traces = fc
  .array(spanSpec(3), { minLength: 1, maxLength: 8 })
  .map((roots) => roots.map((root, i) => buildTrace({ seq: i + 1, root })));

// ---- random queries

const condition = fc.constantFrom(
  'resource.service.name = "a"',
  'resource.service.name = "b"',
  'span:name = "op1"',
  'name = "op2"',
  'span.x = "u"',
  '.x = 1',
  '.x = true',
  'span.k = "p"',
  'resource.env = "p"',
  '.env = "q"',
  '.k = 1',
  '.service.name = "a"',
  'duration > 1ms',
  'duration <= 1500ns',
  'duration >= 1us',
  'span.y != "u"',
  'span.x =~ "u|v"',
  'status = error',
  'kind = server',
  'kind = client',
  'kind = internal',
  'status = ok',
  '!(span.x = "u")',
  'span.y = nil',
  '(span.x = "u" || span.y = "v")',
  'event.x = "u"',
  'parent.span.x = "u"'
);

const filter = fc.array(condition, { maxLength: 3 }).map((cs) => (cs.length ? `{ ${cs.join(' && ')} }` : '{ }'));

const spansetOp = fc.constantFrom('&&', '||', '>>', '>', '<<', '<', '~', '&>>', '&<', '!>>', '!<', '!~');

const spansetExpr: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? filter
    : fc.oneof(
        filter,
        fc.tuple(spansetExpr(depth - 1), spansetOp, spansetExpr(depth - 1)).map(([l, op, r]) => `(${l} ${op} ${r})`)
      )
);

const stage = fc.constantFrom(
  'count() > 1',
  'count() < 2',
  'by(resource.service.name)',
  'coalesce()',
  'select(span.x)'
);
const query = fc
  .tuple(spansetExpr(3), fc.array(fc.oneof(stage, filter), { maxLength: 2 }))
  .map(([first, rest]) => [first, ...rest].join(' | '));

describe('pushdown soundness (property)', () => {
  it('evaluating over the pushed-down traces equals evaluating over all traces', () => {
    let checked = 0;
    let pushed = 0;
    fc.assert(
      fc.property(query, traces, (q, ts) => {
        const parsed = parseTraceQL(q);
        if (!parsed.ok) {
          return;
        }
        const plan = planQuery(parsed.value, jaegerCapabilities(), { start: 0n, end: 1n });
        if (plan.backend !== 'jaeger') {
          throw new Error('expected a Jaeger plan');
        }
        const all = searchTraces(parsed.value, ts, { limit: 1000, spss: 1000 });
        if (!all.ok) {
          return;
        }
        const subset = simulatedJaeger(ts, plan.pushdown);
        const narrowed = searchTraces(parsed.value, subset, { limit: 1000, spss: 1000 });
        checked++;
        if (plan.pushdown.conditions.length) {
          pushed++;
        }
        expect(narrowed.ok).toBe(true);
        if (narrowed.ok) {
          expect(narrowed.response.traces.map((t) => t.traceID)).toEqual(all.response.traces.map((t) => t.traceID));
        }
      }),
      { numRuns: 300 }
    );
    // The property must actually exercise pushdown, not pass vacuously.
    expect(checked).toBeGreaterThan(150);
    expect(pushed).toBeGreaterThan(40);
  });
});

const metricsFn = fc.constantFrom(
  'count_over_time() by (resource.service.name)',
  'rate()',
  'max_over_time(duration) by (span:name)',
  'sum_over_time(span.x)'
);
const metricsQuery = fc.oneof(
  fc.tuple(query, metricsFn).map(([q, fn]) => `${q} | ${fn}`),
  fc
    .tuple(query, query, fc.constantFrom('+', '/'))
    .map(([a, b, op]) => `(${a} | count_over_time()) ${op} (${b} | count_over_time())`)
);

describe('pushdown soundness for metrics (property)', () => {
  it('metrics over the pushed-down traces equal metrics over all traces', () => {
    const grid = {
      start: DEFAULT_TRACE_START - 1_000_000_000n,
      end: DEFAULT_TRACE_START + 10_000_000_000n,
      step: 11_000_000_000,
    };
    let pushed = 0;
    fc.assert(
      fc.property(metricsQuery, traces, (q, ts) => {
        const parsed = parseTraceQL(q);
        if (!parsed.ok) {
          return;
        }
        const plan = planQuery(parsed.value, jaegerCapabilities(), grid);
        if (plan.backend !== 'jaeger') {
          throw new Error('expected a Jaeger plan');
        }
        const all = evaluateMetrics(parsed.value, ts, grid);
        if (!all.ok) {
          return;
        }
        if (plan.pushdown.conditions.length) {
          pushed++;
        }
        const narrowed = evaluateMetrics(parsed.value, simulatedJaeger(ts, plan.pushdown), grid);
        expect(narrowed.ok).toBe(true);
        if (narrowed.ok) {
          const series = (r: typeof all) => (r.ok ? r.response.series.map((x) => [x.promLabels, x.samples]) : null);
          expect(series(narrowed)).toEqual(series(all));
        }
      }),
      { numRuns: 200 }
    );
    expect(pushed).toBeGreaterThan(20);
  });
});
