import { scanNumber, scanQuoted, scanRaw } from './lexLiterals';
import { AttributeRef, endsAttributeName, OPERATORS, Token } from './tokens';

/**
 * Turns TraceQL text into tokens. Never throws: malformed pieces become `error` tokens carrying a
 * message, and the list always ends with one `eof` token. Whitespace and `//`, `/* *\/` comments
 * are skipped, as Tempo's scanner does.
 */
export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    i = skipTrivia(text, i);
    if (i >= text.length) {
      tokens.push({ kind: 'eof', text: '', from: text.length, to: text.length });
      return tokens;
    }
    const token = nextToken(text, i);
    tokens.push(token);
    i = token.to;
  }
}

function skipTrivia(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || /\s/.test(ch)) {
      i++;
    } else if (text.startsWith('//', i)) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl + 1;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      // An unterminated block comment is reported by nextToken, so stop here.
      if (close < 0) {
        return i;
      }
      i = close + 2;
    } else {
      return i;
    }
  }
  return i;
}

const SINGLE: Readonly<Record<string, Token['kind']>> = {
  '{': 'lbrace',
  '}': 'rbrace',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
};

const SCOPES = new Set(['span', 'resource', 'event', 'link', 'instrumentation', 'parent']);

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isIdentStart(ch: string | undefined): boolean {
  return ch !== undefined && isLetterCode(ch.charCodeAt(0));
}

function scanIdent(text: string, i: number): number {
  for (let c = text.charCodeAt(i); isLetterCode(c) || (c >= 48 && c <= 57); c = text.charCodeAt(i)) {
    i++;
  }
  return i;
}

/** Operators grouped by first character, longest first, so a lookup tries only a few. */
const OPERATORS_BY_FIRST: ReadonlyMap<string, readonly string[]> = OPERATORS.reduce((m, op) => {
  m.set(op[0], [...(m.get(op[0]) ?? []), op]);
  return m;
}, new Map<string, string[]>());

function nextToken(text: string, i: number): Token {
  const ch = text[i];
  const single = SINGLE[ch];
  if (single !== undefined) {
    return { kind: single, text: ch, from: i, to: i + 1 };
  }
  if (text.startsWith('/*', i)) {
    return errorToken(text, i, text.length, 'unterminated comment');
  }
  if (ch === '"' || ch === '`') {
    const s = ch === '"' ? scanQuoted(text, i) : scanRaw(text, i);
    return s.ok
      ? { kind: 'string', text: text.slice(i, s.end), from: i, to: s.end, value: s.value }
      : errorToken(text, i, s.end, s.message);
  }
  if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1]))) {
    const n = scanNumber(text, i);
    return n.ok
      ? { kind: n.value.kind, text: text.slice(i, n.end), from: i, to: n.end, num: n.value.value }
      : errorToken(text, i, n.end, n.message);
  }
  if (ch === '.') {
    return attributeToken(text, i, i + 1, 'unscoped', false);
  }
  if (isIdentStart(ch)) {
    return wordToken(text, i);
  }
  const op = OPERATORS_BY_FIRST.get(ch)?.find((o) => text.startsWith(o, i));
  if (op !== undefined) {
    return { kind: 'op', text: op, from: i, to: i + op.length };
  }
  const cp = text.codePointAt(i) ?? 0;
  const width = cp > 0xffff ? 2 : 1;
  if (ch === '$' && /[A-Za-z0-9_{]/.test(text[i + 1] ?? '')) {
    const variable = /^\$(\{[^}\s]*\}?|[A-Za-z0-9_]*)/.exec(text.slice(i, i + 200))?.[0] ?? '$';
    return errorToken(text, i, i + variable.length, `template variable ${variable} was not replaced; is it defined?`);
  }
  const why = ch === "'" ? '; strings use double quotes or backticks' : '';
  return errorToken(text, i, i + width, `unexpected character ${JSON.stringify(text.slice(i, i + width))}${why}`);
}

function wordToken(text: string, i: number): Token {
  const end = scanIdent(text, i);
  const word = text.slice(i, end);
  if (text[end] === '.' && SCOPES.has(word)) {
    if (word !== 'parent') {
      return attributeToken(text, i, end + 1, word as AttributeRef['scope'], false);
    }
    const inner = /^(span|resource)\./.exec(text.slice(end + 1, end + 11));
    if (inner !== null) {
      return attributeToken(text, i, end + 1 + inner[0].length, inner[1] as AttributeRef['scope'], true);
    }
    return attributeToken(text, i, end + 1, 'unscoped', true);
  }
  if (text[end] === ':' && isIdentStart(text[end + 1])) {
    const full = scanIdent(text, end + 1);
    return { kind: 'scopedIntrinsic', text: text.slice(i, full), from: i, to: full };
  }
  return { kind: 'ident', text: word, from: i, to: end };
}

/** An attribute reference whose scope prefix spans [from, nameStart). */
function attributeToken(
  text: string,
  from: number,
  nameStart: number,
  scope: AttributeRef['scope'],
  parent: boolean
): Token {
  const name = scanAttributeName(text, nameStart);
  if (!name.ok) {
    return errorToken(text, from, name.end, name.message);
  }
  if (name.value === '') {
    const prefix = text.slice(from, nameStart);
    return errorToken(text, from, nameStart, `expected an attribute name after ${prefix}`);
  }
  return {
    kind: 'attribute',
    text: text.slice(from, name.end),
    from,
    to: name.end,
    attribute: { scope, parent, name: name.value },
  };
}

type NameScan = { ok: true; end: number; value: string } | { ok: false; end: number; message: string };

/** Unquoted runs and `"quoted"` pieces concatenate until a character that ends attribute names. */
function scanAttributeName(text: string, start: number): NameScan {
  let i = start;
  let name = '';
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const q = scanAttributeQuote(text, i);
      if (!q.ok) {
        return q;
      }
      name += q.value;
      i = q.end;
      continue;
    }
    if (endsAttributeName(ch)) {
      break;
    }
    name += ch;
    i++;
  }
  return { ok: true, end: i, value: name };
}

/** Quoted attribute names accept only the escapes \" and \\ (Tempo's rule). */
function scanAttributeQuote(text: string, start: number): NameScan {
  let i = start + 1;
  let out = '';
  while (i < text.length && text[i] !== '"') {
    if (text[i] === '\\') {
      const next = text[i + 1];
      if (next !== '"' && next !== '\\') {
        return {
          ok: false,
          end: Math.min(text.length, i + 2),
          message: 'quoted attribute names only accept the escapes \\" and \\\\',
        };
      }
      out += next;
      i += 2;
      continue;
    }
    out += text[i];
    i++;
  }
  if (i >= text.length) {
    return { ok: false, end: text.length, message: 'unterminated quoted attribute name' };
  }
  return { ok: true, end: i + 1, value: out };
}

function errorToken(text: string, from: number, to: number, message: string): Token {
  const end = Math.max(to, from + 1);
  return { kind: 'error', text: text.slice(from, end), from, to: end, message };
}
