import fc from 'fast-check';
import { RootNode } from './ast';
import { interpolateTemplateVariables, parseTraceQL, printTraceQL, tokenizeForHighlight } from './index';
import { parseSyntax } from './parser';
import { rootNode } from './testArbitraries';
import { withoutPositions } from './testing';

const FRAGMENTS = [
  '{',
  '}',
  '(',
  ')',
  ',',
  '|',
  ' ',
  '\n',
  '.a',
  'span.',
  'resource.x',
  'parent.span.y',
  '."q"',
  '"s"',
  '"\\',
  '`r`',
  '`',
  '1',
  '-2',
  '.5',
  '1h30m',
  '5x',
  'true',
  'nil',
  'ok',
  'server',
  'minInt',
  'duration',
  'span:duration',
  'trace:nope',
  '=',
  '!=',
  '=~',
  '!~',
  '<',
  '>=',
  '>>',
  '!<<',
  '&>',
  '~',
  '&&',
  '||',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  'count()',
  'avg(',
  'by(',
  'coalesce()',
  'select(',
  'rate()',
  'quantile_over_time(',
  'compare(',
  'topk(',
  'with(',
  'sample=',
  '$var',
  '${v:csv}',
  '/*',
  '*/',
  '//',
  '😀',
  '\u0000',
];

const soup = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((parts) => parts.join(''));
const anyText = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ maxLength: 60, unit: 'binary' }), soup);

function assertDiagnosticInRange(text: string): void {
  const r = parseTraceQL(text);
  if (!r.ok) {
    expect(r.error.from).toBeGreaterThanOrEqual(0);
    expect(r.error.to).toBeLessThanOrEqual(Math.max(text.length, r.error.from + 1));
    expect(r.error.line).toBeGreaterThanOrEqual(1);
    expect(r.error.column).toBeGreaterThanOrEqual(1);
    expect(r.error.message).not.toMatch(/\n/);
  }
}

/** Hand-written query text in varied spellings and layout, valid by construction. */
const ws = fc.constantFrom('', ' ', '  ', '\n', '\t', ' /* note */ ', ' // note\n');
const field = fc.constantFrom(
  '.a',
  'span.http.status_code',
  'resource.service.name',
  'parent.span.x',
  'span."a b"',
  'duration',
  'span:duration',
  'name',
  'trace:rootService',
  'rootServiceName',
  'event:name',
  'span:childCount',
  'nestedSetLeft'
);
const value = fc.constantFrom(
  '1',
  '-1',
  '.5',
  '2.5e3',
  '"x"',
  '`raw\\d`',
  '"\\u00e9\\n"',
  '1h30m',
  '-5s',
  '250ms',
  'true',
  'nil',
  'ok',
  'error',
  'server',
  'minInt',
  'maxInt'
);
const cmp = fc.constantFrom('=', '!=', '<', '<=', '>', '>=', '=~', '!~');
const join = (parts: string[], sep: string[], gaps: string[]) =>
  parts.map((p, i) => (i === 0 ? p : `${gaps[i]}${sep[i]}${gaps[i]}${p}`)).join('');
const condition = fc.tuple(field, ws, cmp, ws, value).map((t) => t.join(''));
const filterText = fc
  .tuple(
    fc.array(condition, { minLength: 0, maxLength: 3 }),
    fc.array(fc.constantFrom('&&', '||'), { minLength: 3, maxLength: 3 }),
    fc.array(ws, { minLength: 3, maxLength: 3 })
  )
  .map(([conds, ops, gaps]) => `{${gaps[0]}${join(conds, ops, gaps)}${gaps[0]}}`);
const spansetText = fc
  .tuple(
    fc.array(filterText, { minLength: 1, maxLength: 3 }),
    fc.array(fc.constantFrom('&&', '||', '>>', '<<', '>', '<', '~', '!>>', '!~', '&>', '&<<'), {
      minLength: 3,
      maxLength: 3,
    }),
    fc.array(ws, { minLength: 3, maxLength: 3 })
  )
  .map(([filters, ops, gaps]) => join(filters, ops, gaps));
const stageText = fc.oneof(
  spansetText,
  fc.constantFrom(
    'count() > 2',
    'avg(duration)>=1h30m',
    'max(span.bytes) - min(span.bytes) > 1024',
    'by(resource.service.name)',
    'coalesce()',
    'select(.a, span:id)'
  )
);
const metricsText = fc.constantFrom(
  '',
  ' | rate()',
  ' | count_over_time() by (resource.service.name)',
  ' | quantile_over_time(duration, .5, .99) by (name) | topk(3)',
  ' | histogram_over_time(duration) > 10',
  ' | compare({ status = error }, 5)'
);
const hintText = fc.constantFrom('', ' with(most_recent=true)', ' with(sample=.1, exemplars=false)');
const validText = fc
  .tuple(spansetText, fc.array(stageText, { maxLength: 3 }), metricsText, hintText, ws)
  .map(([first, stages, metrics, hints, gap]) => `${[first, ...stages].join(`${gap}|${gap}`)}${metrics}${hints}`);

/** Property runs are CPU-bound; on a shared machine they can take longer than Jest's default. */
const PROPERTY_TIMEOUT_MS = 120_000;

describe('TraceQL front end properties', () => {
  it(
    'parses hand-laid-out valid queries and round-trips them through the printer',
    () => {
      fc.assert(
        fc.property(validText, (text) => {
          const first = parseSyntax(text);
          if (!first.ok) {
            throw new Error(`${JSON.stringify(text)}: ${first.error.message} at ${first.error.column}`);
          }
          const again = parseSyntax(printTraceQL(first.value));
          expect(again.ok && withoutPositions(again.value)).toEqual(withoutPositions(first.value));
        }),
        { numRuns: 800 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'never throws on arbitrary text, and locates every error inside it',
    () => {
      fc.assert(
        fc.property(anyText, (text) => {
          assertDiagnosticInRange(text);
          tokenizeForHighlight(text);
        }),
        { numRuns: 1500 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'never throws while interpolating arbitrary variables into arbitrary text',
    () => {
      const vars = fc.dictionary(
        fc.stringMatching(/^[a-z]{1,3}$/),
        fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }))
      );
      fc.assert(
        fc.property(soup, vars, (text, v) => {
          assertDiagnosticInRange(interpolateTemplateVariables(text, v));
        }),
        { numRuns: 1000 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'prints grammar-generated ASTs to text that parses back to the same AST',
    () => {
      fc.assert(
        fc.property(rootNode, (root: RootNode) => {
          const text = printTraceQL(root);
          const back = parseSyntax(text);
          if (!back.ok) {
            throw new Error(`${text}\n${back.error.message} at ${back.error.column}`);
          }
          expect(withoutPositions(back.value)).toEqual(withoutPositions(root));
        }),
        { numRuns: 800 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'prints canonically: printing a re-parsed query gives the same text',
    () => {
      fc.assert(
        fc.property(rootNode, (root: RootNode) => {
          const once = printTraceQL(root);
          const back = parseSyntax(once);
          expect(back.ok && printTraceQL(back.value)).toBe(once);
        }),
        { numRuns: 500 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );

  it(
    'round-trips arbitrary text that happens to parse',
    () => {
      fc.assert(
        fc.property(soup, (text) => {
          const first = parseSyntax(text);
          if (first.ok) {
            const again = parseSyntax(printTraceQL(first.value));
            expect(again.ok && withoutPositions(again.value)).toEqual(withoutPositions(first.value));
          }
        }),
        { numRuns: 1500 }
      );
    },
    PROPERTY_TIMEOUT_MS
  );
});
