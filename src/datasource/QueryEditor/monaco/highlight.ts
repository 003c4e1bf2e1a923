import { tokenize, type Token } from '../../language/traceql';

const KEYWORDS = new Set([
  'true',
  'false',
  'nil',
  'ok',
  'error',
  'unset',
  'unspecified',
  'internal',
  'server',
  'client',
  'producer',
  'consumer',
  'minInt',
  'maxInt',
  'by',
  'select',
  'coalesce',
  'with',
  'topk',
  'bottomk',
  'count',
  'avg',
  'min',
  'max',
  'sum',
  'rate',
  'count_over_time',
  'min_over_time',
  'max_over_time',
  'avg_over_time',
  'sum_over_time',
  'quantile_over_time',
  'histogram_over_time',
  'compare',
]);

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
