import { lex } from './lexer';
import { Token } from './tokens';

const kinds = (text: string) => lex(text).map((t) => [t.kind, t.text]);
const first = (text: string): Token => lex(text)[0];

describe('lex', () => {
  it('splits a filter into tokens with offsets and ends with eof', () => {
    expect(lex('{ .a = 1 }').map((t) => [t.kind, t.text, t.from, t.to])).toEqual([
      ['lbrace', '{', 0, 1],
      ['attribute', '.a', 2, 4],
      ['op', '=', 5, 6],
      ['int', '1', 7, 8],
      ['rbrace', '}', 9, 10],
      ['eof', '', 10, 10],
    ]);
  });

  it.each([
    ['&>>'],
    ['&<<'],
    ['!>>'],
    ['!<<'],
    ['>>'],
    ['<<'],
    ['>='],
    ['<='],
    ['!='],
    ['=~'],
    ['!~'],
    ['&&'],
    ['||'],
    ['&>'],
    ['&<'],
    ['&~'],
    ['!>'],
    ['!<'],
    ['='],
    ['<'],
    ['>'],
    ['!'],
    ['~'],
    ['+'],
    ['-'],
    ['*'],
    ['/'],
    ['%'],
    ['^'],
    ['|'],
  ])('reads the operator %s as one token', (op) => {
    expect(kinds(`{} ${op} {}`)[2]).toEqual(['op', op]);
  });

  it.each([
    ['.a', 'unscoped', false, 'a'],
    ['.http.status_code', 'unscoped', false, 'http.status_code'],
    ['span.http.url', 'span', false, 'http.url'],
    ['resource.service.name', 'resource', false, 'service.name'],
    ['event.exception.type', 'event', false, 'exception.type'],
    ['link.x', 'link', false, 'x'],
    ['instrumentation.lib', 'instrumentation', false, 'lib'],
    ['parent.x', 'unscoped', true, 'x'],
    ['parent.span.x', 'span', true, 'x'],
    ['parent.resource.x', 'resource', true, 'x'],
    ['parent.duration', 'unscoped', true, 'duration'],
    ['span."a b"', 'span', false, 'a b'],
    ['span.attribute."x y"', 'span', false, 'attribute.x y'],
    ['."quoted \\" and \\\\"', 'unscoped', false, 'quoted " and \\'],
    ['.a+b-c*d/e%f', 'unscoped', false, 'a+b-c*d/e%f'],
    ['.ünïcode', 'unscoped', false, 'ünïcode'],
  ])('reads the attribute %s', (text, scope, parent, name) => {
    const t = first(text);
    expect(t.kind).toBe('attribute');
    expect(t.attribute).toEqual({ scope, parent, name });
    expect(t.to).toBe(text.length);
  });

  it.each(['{', '}', '(', ')', '=', '~', '!', '<', '>', '&', '|', '^', ',', ' '])(
    'ends an attribute name at %j',
    (ch) => {
      const t = first(`.name${ch}x`);
      expect(t.attribute?.name).toBe('name');
    }
  );

  it.each([
    ['"plain"', 'plain'],
    ['"tab\\there"', 'tab\there'],
    ['"nl\\n cr\\r"', 'nl\n cr\r'],
    ['"q\\" b\\\\"', 'q" b\\'],
    ['"\\x41\\x42"', 'AB'],
    ['"\\u00e9"', 'é'],
    ['"\\U0001F600"', '😀'],
    ['"\\101\\102"', 'AB'],
    ['"\\a\\b\\f\\v"', '\x07\b\f\v'],
    ['`raw \\n "text"`', 'raw \\n "text"'],
    ['`multi\nline`', 'multi\nline'],
  ])('decodes the string %s', (text, value) => {
    const t = first(text);
    expect(t.kind).toBe('string');
    expect(t.value).toBe(value);
  });

  it.each([
    ['1', 'int', 1],
    ['42', 'int', 42],
    ['9223372036854775807', 'int', 9223372036854775807n],
    ['1.5', 'float', 1.5],
    ['.99', 'float', 0.99],
    ['1e3', 'float', 1000],
    ['2.5E-2', 'float', 0.025],
  ])('reads the number %s', (text, kind, num) => {
    const t = first(text);
    expect([t.kind, t.num]).toEqual([kind, num]);
  });

  it.each([
    ['1ns', 1],
    ['5us', 5e3],
    ['5µs', 5e3],
    ['5μs', 5e3],
    ['20ms', 20e6],
    ['1s', 1e9],
    ['1.5s', 1.5e9],
    ['2m', 120e9],
    ['1h', 3600e9],
    ['1h30m', 5400e9],
    ['1m30s500ms', 90.5e9],
    ['1d', 86400e9],
    ['1w', 7 * 86400e9],
    ['1y', 365 * 86400e9],
  ])('reads the duration %s as %d ns', (text, nanos) => {
    const t = first(text);
    expect([t.kind, t.num, t.to]).toEqual(['duration', nanos, text.length]);
  });

  it.each([
    ['duration', 'ident'],
    ['rootServiceName', 'ident'],
    ['span:duration', 'scopedIntrinsic'],
    ['trace:rootService', 'scopedIntrinsic'],
    ['event:timeSinceStart', 'scopedIntrinsic'],
    ['instrumentation:version', 'scopedIntrinsic'],
    ['count_over_time', 'ident'],
    ['minInt', 'ident'],
  ])('reads the word %s as %s', (text, kind) => {
    expect(kinds(text)[0]).toEqual([kind, text]);
  });

  it('skips line and block comments', () => {
    expect(kinds('{ } // trailing\n| /* inner */ count()').map(([k]) => k)).toEqual([
      'lbrace',
      'rbrace',
      'op',
      'ident',
      'lparen',
      'rparen',
      'eof',
    ]);
  });

  it.each([
    ['"abc', 'unterminated string'],
    ['"a\nb"', 'newline in string'],
    ['`abc', 'unterminated raw string'],
    ['"\\q"', 'unknown escape sequence \\q in string'],
    ['"\\x4"', 'invalid escape \\x in string: expected 2 hex digits'],
    ['"\\400"', 'invalid octal escape in string: expected three octal digits up to \\377'],
    ['"\\uD800"', 'invalid escape \\uD800: not a Unicode code point'],
    ['1x', 'invalid number or duration 1x (units are ns, us, µs, ms, s, m, h, d, w, y)'],
    ['1h3', 'invalid number or duration 1h3 (units are ns, us, µs, ms, s, m, h, d, w, y)'],
    ['9223372036854775808', 'integer 9223372036854775808 is out of the 64-bit range'],
    ['span.', 'expected an attribute name after span.'],
    ['. ', 'expected an attribute name after .'],
    ['.x"ab', 'unterminated quoted attribute name'],
    ['."a\\nb"', 'quoted attribute names only accept the escapes \\" and \\\\'],
    ['/* open', 'unterminated comment'],
    ['#', 'unexpected character "#"'],
    ['$service', 'template variable $service was not replaced; is it defined?'],
  ])('turns %j into an error token: %s', (text, message) => {
    const t = first(text);
    expect(t.kind).toBe('error');
    expect(t.message).toBe(message);
    expect(t.from).toBe(0);
  });

  it('resumes after a bad escape at the closing quote', () => {
    expect(kinds('{ .a = "\\q" }').map(([k]) => k)).toEqual(['lbrace', 'attribute', 'op', 'error', 'rbrace', 'eof']);
  });

  it('covers every character of any input with tokens, in order', () => {
    const text = '{ .a=1 }#$ "x\\q" `y` µ 😀 ((';
    const tokens = lex(text);
    for (let i = 1; i < tokens.length; i++) {
      expect(tokens[i].from).toBeGreaterThanOrEqual(tokens[i - 1].to);
    }
    expect(tokens[tokens.length - 1]).toEqual({ kind: 'eof', text: '', from: text.length, to: text.length });
  });
});
