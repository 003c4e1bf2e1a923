import { parseTraceQL } from './index';

/*
 * The grammar and validation edges of issue #20, each accepted or refused as Tempo does, with the
 * line and column of every refusal worked out by counting characters in the query. Several
 * queries span lines so the line number is checked too.
 */
describe('TraceQL edges Tempo accepts', () => {
  it.each([
    ['a comparison after a parenthesised metrics query', '({} | rate()) > 10'],
    ['the same with a duration-valued function', '({} | max_over_time(duration)) > 30'],
    ['a comparison after arithmetic between queries', '({ status = error } | rate()) / ({} | rate()) > 0.5'],
    ['topk after arithmetic between queries', '({} | rate()) + ({} | rate()) | topk(5)'],
    ['a float with a trailing dot', '{ 1 = 1. }'],
    ['a float with a trailing dot in arithmetic', '{ 1 / 10. = .1 }'],
    ['several with() groups', '{ } with (most_recent = true) with (exemplars = true)'],
    ['!= nil on an intrinsic', '{ span:status != nil }'],
    ['= nil on an attribute', '{ span.http.route = nil }'],
  ])('%s: %s', (_what, query) => {
    const r = parseTraceQL(query);
    expect(r.ok ? 'ok' : r.error.message).toBe('ok');
  });
});

describe('TraceQL edges Tempo refuses, with line and column', () => {
  it.each<[string, string, number, number, RegExp]>([
    // Tempo parses these and does not run them; we refuse at the first pipeline operand.
    [
      'comparing two parenthesised pipelines',
      '({ .a } | count()) = ({ .a } | count())',
      1,
      1,
      /parenthesised pipeline is not supported/,
    ],
    ['the same on a second line', '{ .b }\n  && { .c } | ({ .a } | count()) > 2', 2, 15, /not supported/],
    [
      'a second stage after compare()',
      '{} | compare({status=error}) | topk(10)',
      1,
      32,
      /compare\(\) takes no second stage/,
    ],
    ['a comparison after compare()', '{} | compare({status=error})\n  > 1', 2, 3, /compare\(\) takes no second stage/],
    ['= nil on an intrinsic', '{ span:status = nil }', 1, 3, /refuses it on the intrinsic span:status/],
    ['= nil on resource.service.name', '{ .a = 1 &&\n  resource.service.name = nil }', 2, 3, /resource\.service\.name/],
    [
      'a compare() window with one end 0',
      '{} | compare({ }, 5, 0, 1700000000000000000)',
      1,
      6,
      /positive Unix nanoseconds/,
    ],
    ['by() after compare()', '{} | compare({ }) by (name)', 1, 19, /compare\(\) takes no by\(\)/],
    ['a signed hint value', '{} | rate() with (sample = -0.1)', 1, 28, /takes no sign/],
    ['a fraction of a day', '{ traceDuration > 1.5d }', 1, 19, /invalid duration 1\.5d/],
    ['day units out of order', '{ traceDuration >\n 2d1w }', 2, 2, /order y w d h m s ms/],
    ['an aggregate left uncompared', '{ } | count()', 1, 7, /must be compared/],
  ])('%s', (_what, query, line, column, message) => {
    const r = parseTraceQL(query);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect({ line: r.error.line, column: r.error.column }).toEqual({ line, column });
      expect(r.error.message).toMatch(message);
    }
  });
});
