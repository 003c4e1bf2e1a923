/**
 * The planner's promise for Zipkin: pushdown only narrows. Random traces are written as Zipkin v2
 * JSON the way OpenTelemetry's exporters write them and stored as a Zipkin server stores them (names
 * lower-cased); a Zipkin search is simulated over those spans with the matching rules of Zipkin's
 * QueryRequest (below, in our words); the engine over the searched traces must give the same answer
 * as over every trace.
 */
import fc from 'fast-check';

import { searchTraces } from '../../engine';
import { buildTrace, type SpanSpec } from '../../engine/testing/traceBuilder';
import type { AttributeValue, Trace } from '../../model/types';
import { parseTraceQL } from '../../traceql';
import { decodeZipkin } from './decode';
import { encodeZipkinTrace } from './encode';
import { planZipkinQuery } from './plan';
import type { ZipkinPushdown } from './pushdown';
import type { ZipkinSpan } from './types';

/**
 * As the server stores a span: names lower-cased; OpenTelemetry JS writes no `error` tag without a
 * message; and another exporter's spelling of a number (Java writes 500.0), same value, other text.
 */
function stored(s: ZipkinSpan): ZipkinSpan {
  const tags = { ...(s.tags ?? {}) };
  if (tags.error === '') {
    delete tags.error;
  }
  if (tags.x === '500') {
    tags.x = '500.0';
  }
  return {
    ...s,
    name: s.name?.toLowerCase(),
    localEndpoint: { serviceName: s.localEndpoint?.serviceName?.toLowerCase() },
    remoteEndpoint: s.remoteEndpoint && { serviceName: s.remoteEndpoint.serviceName?.toLowerCase() },
    tags,
  };
}

/**
 * Zipkin's search, simulated: every parameter is met by some span of the trace (of the service when
 * `serviceName` is given), each independently; names compare lower-cased; an annotationQuery term
 * `k=v` needs a tag k whose text is v, a term `k` a tag key k or an annotation value k; a duration
 * range must hold for one span (minimum alone: duration >= min).
 */
function zipkinMatches(trace: ZipkinSpan[], p: ZipkinPushdown, extra: readonly string[]): boolean {
  const service = p.serviceName?.toLowerCase();
  const spans = trace.filter((s) => service === undefined || s.localEndpoint?.serviceName === service);
  if (spans.length === 0) {
    return false;
  }
  const name = p.spanName?.toLowerCase();
  if (name !== undefined && !spans.some((s) => s.name === name)) {
    return false;
  }
  for (const term of [...p.annotationQuery, ...extra]) {
    const eq = term.indexOf('=');
    const ok =
      eq < 0
        ? spans.some((s) => (s.tags && term in s.tags) || (s.annotations ?? []).some((a) => a.value === term))
        : spans.some((s) => s.tags?.[term.slice(0, eq)] === term.slice(eq + 1));
    if (!ok) {
      return false;
    }
  }
  if (p.minDurationUs !== undefined) {
    const min = p.minDurationUs;
    const max = p.maxDurationUs ?? Number.MAX_SAFE_INTEGER;
    if (!spans.some((s) => (s.duration ?? 0) >= min && (s.duration ?? 0) <= max)) {
      return false;
    }
  }
  return true;
}

function simulatedZipkin(wire: ZipkinSpan[][], p: ZipkinPushdown): Trace[] {
  const hits = wire.filter((t) => p.alternatives.some((alt) => zipkinMatches(t, p, alt)));
  return hits.length ? decodeZipkin(hits) : [];
}

// ---- random traces

const value = fc.constantFrom<AttributeValue>('u', 'V', '500', 500, 500.5, true, 'true', 2);
const attrs = fc.dictionary(fc.constantFrom('x', 'y', 'http.status_code', 'service.name'), value, { maxKeys: 3 });

