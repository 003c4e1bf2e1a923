import { parseTraceQL } from './index';
import { parseSyntax } from './parser';
import { validateTraceQL } from './validate';

function problem(text: string) {
  const r = parseTraceQL(text);
  if (r.ok) {
    throw new Error(`expected ${text} to fail validation`);
  }
  return r.error;
}

describe('validateTraceQL', () => {
  it.each([
    ['{ 1 + "foo" = 1 }', 'arithmetic + needs numbers or durations, not string', 2, 11],
    ['{ .a + "x" = 1 }', 'arithmetic + needs numbers or durations, not string', 2, 10],
    ['{ 1 = "foo" }', 'cannot compare int with string', 2, 11],
    ['{ name = 1 }', 'cannot compare string with int', 2, 10],
    ['{ status > ok }', '> orders numbers, durations or strings, not status', 2, 13],
    ['{ 1 =~ 2 }', '=~ matches strings against a regular expression, not int', 2, 8],
    ['{ .a && 1 }', '&& needs booleans on both sides, not int', 2, 9],
    ['{ -true }', 'unary - needs a number or duration, not bool', 2, 7],
    ['{ !1 = 1 }', '! needs a boolean, not int', 2, 4],
    ['{ status }', 'a spanset filter needs a condition that is true or false, not status', 2, 8],
    [
      '{ status = "error" }',
      'cannot compare status with string; write status values without quotes: ok, error, unset',
      2,
      18,
    ],
    ['{ parent = 1 }', 'cannot compare parent with int', 2, 12],
    ['{ span:childCount = "x" }', 'cannot compare int with string', 2, 23],
    ['{ span:id > 1 }', 'cannot compare string with int', 2, 13],
  ])('rejects %s: %s', (text, message, from, to) => {
    expect(problem(text)).toMatchObject({ message, from, to, line: 1, column: from + 1 });
  });

  it('compiles regexes with RE2 syntax and reports a bad one at the pattern', () => {
    const e = problem('{ span.foo =~ "a[" }');
    expect(e.message).toMatch(/^invalid regular expression "a\[": /);
    expect([e.from, e.to, e.token]).toEqual([14, 18, '"a["']);
    // Lookahead is not RE2: Tempo refuses it, so do we.
    expect(problem('{ .a =~ "(?=x)" }').message).toMatch(/invalid regular expression/);
    expect(parseTraceQL('{ .a =~ "[[:alpha:]]+\\\\d{2,3}" }').ok).toBe(true);
  });

  it.each([
    ['{ } | sum(3) = 2', 'sum() must aggregate something read from the span, e.g. sum(duration)'],
    ['{ } | min(.a = 3) = 1', 'min() needs a number or duration, not bool'],
    ['{ } | max(name) > 1', 'max() needs a number or duration, not string'],
    ['{ } | by(1)', 'by() must group by something read from the span, e.g. by(resource.service.name)'],
  ])('checks pipeline stages: %s', (text, message) => {
    expect(problem(text).message).toBe(message);
  });

  it.each([
    ['{} | avg_over_time()', 'avg_over_time() needs an attribute to measure, e.g. avg_over_time(duration)'],
    [
      '{} | quantile_over_time(duration)',
      'quantile_over_time() needs at least one quantile, e.g. quantile_over_time(duration, .99)',
    ],
    ['{} | quantile_over_time(duration, 1.5)', 'quantiles must be between 0 and 1'],
    ['{} | histogram_over_time(name)', 'histogram_over_time() needs a numeric attribute, not string'],
    ['{} | rate() | topk(0)', 'topk() needs a positive whole number'],
    ['{} | compare({ .a = 1 }, 0)', 'compare() needs a positive whole number of top values'],
    ['{} | compare({ .a = 1 }, 5, 20, 10)', 'compare() needs a start before its end'],
    ['{} | compare({ status })', 'a spanset filter needs a condition that is true or false, not status'],
    ['({} | compare({ .a = 1 })) / ({} | rate())', 'compare() cannot be used in metrics arithmetic'],
    ['{} | rate() > ok', 'unexpected `ok`, expected a spanset such as { .ok = ... } or a pipeline function'],
  ])('checks metrics: %s', (text, message) => {
    expect(problem(text).message).toBe(message);
  });

  it.each([
    [
      '{} with(foo=true)',
      'unknown hint foo; known hints are sample, trace_sample, span_sample, exemplars, most_recent, extrapolate and the unsafe ones',
    ],
    ['{} with(most_recent=1)', 'hint most_recent takes true or false'],
    ['{} | rate() with(span_sample=2)', 'hint span_sample takes a fraction greater than 0 and at most 1'],
    ['{} | rate() with(sample="x")', 'hint sample takes true, false or a fraction greater than 0 and at most 1'],
    ['{} with(job_size=1.5)', 'hint job_size takes a positive whole number'],
  ])('checks hints: %s', (text, message) => {
    expect(problem(text).message).toBe(message);
  });

  it.each([
    '{} with(most_recent=true)',
    '{} | rate() with(sample=0.1, exemplars=true, extrapolate=true)',
    '{} | rate() with(trace_sample=0.5)',
    '{} with(debug_anything=1, job_size=100, time_overlap_cutoff=0.2)',
  ])('accepts the hints in %s', (text) => {
    expect(parseTraceQL(text).ok).toBe(true);
  });

  it.each([
    '{ .a = nil }',
    '{ parent = nil }',
    '{ name != nil }',
    '{ .http.status_code >= "400" }',
    '{ duration > 1s * 2 }',
    '{ span:childCount > 2 && event:timeSinceStart > -5s }',
    '{ .a = minInt || .a = maxInt }',
    '{ } | min(.x) + max(duration) > avg(.y) * 2',
  ])('accepts %s', (text) => {
    expect(parseTraceQL(text).ok).toBe(true);
  });

  it('caps the number of diagnostics for huge generated queries', () => {
    const text = '{ ' + Array.from({ length: 1500 }, () => '1 = "a"').join(' && ') + ' }';
    const r = parseSyntax(text);
    expect(r.ok && validateTraceQL(r.value, text)).toHaveLength(100);
  });

  it('returns every problem, sorted by position', () => {
    const text = '{ 1 = "a" && "b" =~ "[" } | by(1)';
    const r = parseSyntax(text);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(validateTraceQL(r.value, text).map((d) => d.message)).toEqual([
        'cannot compare int with string',
        expect.stringMatching(/^invalid regular expression/),
        'by() must group by something read from the span, e.g. by(resource.service.name)',
      ]);
    }
  });
});
