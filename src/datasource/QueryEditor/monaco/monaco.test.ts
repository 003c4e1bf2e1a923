import { checkTraceQL } from '../../language/traceql';
import { maskTemplateVariables } from '../../language/maskVariables';
import { highlightLine } from './highlight';
import { positionAt, toMarker } from './markers';

describe('highlightLine', () => {
  it('classes every token of a query from our lexer', () => {
    const line = '{ span.a = "x" } | count() > 2';
    const classes = highlightLine(line).map((t) => [line.slice(t.startIndex).split(/\s/)[0], t.scopes]);
    expect(classes).toEqual(
      expect.arrayContaining([
        ['{', 'delimiter'],
        ['span.a', 'variable'],
        ['=', 'operator'],
        ['"x"', 'string'],
        ['|', 'operator'],
        ['count()', 'keyword'],
        ['2', 'number'],
      ])
    );
  });

  it('marks malformed pieces as invalid and template variables as variables', () => {
    expect(highlightLine('{ "open').map((t) => t.scopes)).toContain('invalid');
    expect(highlightLine('{ span.a = $v }').map((t) => t.scopes)).toContain('variable.predefined');
  });
});

describe('markers', () => {
  it('places a parse error at its line and column', () => {
    const text = '{ span.a = 1 &&\n  span.b = }';
    const { diagnostics } = checkTraceQL(text);
    expect(diagnostics).toHaveLength(1);
    const m = toMarker(text, diagnostics[0]);
    expect(m.startLineNumber).toBe(2);
    expect(m.startColumn).toBe(diagnostics[0].column);
    expect(m.message).toBe(diagnostics[0].message);
    expect(m.endColumn).toBeGreaterThan(m.startColumn);
  });

  it('counts lines and columns from 1', () => {
    expect(positionAt('ab\ncd', 0)).toEqual({ lineNumber: 1, column: 1 });
    expect(positionAt('ab\ncd', 4)).toEqual({ lineNumber: 2, column: 2 });
  });
});

describe('maskTemplateVariables', () => {
  it('keeps positions and lets queries with variables check cleanly', () => {
    const text = '{ resource.service.name = $service && span.x = "$inside" && span.y = ${v:raw} }';
    const masked = maskTemplateVariables(text);
    expect(masked).toHaveLength(text.length);
    expect(masked).toContain('"$inside"');
    expect(checkTraceQL(masked).diagnostics).toEqual([]);
  });
});
