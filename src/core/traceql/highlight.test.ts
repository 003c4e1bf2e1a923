import { tokenizeForHighlight } from './index';

describe('tokenizeForHighlight', () => {
  it('classifies every kind of token', () => {
    const text =
      '{ span.http.status = 200 && duration > 1s && .a =~ "x" && span:id != nil } | count() > 1 | rate() with(most_recent=true) ?';
    const spans = tokenizeForHighlight(text).map((s) => [text.slice(s.from, s.to), s.kind]);
    expect(spans).toEqual([
      ['{', 'punctuation'],
      ['span.', 'scope'],
      ['http.status', 'attribute'],
      ['=', 'operator'],
      ['200', 'number'],
      ['&&', 'operator'],
      ['duration', 'intrinsic'],
      ['>', 'operator'],
      ['1s', 'duration'],
      ['&&', 'operator'],
      ['.a', 'attribute'],
      ['=~', 'operator'],
      ['"x"', 'string'],
      ['&&', 'operator'],
      ['span:id', 'intrinsic'],
      ['!=', 'operator'],
      ['nil', 'keyword'],
      ['}', 'punctuation'],
      ['|', 'operator'],
      ['count', 'function'],
      ['(', 'punctuation'],
      [')', 'punctuation'],
      ['>', 'operator'],
      ['1', 'number'],
      ['|', 'operator'],
      ['rate', 'function'],
      ['(', 'punctuation'],
      [')', 'punctuation'],
      ['with', 'keyword'],
      ['(', 'punctuation'],
      ['most_recent', 'keyword'],
      ['=', 'operator'],
      ['true', 'keyword'],
      [')', 'punctuation'],
      ['?', 'error'],
    ]);
  });

  it('marks unknown words and malformed literals as errors', () => {
    const kinds = tokenizeForHighlight('{ foo = "open').map((s) => s.kind);
    expect(kinds).toEqual(['punctuation', 'error', 'operator', 'error']);
  });

  it('treats Grafana template variables as keywords, since the editor shows them uninterpolated', () => {
    const text = '{ .a = $x && .b = ${y:csv} && .c = $ }';
    const kinds = tokenizeForHighlight(text).map((s) => [text.slice(s.from, s.to), s.kind]);
    expect(kinds.filter(([t]) => t.startsWith('$'))).toEqual([
      ['$x', 'keyword'],
      ['${y:csv}', 'keyword'],
      ['$', 'error'],
    ]);
  });

  it('splits parent scopes from the attribute name', () => {
    const text = 'parent.resource.x';
    expect(tokenizeForHighlight(text).map((s) => [text.slice(s.from, s.to), s.kind])).toEqual([
      ['parent.resource.', 'scope'],
      ['x', 'attribute'],
    ]);
  });
});
