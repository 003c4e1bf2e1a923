/**
 * V8's JSON.parse messages do not always say where the input broke ("Unexpected token '}', ... is
 * not valid JSON" has no offset). This scanner runs only after JSON.parse has failed, and finds the
 * offset of the first character that makes the text invalid, so the message can name line and column.
 * It validates syntax only and is iterative, so deep nesting cannot overflow the stack.
 */

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

export interface JsonErrorLocation {
  readonly offset: number;
  readonly reason: string;
}

export function findJsonErrorOffset(text: string): JsonErrorLocation | null {
  let i = 0;
  // Stack of open containers: '{' or '['. `expect` says what may come next.
  const stack: string[] = [];
  type Expect = 'value' | 'key' | 'colon' | 'commaOrClose' | 'end';
  let expect: Expect = 'value';
  // After '{' or '[' a close is allowed instead of the first key/value.
  let allowClose = false;

  const skipWs = (): void => {
    while (i < text.length && WS.has(text.charCodeAt(i))) {
      i++;
    }
  };
  const fail = (reason: string): JsonErrorLocation => ({ offset: i, reason });

  for (;;) {
    skipWs();
    if (i >= text.length) {
      return expect === 'end' ? null : fail('unexpected end of input');
    }
    const c = text[i];
    if (expect === 'end') {
      return fail(`unexpected '${c}' after the end of the JSON value`);
    }
    if (expect === 'colon') {
      if (c !== ':') {
        return fail(`expected ':' after an object key, found '${c}'`);
      }
      i++;
      expect = 'value';
      continue;
    }
    if (expect === 'commaOrClose' || allowClose) {
      const top = stack[stack.length - 1];
      if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
        allowClose = false;
        expect = stack.length === 0 ? 'end' : 'commaOrClose';
        continue;
      }
      if (expect === 'commaOrClose') {
        if (c !== ',') {
          return fail(`expected ',' or '${top === '{' ? '}' : ']'}', found '${c}'`);
        }
        i++;
        expect = top === '{' ? 'key' : 'value';
        continue;
      }
    }
    allowClose = false;
    if (expect === 'key') {
      if (c !== '"') {
        return fail(`expected a quoted object key, found '${c}'`);
      }
      const bad = scanString();
      if (bad) {
        return bad;
      }
      expect = 'colon';
      continue;
    }
    // expect === 'value'
    if (c === '{' || c === '[') {
      stack.push(c);
      i++;
      allowClose = true;
      expect = c === '{' ? 'key' : 'value';
      continue;
    }
    const bad = c === '"' ? scanString() : scanLiteral();
    if (bad) {
      return bad;
    }
    expect = stack.length === 0 ? 'end' : 'commaOrClose';
  }

  function scanString(): JsonErrorLocation | null {
    i++;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 0x22) {
        i++;
        return null;
      }
      if (code < 0x20) {
        return fail('control character inside a string');
      }
      if (code === 0x5c) {
        const esc = text[i + 1];
        if (esc === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
            i++;
            return fail('bad \\u escape in a string');
          }
          i += 6;
          continue;
        }
        if (esc === undefined || !'"\\/bfnrt'.includes(esc)) {
          i++;
          return fail('bad escape in a string');
        }
        i += 2;
        continue;
      }
      i++;
    }
    return fail('unterminated string');
  }

  function scanLiteral(): JsonErrorLocation | null {
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (m === null || m[0].length === 0) {
      return fail(`unexpected '${text[i]}'`);
    }
    i += m[0].length;
    return null;
  }
}

/** 1-based line and column of a character offset. */
export function offsetToLineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 0x0a) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
