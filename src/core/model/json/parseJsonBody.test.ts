import { TraceLensError } from '../../errors';
import { findJsonErrorOffset } from './jsonErrorOffset';
import { parseJsonBody } from './parseJsonBody';

function failure(text: string): TraceLensError {
  try {
    parseJsonBody(text, 'traces.json');
  } catch (e) {
    if (e instanceof TraceLensError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a failure');
}

describe('parseJsonBody', () => {
  it('parses valid JSON', () => {
    expect(parseJsonBody('{"a":[1,2]}', 'x')).toEqual({ a: [1, 2] });
  });

  it('names the input and the line and column of the first bad character', () => {
    const e = failure('{\n  "data": [1, 2,, 3]\n}');
    expect(e.kind).toBe('malformed');
    expect(e.message).toContain('traces.json');
    expect(e.message).toContain('line 2, column 17');
  });

  it('reports truncated input', () => {
    expect(failure('{"data": [').message).toContain('unexpected end of input');
  });

  it('reports an empty body plainly', () => {
    expect(failure('  ').message).toBe('traces.json: expected JSON, got an empty body');
  });
});

describe('findJsonErrorOffset', () => {
  it.each([
    ['{"a":1}', null],
    ['[1, 2, {"b": [true, false, null]}]', null],
    ['"x\\u00e9"', null],
    ['{"a":}', 5],
    ['{"a" 1}', 5],
    ['[1 2]', 3],
    ['{} x', 3],
    ['{"a":1,}', 7],
    ['"bad \\q"', 6],
    ['[01]', 2],
  ])('%s → %p', (text, offset) => {
    const found = findJsonErrorOffset(text);
    expect(found === null ? null : found.offset).toBe(offset);
  });

  it('agrees with JSON.parse on which texts are valid', () => {
    const samples = ['{"a":[1,{"b":2}]}', '[', ']', '{"a":1}}', '-', '-1.5e3', '1.', 'tru', '{"k":"v\n"}'];
    for (const text of samples) {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(findJsonErrorOffset(text) === null).toBe(valid);
    }
  });
});
