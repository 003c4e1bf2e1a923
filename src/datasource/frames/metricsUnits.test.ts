import { metricsUnit } from './metricsUnits';

describe('metricsUnit', () => {
  it.each([
    ['{} | rate()', 'count:spans/s'],
    ['{ kind = server } | rate() by (resource.service.name)', 'count:spans/s'],
    ['{} | count_over_time()', 'count:spans'],
    ['{} | quantile_over_time(duration, .5, .99)', 's'],
    ['{} | avg_over_time(span:duration)', 's'],
    ['{} | max_over_time(traceDuration) by (resource.service.name)', 's'],
    ['{} | sum_over_time(span.http.response_content_length)', undefined],
    ['{} | histogram_over_time(duration)', undefined],
  ])('%s is in %s', (query, unit) => {
    expect(metricsUnit(query)).toBe(unit);
  });

  it('keeps the unit through parentheses, second stages and sums, and drops it for ratios', () => {
    expect(metricsUnit('({} | rate()) | topk(5)')).toBe('count:spans/s');
    expect(metricsUnit('({status=error} | rate()) + ({status=ok} | rate())')).toBe('count:spans/s');
    expect(metricsUnit('({status=error} | rate()) / ({} | rate())')).toBeUndefined();
    expect(metricsUnit('100 * ({} | rate())')).toBe('count:spans/s');
    expect(metricsUnit('({} | quantile_over_time(duration, .99)) - ({} | rate())')).toBeUndefined();
  });

  it('has no unit for a search, a query that does not parse, or a bare number', () => {
    expect(metricsUnit('{ status = error }')).toBeUndefined();
    expect(metricsUnit('{} | rate(')).toBeUndefined();
  });
});
