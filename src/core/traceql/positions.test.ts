import { formatDiagnostic, parseTraceQL } from './index';
import { caretLines, offsetToLineColumn } from './positions';

describe('positions', () => {
  it('turns offsets into 1-based lines and columns', () => {
    const text = 'ab\ncd\n\nef';
    expect([0, 1, 3, 5, 6, 7, 9, 99].map((o) => offsetToLineColumn(text, o))).toEqual([
      { line: 1, column: 1 },
      { line: 1, column: 2 },
      { line: 2, column: 1 },
      { line: 2, column: 3 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
      { line: 4, column: 3 },
      { line: 4, column: 3 },
    ]);
  });

  it('draws a caret under the offending text on its own line', () => {
    expect(caretLines('{ .a = 1\n  && .b = }', 19, 20)).toEqual({ source: '  && .b = }', caret: '          ^' });
  });

  it('shows a window of very long lines around the problem', () => {
    const text = `{ ${'.a = 1 && '.repeat(100)}.b = }`;
    const { source, caret } = caretLines(text, text.length - 1, text.length);
    expect(source.startsWith('…')).toBe(true);
    expect(source.length).toBeLessThan(170);
    expect(source[caret.indexOf('^')]).toBe('}');
  });

  it('formats a diagnostic with line, column, source and caret', () => {
    const text = '{ .a = 1 }\n| count() >';
    const r = parseTraceQL(text);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(formatDiagnostic(text, r.error)).toBe(
        'line 2, column 12: unexpected end of query: `>` needs a value after it, e.g. count() > 2\n| count() >\n           ^'
      );
    }
  });
});
