import { AGGREGATES, METRICS_FUNCTIONS, STAGE_WORDS, VALUE_WORDS, tokenize, type Token } from '../../language/traceql';

// The language's own vocabulary, so the editor never drifts from what the parser accepts.
const KEYWORDS = new Set<string>([...VALUE_WORDS, ...STAGE_WORDS, ...AGGREGATES, ...METRICS_FUNCTIONS]);

/** Monaco token class for one of our lexer's tokens (standard names, so every theme colours them). */
export function tokenClass(t: Token): string {
  switch (t.kind) {
    case 'ident':
      return KEYWORDS.has(t.text) ? 'keyword' : 'type';
    case 'scopedIntrinsic':
      return 'type';
    case 'attribute':
      return 'variable';
    case 'string':
      return 'string';
    case 'int':
    case 'float':
    case 'duration':
      return 'number';
    case 'op':
      return 'operator';
    case 'lbrace':
    case 'rbrace':
    case 'lparen':
    case 'rparen':
    case 'comma':
      return 'delimiter';
    case 'error':
      // Template variables are not TraceQL yet; they are interpolated before the query runs.
      return t.text.startsWith('$') ? 'variable.predefined' : 'invalid';
    case 'eof':
      return '';
  }
}

export interface LineToken {
  startIndex: number;
  scopes: string;
}

/** Tokens of one line for Monaco's tokens provider, from our own lexer, gaps as whitespace. */
export function highlightLine(line: string): LineToken[] {
  const out: LineToken[] = [];
  let pos = 0;
  for (const t of tokenize(line)) {
    if (t.kind === 'eof') {
      break;
    }
    if (t.from > pos) {
      out.push({ startIndex: pos, scopes: 'white' });
    }
    out.push({ startIndex: t.from, scopes: tokenClass(t) });
    pos = t.to;
  }
  if (pos < line.length) {
    out.push({ startIndex: pos, scopes: 'white' });
  }
  return out;
}
