/**
 * Bad input never crashes the evaluator: random queries (as text, through the parser) over random
 * traces either evaluate or return an error value.
 */
import fc from 'fast-check';
import { parseTraceQL } from '../traceql';
import { evaluateTrace } from './compileQuery';
import { evaluateMetrics } from './metrics';
import { searchTraces } from './search/searchTraces';
import { checkoutTrace } from './testing/fixtures';
import { DEFAULT_TRACE_START } from './testing/traceBuilder';

const fields = [
  'span.http.status_code',
  '.http.method',
  'resource.service.name',
  'duration',
  'name',
  'status',
  'kind',
  'span.tags',
  'event:name',
  'span:childCount',
  'parent.span.http.method',
  'trace:rootService',
];
const values = ['500', '"GET"', '"user-service"', '10ms', 'error', 'server', 'nil', '2.5', 'true', '"[a-z]+"'];
const cmp = ['=', '!=', '>', '<', '>=', '<=', '=~', '!~'];
const sops = ['&&', '||', '>', '<', '>>', '<<', '~', '&>', '&>>', '!<', '!>>', '!~'];

const cond = fc
  .tuple(fc.constantFrom(...fields), fc.constantFrom(...cmp), fc.constantFrom(...values))
  .map(([f, o, v]) => `${f} ${o} ${v}`);
const filter = fc.array(cond, { minLength: 0, maxLength: 3 }).map((cs) => `{ ${cs.join(' && ')} }`);
const spanset = fc.tuple(filter, fc.constantFrom(...sops), filter).map(([a, o, b]) => `${a} ${o} ${b}`);
const stage = fc.constantFrom(
  '',
  ' | count() > 1',
  ' | by(resource.service.name)',
  ' | by(kind) | coalesce()',
  ' | avg(duration) > 1ms',
  ' | select(span.http.method)'
);
const query = fc.tuple(fc.oneof(filter, spanset), stage, stage).map(([s, a, b]) => s + a + b);
const metric = fc
  .tuple(
    filter,
    fc.constantFrom(
      'rate()',
      'count_over_time() by (kind)',
      'quantile_over_time(duration, .9)',
      'histogram_over_time(span.http.status_code)',
      'max_over_time(duration)'
    ),
    fc.constantFrom('', ' | topk(1)', ' > 0')
  )
  .map(([f, fn, s]) => `${f} | ${fn}${s}`);

describe('evaluator robustness', () => {
  const trace = checkoutTrace();

  it('search queries evaluate or return an error value', () => {
    fc.assert(
      fc.property(query, (q) => {
        const parsed = parseTraceQL(q);
        if (!parsed.ok) {
          return;
        }
        const r = evaluateTrace(parsed.value, trace);
        expect(typeof r.ok).toBe('boolean');
        const s = searchTraces(parsed.value, [trace]);
        expect(s.ok).toBe(r.ok);
      }),
      { numRuns: 300 }
    );
  });

  it('metrics queries evaluate or return an error value', () => {
    fc.assert(
      fc.property(metric, (q) => {
        const parsed = parseTraceQL(q);
        if (!parsed.ok) {
          return;
        }
        const r = evaluateMetrics(parsed.value, [trace], {
          start: DEFAULT_TRACE_START,
          end: DEFAULT_TRACE_START + 60_000_000_000n,
          step: 15e9,
        });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 150 }
    );
  });
});
