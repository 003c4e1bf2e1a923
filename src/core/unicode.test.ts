import { buildPath, definePaths } from './backends/paths';
import { TraceLensError } from './errors';
import { parseTraceQL } from './traceql';
import { encodeQuery } from './transport/url';
import { loneSurrogateAt } from './unicode';

describe('unpaired surrogates', () => {
  it('are found, and a proper pair is not one', () => {
    expect(loneSurrogateAt('ok 😀')).toBe(-1);
    expect(loneSurrogateAt('ab\uD800c')).toBe(2);
    expect(loneSurrogateAt('\uDC00')).toBe(0);
    expect(loneSurrogateAt('x\uD83D')).toBe(1);
  });

  it.each([
    ['in a string', '{ .a = "x\uD800" }', 10],
    ['in an attribute name', '{ .a\uDC00 = 1 }', 5],
    ['in a comment', '{ .a = 1 } // \uD800', 15],
  ])('%s: a parse error with line and column, not a URIError later', (_name, query, column) => {
    const r = parseTraceQL(query);
    expect(r).toMatchObject({
      ok: false,
      error: { line: 1, column, message: expect.stringMatching(/unpaired UTF-16 surrogate \(U\+D[8C]00\)/) },
    });
  });

  it('in a request parameter or path segment: an input error naming it', () => {
    expect(() => encodeQuery({ q: '{ .a = "\uD800" }' })).toThrow(
      expect.objectContaining({ kind: 'input', message: expect.stringContaining('the q parameter') })
    );
    const paths = definePaths('Test', ['/api/services/{service}/operations'] as const);
    expect(() => buildPath(paths, '/api/services/{service}/operations', { service: 'svc\uDFFF' })).toThrow(
      TraceLensError
    );
  });
});
