import { decision, gap, parseFails, section, unsupported, valid, validateFails } from './caseTypes';

const MANY_GROUPS =
  'Tempo groups metrics by at most five attributes (four for quantiles and histograms); we take any number';
const ARGUMENT_MISSING =
  'Tempo’s grammar requires the argument; we parse the call and the validator names what is missing, so the editor underlines the function';

/** TraceQL metrics: every function, by(), second stages, comparisons and arithmetic between queries. */
export const METRICS_CASES = [
  ...section('metrics functions', [
    valid('{ } | rate()'),
    valid('{ status = error } | rate() by (resource.service.name)'),
    valid('{ } | count_over_time()'),
    valid('{ kind = server } | count_over_time() by (span.http.route)'),
    valid('{ } | min_over_time(duration)'),
    valid('{ } | max_over_time(span.http.response_content_length) by (resource.service.name)'),
    valid('{ } | avg_over_time(duration) by (name)'),
    valid('{ } | sum_over_time(span.db.rows)'),
    valid('{ } | quantile_over_time(duration, .99)', 'the docs write quantiles without a leading zero'),
    valid('{ } | quantile_over_time(duration, 0.5, 0.9, 0.99) by (resource.service.name)'),
    valid('{ } | quantile_over_time(duration, 0, 1)', 'the ends of the range are allowed, as ints'),
    valid('{ } | histogram_over_time(duration)'),
    valid('{ } | histogram_over_time(span.payload.size) by (span.http.method)'),
    valid('{ } | min_over_time(trace:duration)'),
    valid('{ } | max_over_time(event:timeSinceStart)'),
    valid('{ } | sum_over_time(span:childCount)'),
    valid('{ } | rate ( ) by ( name )', 'spaces anywhere between tokens'),
    valid(
      '{ status = error } | by(resource.service.name) | rate()',
      'a spanset pipeline of any shape may precede the function'
    ),
    valid('{ } | select(span.a) | count() > 1 | rate()'),
    valid('{ kind = server } >> { status = error } | rate()', 'the pipe binds loosest'),
    valid('({ kind = server } && { status = error }) | count_over_time()'),
    decision(parseFails('{ } | min_over_time()'), 'validate_fails', ARGUMENT_MISSING),
    decision(parseFails('{ } | quantile_over_time(duration)'), 'validate_fails', ARGUMENT_MISSING),
    decision(
      valid('{ } | min_over_time(name)'),
      'validate_fails',
      'Tempo does not check the type of what is measured (the series come out empty); we refuse a string'
    ),
    validateFails('{ } | quantile_over_time(duration, 1.5)', 'quantiles lie in [0, 1]'),
    validateFails('{ } | quantile_over_time(duration, .5, 2)'),
    parseFails('{ } | quantile_over_time(duration, -0.5)', 'the quantile list takes no sign'),
    parseFails('{ } | quantile_over_time(.99, duration)'),
    parseFails('{ } | quantile_over_time(duration, "0.5")'),
    parseFails('{ } | rate(duration)', 'rate() takes no argument'),
    parseFails('{ } | count_over_time(span.a)'),
    parseFails('{ } | min_over_time(duration * 2)', 'the argument is an attribute, not an expression'),
    parseFails('{ } | max_over_time(span.a, span.b)'),
    parseFails('{ } | histogram_over_time(duration, 10)'),
    parseFails('{ } | avg_over_time("duration")'),
    parseFails('{ } | stddev_over_time(duration)'),
    parseFails('{ } | rate', 'a function needs its parentheses'),
    parseFails('{ } | rate() | count() > 1', 'metrics come last'),
    parseFails('{ } | rate() | { status = error }'),
    parseFails('{ } | rate() | rate()'),
    parseFails('{ rate() }'),
  ]),
  ...section('metrics without a spanset', [
    parseFails('rate()', 'a metrics function needs a spanset pipeline before it'),
    parseFails('count_over_time() by (name)'),
  ]),
  ...section('metrics by()', [
    valid('{ } | rate() by (resource.service.name, span.http.route)'),
    valid('{ } | rate() by (name, span:status, kind)', 'intrinsics group too'),
    valid('{ } | rate() by (trace:rootService)'),
    valid('{ } | rate() by (span."http route")'),
    valid('{ } | rate() by (span.a, span.b, span.c, span.d, span.e)', 'five attributes is the limit'),
    valid('{ } | quantile_over_time(duration, .9) by (span.a, span.b, span.c, span.d)'),
    unsupported('{ } | rate() by (span.a, span.b, span.c, span.d, span.e, span.f)', 'valid', MANY_GROUPS),
    unsupported(
      '{ } | count_over_time() by (span.a, span.b, span.c, span.d, span.e, span.f, span.g)',
      'valid',
      MANY_GROUPS
    ),
    unsupported(
      '{ } | quantile_over_time(duration, .9) by (span.a, span.b, span.c, span.d, span.e)',
      'valid',
      MANY_GROUPS
    ),
    unsupported(
      '{ } | histogram_over_time(duration) by (span.a, span.b, span.c, span.d, span.e)',
      'valid',
      MANY_GROUPS
    ),
    parseFails('{ } | rate() by ()'),
    parseFails('{ } | rate() by (span.a + 1)', 'metrics group by attributes, not expressions'),
    parseFails('{ } | rate() by span.a', 'the parentheses are required'),
    parseFails('{ } | rate() by (span.a,)'),
    parseFails('{ } | rate() by ("span.a")'),
  ]),
  ...section('compare()', [
    valid('{ } | compare({ status = error })', 'the top 10 values per attribute by default'),
    valid('{ } | compare({ status = error }, 25)'),
    valid(
      '{ resource.service.name = "frontend" } | compare({ duration > 1s }, 5, 1700000000000000000, 1700000600000000000)'
    ),
    valid('{ } | compare({ })'),
    validateFails('{ } | compare({ status = error }, 0)', 'top-N must be positive'),
    validateFails('{ } | compare({ }, 5, 1700000600000000000, 1700000000000000000)', 'the end must follow the start'),
    validateFails('{ } | compare({ "x" })', 'the selection is checked like any filter'),
    gap(
      validateFails(
        '{ } | compare({ }, 5, 0, 1700000000000000000)',
        'a window needs both ends positive unless both are 0'
      ),
      'valid',
      'we check only that start is before end'
    ),
    gap(
      validateFails('{ } | compare({ status = error }) | topk(5)', 'compare() takes no second stage'),
      'valid',
      'we do not check this yet'
    ),
    parseFails('{ } | compare({ }, 5, 1700000000000000000)', 'a window needs both ends'),
    parseFails('{ } | compare(status = error)', 'the selection needs braces'),
    parseFails('{ } | compare({ .a } >> { .b })', 'the selection is one filter, not a spanset expression'),
    parseFails('{ } | compare()'),
    parseFails('{ } | compare({ }, -1)'),
    gap(
      parseFails('{ } | compare({ }) by (name)', 'compare() has no by()'),
      'valid',
      'our parser reads by() after any metrics function'
    ),
  ]),
  ...section('topk and bottomk', [
    valid('{ } | rate() by (resource.service.name) | topk(5)'),
    valid('{ } | avg_over_time(duration) by (name) | bottomk(3)'),
    valid('{ } | rate() by (name) | topk(10) | bottomk(2)', 'second stages chain, left to right'),
    validateFails('{ } | rate() | topk(0)', 'k must be positive'),
    parseFails('{ } | rate() | topk(-1)'),
    parseFails('{ } | rate() | topk(2.5)'),
    parseFails('{ } | rate() | topk()'),
    parseFails('{ } | rate() | topk(span.a)'),
    parseFails('{ } | topk(5)', 'a second stage needs a metrics function before it'),
    parseFails('topk(5)'),
  ]),
  ...section('comparisons on metrics results', [
    valid('{ } | rate() > 10', 'Tempo 3.0: points that fail are dropped'),
    valid('{ } | rate() by (name) >= 0.5'),
    valid('{ } | count_over_time() < 100'),
    valid('{ } | count_over_time() <= 100'),
    valid('{ } | avg_over_time(duration) by (name) > 250ms', 'a duration threshold'),
    valid('{ } | rate() = 0'),
    valid('{ } | rate() != 0'),
    valid('{ } | rate() > 1 | topk(3)', 'comparisons mix with topk and bottomk'),
    valid('{ } | rate() by (name) | topk(3) > 1'),
    valid('{ } | rate() > 1 < 100', 'comparisons chain'),
    valid('{ } | quantile_over_time(duration, .99) by (name) > 2s'),
    parseFails('{ } | rate() > span.a', 'the threshold is a number, not an attribute'),
    parseFails('{ } | rate() =~ "1"'),
    parseFails('{ } | rate() >'),
  ]),
  ...section('arithmetic between metrics queries', [
    valid('({ status = error } | rate()) / ({ } | rate())', 'an error ratio (unreleased on Tempo main)'),
    valid('({ kind = server } | rate()) + ({ kind = consumer } | rate())'),
    valid('({ } | count_over_time()) - ({ status = error } | count_over_time())'),
    valid('({ } | rate()) * ({ } | rate())'),
    valid(
      '100 * ({ status = error } | rate() by (name)) / ({ } | rate() by (name))',
      'a plain scalar may scale a query'
    ),
    valid('({ } | rate()) / 60'),
    valid('(({ status = error } | rate()) + ({ duration > 1s } | rate())) / ({ } | rate())'),
    valid('({ status = error } | rate()) / ({ } | rate()) with (sample = 0.1)'),
    validateFails('({ } | compare({ status = error })) / ({ } | rate())', 'compare() cannot take part in arithmetic'),
    parseFails('{ status = error } | rate() / { } | rate()', 'each side needs its parentheses'),
    parseFails('({ } | rate()) /'),
    parseFails('({ } | rate()) / ({ } | count() > 1)', 'a spanset pipeline is not a metrics query'),
  ]),
];
