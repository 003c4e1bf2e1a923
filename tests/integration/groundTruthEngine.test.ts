/**
 * (b, first half) Ground truth against TraceLens's decoder and engine: every trace fetched by ID from the
 * real Jaeger, decoded with decodeTraces and searched with the engine, must give exactly the spansets the
 * independent predicates compute from the same raw JSON.
 */
import { searchTraces } from '../../src/core/engine';
import { decodeTraces, type Trace } from '../../src/core/model';
import { parseTraceQL } from '../../src/core/traceql';
import { diffAnswers } from './support/groundTruth';
import { QUERY_CASES } from './support/queryCases';
import { answerFromSearch, plainValue } from './support/searchAnswers';
import { TraceSnapshot } from './support/snapshot';
import { requireStack } from './support/stackHandle';

const stack = requireStack();
let snap: TraceSnapshot;
let decoded: Trace[];

beforeAll(async () => {
  snap = await TraceSnapshot.take(stack.jaeger.queryUrl, Date.now() - 6 * 3600_000);
  decoded = [...snap.traces.values()].flatMap((t) => decodeTraces(JSON.parse(t.body)));
});

describe('ground truth from the raw traces', () => {
  it('covers enough traces and gives most queries a non-empty answer, so the comparisons mean something', () => {
    expect(snap.traces.size).toBeGreaterThanOrEqual(20);
    const nonEmpty = QUERY_CASES.filter((c) => snap.expected(c).size > 0);
    expect(nonEmpty.length / QUERY_CASES.length).toBeGreaterThanOrEqual(0.85);
  });

  it('decodes every fetched trace into the same spans', () => {
    const raw = [...snap.traces.values()].reduce((n, t) => n + t.spans.length, 0);
    expect(decoded.reduce((n, t) => n + t.spans.length, 0)).toBe(raw);
  });
});

describe('engine over decoded Jaeger traces agrees with ground truth', () => {
  it.each(QUERY_CASES.map((c) => [c.query, c] as const))('%s', (query, c) => {
    const parsed = parseTraceQL(query);
    if (!parsed.ok) {
      throw new Error(`does not parse: ${parsed.error.message}`);
    }
    const r = searchTraces(parsed.value, decoded, { limit: 1_000_000, spss: 1_000_000 });
    if (!r.ok) {
      throw new Error(`engine error: ${r.error.message}`);
    }
    const actual = answerFromSearch(r.response);
    expect(diffAnswers(snap.expected(c), actual)).toEqual([]);
    if (c.selected) {
      for (const t of r.response.traces) {
        for (const span of t.spanSets.flatMap((s) => s.spans)) {
          const rawSpan = snap.traces.get(t.traceID)!.spans.find((s) => s.spanId === span.spanID)!;
          for (const sel of c.selected) {
            const [scope, ...rest] = sel.split('.');
            const key = rest.join('.');
            const want = scope === 'resource' ? rawSpan.resource[key] : rawSpan.attrs[key];
            const got = span.attributes.find((a) => a.key === key);
            expect({ sel, value: got && plainValue(got.value) }).toEqual({ sel, value: want });
          }
        }
      }
    }
  });
});
