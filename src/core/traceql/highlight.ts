import { lex } from './lexer';
import { intrinsicFromSpelling, isAggregate, isKnownHint, isMetricsFunction, STAGE_WORDS, VALUE_WORDS } from './names';
import { Token } from './tokens';

export type HighlightKind =
  | 'keyword'
  | 'intrinsic'
  | 'scope'
  | 'attribute'
  | 'string'
  | 'number'
  | 'duration'
  | 'operator'
  | 'punctuation'
  | 'function'
  | 'error';

export interface HighlightSpan {
  readonly from: number;
  readonly to: number;
  readonly kind: HighlightKind;
}

const SCOPE_PREFIX = /^(?:parent\.)?(?:(?:span|resource|event|link|instrumentation)\.)?/;

/**
 * Spans for an editor to colour. Built on the parser's own lexer, so what is coloured as an
 * intrinsic is exactly what the parser reads as one. Never throws; unknown words are `error`.
 */
export function tokenizeForHighlight(text: string): HighlightSpan[] {
  const spans: HighlightSpan[] = [];
  for (const t of lex(text)) {
    if (t.kind === 'eof') {
      break;
    }
    if (t.kind === 'attribute') {
      const prefix = SCOPE_PREFIX.exec(t.text)?.[0] ?? '';
      if (prefix !== '') {
        spans.push({ from: t.from, to: t.from + prefix.length, kind: 'scope' });
      }
      spans.push({ from: t.from + prefix.length, to: t.to, kind: 'attribute' });
      continue;
    }
    spans.push({ from: t.from, to: t.to, kind: kindOf(t) });
  }
  return spans;
}

function kindOf(t: Token): HighlightKind {
  switch (t.kind) {
    case 'string':
      return 'string';
    case 'int':
    case 'float':
      return 'number';
    case 'duration':
      return 'duration';
    case 'op':
      return 'operator';
    case 'lbrace':
    case 'rbrace':
    case 'lparen':
    case 'rparen':
    case 'comma':
      return 'punctuation';
    case 'scopedIntrinsic':
      return intrinsicFromSpelling(t.text) !== undefined ? 'intrinsic' : 'error';
    case 'ident':
      return wordKind(t.text);
    default:
      // The editor shows text before interpolation, where `$service` is legitimate.
      return /^\$(\{[A-Za-z0-9_]+(:[A-Za-z0-9_]+)?\}|[A-Za-z0-9_]+)$/.test(t.text) ? 'keyword' : 'error';
  }
}

function wordKind(w: string): HighlightKind {
  if (VALUE_WORDS.includes(w)) {
    return 'keyword';
  }
  if (intrinsicFromSpelling(w) !== undefined) {
    return 'intrinsic';
  }
  if (isAggregate(w) || isMetricsFunction(w) || (STAGE_WORDS.includes(w) && w !== 'with')) {
    return 'function';
  }
  if (w === 'with' || isKnownHint(w)) {
    return 'keyword';
  }
  return 'error';
}
