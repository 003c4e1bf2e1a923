import { interpolateTemplateVariables, parseTraceQL } from './index';

describe('interpolateTemplateVariables', () => {
  const vars = { svc: 'api', multi: ['a.b', 'c|d'], q: 'say "hi" \\o/', empty: [] as string[], n: '5', raw: 'x`y' };

  it.each([
    ['{ resource.service.name = "$svc" }', '{ resource.service.name = "api" }'],
    ['{ resource.service.name = "${svc}" }', '{ resource.service.name = "api" }'],
    ['{ .a = "$multi" }', '{ .a = "a.b" }'],
    ['{ .a =~ "$multi" }', '{ .a =~ "a\\\\.b|c\\\\|d" }'],
    ['{ .a !~ "${multi}" }', '{ .a !~ "a\\\\.b|c\\\\|d" }'],
    ['{ .a =~ "prefix-$multi" }', '{ .a =~ "prefix-(?:a\\\\.b|c\\\\|d)" }'],
    ['{ .a = "$q" }', '{ .a = "say \\"hi\\" \\\\o/" }'],
    ['{ .a > $n }', '{ .a > 5 }'],
    ['{ .a = `$raw` }', '{ .a = `xy` }'],
    ['{ .a = "$empty" }', '{ .a = "" }'],
    ['{ .a = "$unknown" }', '{ .a = "$unknown" }'],
    ['{ .a = "${multi:csv}" }', '{ .a = "a.b,c|d" }'],
    ['{ .a =~ "${multi:regex}" }', '{ .a =~ "(a\\\\.b|c\\\\|d)" }'],
    ['{ .a = "${multi:pipe}" }', '{ .a = "a.b|c|d" }'],
    ['{ .a = "${svc:raw}" }', '{ .a = "api" }'],
    ['{ .a = "\\"$svc" }', '{ .a = "\\"api" }'],
    ['{ .a = "$$svc" }', '{ .a = "$api" }'],
  ])('interpolates %s', (text, expected) => {
    expect(interpolateTemplateVariables(text, vars)).toBe(expected);
  });

  it('keeps hostile values inside their quotes', () => {
    const text = interpolateTemplateVariables('{ .a = "$evil" }', { evil: '" } || { true } | { .b = "' });
    const r = parseTraceQL(text);
    expect(r.ok).toBe(true);
    expect(r.ok && r.value.query.type === 'Pipeline' && r.value.query.stages.length).toBe(1);
  });

  it('produces a regex that matches exactly the selected values', () => {
    const text = interpolateTemplateVariables('{ .a =~ "$m" }', { m: ['a.b', 'x+'] });
    expect(parseTraceQL(text).ok).toBe(true);
    expect(text).toBe('{ .a =~ "a\\\\.b|x\\\\+" }');
  });
});