const spanSpec: fc.Memo<SpanSpec> = fc.memo((depth) =>
  fc.record({
    service: fc.constantFrom('a', 'b', 'Cc'),
    name: fc.constantFrom('op1', 'Op2', 'get /x'),
    kind: fc.constantFrom('server' as const, 'client' as const, 'internal' as const, 'producer' as const),
    status: fc.constantFrom('unset' as const, 'ok' as const, 'error' as const),
    statusMessage: fc.constantFrom('', 'boom'),
    durationNanos: fc.constantFrom(0, 500, 1500, 999_999, 1_000_000, 50_000_000),
    attributes: attrs,
    resourceAttributes: fc.dictionary(fc.constantFrom('env'), fc.constantFrom<AttributeValue>('p', 'q'), {
      maxKeys: 1,
    }),
    events: fc.array(fc.record({ name: fc.constantFrom('e1', 'error', 'x') }), { maxLength: 1 }),
    children: depth > 1 ? fc.array(spanSpec(depth - 1), { maxLength: 3 }) : fc.constant([]),
  })
);

const traces = fc.array(spanSpec(3), { minLength: 1, maxLength: 8 }).map((roots) => {
  const wire = roots.map((root, i) => encodeZipkinTrace(buildTrace({ seq: i + 1, root })).map(stored));
  return { wire, decoded: decodeZipkin(wire) };
});

// ---- random queries

const condition = fc.constantFrom(
  'resource.service.name = "a"',
  'resource.service.name = "cc"',
  'resource.service.name = "Cc"',
  'name = "op1"',
  'span:name = "op2"',
  'name = "Op2"',
  'span.x = "u"',
  'span.x = "V"',
  '.x = 500',
  '.x = "500"',
  '.y = true',
  'span.http.status_code >= 500',
  'span.x != nil',
  '.y = nil',
  '.env = "p"',
  '.service.name = "a"',
  'duration > 1ms',
  'duration < 1ms',
  'duration >= 1us',
  'duration <= 1500ns',
  'status = error',
  'status = ok',
  'statusMessage = "boom"',
  'kind = producer',
  'span.x =~ "u|V"',
  '!(span.x = "u")',
  'event:name = "error"',
  'span.peer.service = "a"'
);
const filter = fc.array(condition, { maxLength: 3 }).map((cs) => (cs.length ? `{ ${cs.join(' && ')} }` : '{ }'));
const spansetOp = fc.constantFrom('&&', '||', '>>', '>', '<', '~', '!<');
const spansetExpr: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? filter
    : fc.oneof(
        filter,
        fc.tuple(spansetExpr(depth - 1), spansetOp, spansetExpr(depth - 1)).map(([l, op, r]) => `(${l} ${op} ${r})`)
      )
);
const query = fc
  .tuple(spansetExpr(2), fc.array(fc.constantFrom('count() > 1', 'by(resource.service.name)'), { maxLength: 1 }))
  .map(([first, rest]) => [first, ...rest].join(' | '));

describe('Zipkin pushdown soundness (property)', () => {
  it('evaluating over what the simulated Zipkin search returns equals evaluating over every trace', () => {
    let pushed = 0;
    let alternatives = 0;
    fc.assert(
      fc.property(query, traces, (q, ts) => {
        const parsed = parseTraceQL(q);
        if (!parsed.ok) {
          return;
        }
        const plan = planZipkinQuery(parsed.value, { start: 0n, end: 1n }, 1000);
        const all = searchTraces(parsed.value, ts.decoded, { limit: 1000, spss: 1000 });
        if (!all.ok) {
          return;
        }
        pushed += plan.pushdown.conditions.length > 0 ? 1 : 0;
        alternatives += plan.pushdown.alternatives.length > 1 ? 1 : 0;
        const narrowed = searchTraces(parsed.value, simulatedZipkin(ts.wire, plan.pushdown), {
          limit: 1000,
          spss: 1000,
        });
        expect(narrowed.ok).toBe(true);
        if (narrowed.ok) {
          expect(narrowed.response.traces.map((t) => t.traceID)).toEqual(all.response.traces.map((t) => t.traceID));
        }
      }),
      { numRuns: 400, seed: 1601 }
    );
    // The property must exercise pushdown, including the two-search `status = error`.
    expect(pushed).toBeGreaterThan(150);
    expect(alternatives).toBeGreaterThan(8);
  });
});
