import { FieldExpr, RootNode, StaticNode } from './ast';
import { CONFORMANCE_CASES } from './conformance';
import { printField, printTraceQL } from './index';
import { parseSyntax } from './parser';
import { formatDuration, formatStaticValue } from './printLiterals';
import { mustParse, withoutPositions } from './testing';

const P = { from: 0, to: 0 };
const attr = (name: string): FieldExpr => ({ type: 'Attribute', scope: 'span', name, parent: false, ...P });
const num = (value: number): StaticNode => ({ type: 'Static', value: { kind: 'int', value }, raw: '', ...P });
const bin = (op: '+' | '*' | '^' | '&&' | '||' | '=', left: FieldExpr, right: FieldExpr): FieldExpr => ({
  type: 'FieldBinary',
  op,
  left,
  right,
  ...P,
});

describe('printTraceQL', () => {
  it.each([
    ['{.a=1}', '{ .a = 1 }'],
    ['{   }', '{}'],
    ['{ .a=1&&.b!="x" }>>{kind=server}', '{ .a = 1 && .b != "x" } >> { kind = server }'],
    [
      '{}|count()>2|by(.x)|coalesce()|select(.a,span:id)',
      '{} | count() > 2 | by(.x) | coalesce() | select(.a, span:id)',
    ],
    ['{ duration > 1h30m && .p < .99 }', '{ duration > 1h30m && .p < .99 }'],
    ['{ .a = `raw` }', '{ .a = `raw` }'],
    ['{ span."a b" = 1 }', '{ span."a b" = 1 }'],
    ['{ parent.resource.x = 1 }', '{ parent.resource.x = 1 }'],
    ['{}|rate()by(.a,name)|topk(3)>1', '{} | rate() by (.a, name) | topk(3) > 1'],
    ['{}|quantile_over_time(duration,.5,.99)', '{} | quantile_over_time(duration, 0.5, 0.99)'],
    ['{}|compare({.a=1})', '{} | compare({ .a = 1 })'],
    ['{}|compare({.a=1},10,1,2)', '{} | compare({ .a = 1 }, 10, 1, 2)'],
    ['100*({}|rate())/({}|rate())', '100 * ({} | rate()) / ({} | rate())'],
    ['{}with(most_recent=true,sample=.5)', '{} with(most_recent=true, sample=.5)'],
    ['{ .a } // comment\n| count() > 1', '{ .a } | count() > 1'],
  ])('prints %j as %j', (text, printed) => {
    expect(printTraceQL(mustParse(text))).toBe(printed);
  });

  it.each(CONFORMANCE_CASES.filter((c) => c.ours !== 'parse_fails').map((c) => [c.query]))('round-trips %s', (text) => {
    const first = parseSyntax(text);
    expect(first.ok).toBe(true);
    if (first.ok) {
      const printed = printTraceQL(first.value);
      const again = parseSyntax(printed);
      expect(again.ok && withoutPositions(again.value)).toEqual(withoutPositions(first.value));
      expect(again.ok && printTraceQL(again.value)).toBe(printed);
    }
  });

  it('adds the parentheses a hand-built tree needs and no others', () => {
    expect(printField(bin('*', bin('+', attr('a'), num(1)), attr('b')))).toBe('(span.a + 1) * span.b');
    expect(printField(bin('+', bin('*', attr('a'), num(1)), attr('b')))).toBe('span.a * 1 + span.b');
    expect(printField(bin('+', attr('a'), bin('+', attr('b'), attr('c'))))).toBe('span.a + (span.b + span.c)');
    expect(printField(bin('^', attr('a'), bin('^', attr('b'), attr('c'))))).toBe('span.a ^ span.b ^ span.c');
    expect(printField(bin('^', bin('^', attr('a'), attr('b')), attr('c')))).toBe('(span.a ^ span.b) ^ span.c');
    expect(printField(bin('&&', bin('||', attr('a'), attr('b')), attr('c')))).toBe('span.a || span.b && span.c');
    const not: FieldExpr = { type: 'FieldUnary', op: '!', operand: attr('a'), ...P };
    expect(printField(bin('*', not, attr('b')))).toBe('(!span.a) * span.b');
    expect(printField(bin('=', not, attr('b')))).toBe('!span.a = span.b');
    const neg: FieldExpr = { type: 'FieldUnary', op: '-', operand: bin('+', attr('a'), num(1)), ...P };
    expect(printField(neg)).toBe('-(span.a + 1)');
  });

  it('formats values that have no source spelling', () => {
    expect(formatStaticValue({ kind: 'string', value: 'a "q" \\ \n' })).toBe('"a \\"q\\" \\\\ \\n"');
    expect(formatStaticValue({ kind: 'float', value: 2 })).toBe('2.0');
    expect(formatStaticValue({ kind: 'int', value: -9223372036854775808n })).toBe('minInt');
    expect(formatStaticValue({ kind: 'int', value: 9223372036854775807n })).toBe('9223372036854775807');
    expect(formatStaticValue({ kind: 'spanKind', value: 'client' })).toBe('client');
    expect([formatDuration(5400e9), formatDuration(1500), formatDuration(-5e9), formatDuration(0)]).toEqual([
      '1h30m',
      '1us500ns',
      '-5s',
      '0s',
    ]);
  });

  it('quotes attribute names that would not read back unquoted', () => {
    const names = ['a b', 'x=y', '5xx', 'quote"d', 'back\\slash', 'span.inner'];
    for (const name of names) {
      const root: RootNode = {
        type: 'Root',
        query: {
          type: 'Pipeline',
          stages: [
            {
              type: 'SpansetFilter',
              expr: { type: 'Attribute', scope: 'unscoped', parent: name === 'span.inner', name, ...P },
              ...P,
            },
          ],
          ...P,
        },
        hints: [],
        ...P,
      };
      const back = parseSyntax(printTraceQL(root));
      expect(back.ok && withoutPositions(back.value)).toEqual(withoutPositions(root));
    }
  });

  it('prints intrinsics in their source spelling, or the canonical one when there is none', () => {
    const root = mustParse('{ rootServiceName = "a" }');
    expect(printTraceQL(root)).toBe('{ rootServiceName = "a" }');
    const expr: FieldExpr = { type: 'Intrinsic', name: 'trace:rootService', raw: '', ...P };
    expect(printField(expr)).toBe('trace:rootService');
  });
});
