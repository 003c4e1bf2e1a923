import { adHocFilterCondition, applyAdHocFilters } from './adHocFilters';

const f = (key: string, operator: string, value: string) => ({ key, operator, value });

describe('adHocFilterCondition', () => {
  it.each([
    [f('resource.service.name', '=', 'api'), 'resource.service.name = "api"'],
    [f('status', '=', 'error'), 'status = error'],
    [f('duration', '>', '2s'), 'duration > 2s'],
    [f('span.http.status_code', '>=', '500'), 'span.http.status_code >= 500'],
    [f('span.http.route', '=~', '/api/.*'), 'span.http.route =~ "/api/.*"'],
    [f('span.msg', '!=', 'say "hi" \\ bye'), 'span.msg != "say \\"hi\\" \\\\ bye"'],
  ])('%j → %s', (filter, expected) => expect(adHocFilterCondition(filter)).toBe(expected));
});

describe('applyAdHocFilters', () => {
  it('leaves the query alone without filters', () => {
    expect(applyAdHocFilters('{ span.a = 1 }', [])).toBe('{ span.a = 1 }');
  });

  it('makes a query from the filters when the query is empty', () => {
    expect(applyAdHocFilters('', [f('resource.service.name', '=', 'api')])).toBe('{ resource.service.name = "api" }');
  });

  it('adds the conditions to every spanset filter, in searches and metrics', () => {
    const filters = [f('resource.service.name', '=', 'api')];
    const search = applyAdHocFilters('{ span.a = 1 || span.b = 2 } >> {}', filters);
    expect(search).toContain('(span.a = 1 || span.b = 2) && resource.service.name = "api"');
    expect(search).toMatch(/>> \{ ?resource\.service\.name = "api" ?\}/);
    const metrics = applyAdHocFilters('{ status = error } | rate() by (resource.service.name)', filters);
    expect(metrics).toContain('status = error && resource.service.name = "api"');
    expect(metrics).toContain('rate()');
  });

  it('refuses a filter that would not parse instead of pasting it into the query', () => {
    expect(() => applyAdHocFilters('{}', [f('bad key with spaces', '=', 'x')])).toThrow(
      /ad-hoc filter is not valid TraceQL/
    );
  });
});
