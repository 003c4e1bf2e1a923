/**
 * Tokens of TraceQL. The lexer turns every character of the input into some token, including
 * `error` tokens for malformed pieces, so it never has to throw and the parser reports the problem
 * with the exact position.
 */

export type TokenKind =
  /** A bare word: keyword, function name, legacy intrinsic, hint name (`count`, `duration`, `ok`). */
  | 'ident'
  /** A scoped intrinsic (`span:duration`, `trace:id`), kept as one word. */
  | 'scopedIntrinsic'
  /** A whole attribute reference (`.a`, `span.http.url`, `parent.resource."x y"`). */
  | 'attribute'
  | 'string'
  | 'int'
  | 'float'
  | 'duration'
  | 'op'
  | 'lbrace'
  | 'rbrace'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'error'
  | 'eof';

/** What an attribute token refers to; the parser copies it into an AttributeNode. */
export interface AttributeRef {
  readonly scope: 'span' | 'resource' | 'event' | 'link' | 'instrumentation' | 'unscoped';
  readonly parent: boolean;
  readonly name: string;
}

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token, exactly as written. */
  readonly text: string;
  readonly from: number;
  readonly to: number;
  /** Decoded string value for `string` tokens. */
  readonly value?: string;
  /** Decoded reference for `attribute` tokens. */
  readonly attribute?: AttributeRef;
  /** Nanoseconds for `duration` tokens, number value for `float`, exact value for `int`. */
  readonly num?: number | bigint;
  /** Why an `error` token is an error, one line. */
  readonly message?: string;
}

/** Operators, longest first so the lexer can take the longest match. */
export const OPERATORS: readonly string[] = [
  '&>>',
  '&<<',
  '!>>',
  '!<<',
  '>>',
  '<<',
  '>=',
  '<=',
  '!=',
  '=~',
  '!~',
  '&&',
  '||',
  '&>',
  '&<',
  '&~',
  '!>',
  '!<',
  '=',
  '<',
  '>',
  '!',
  '~',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '|',
];

/** Characters that end an unquoted attribute name (Tempo's isAttributeRune, negated). */
const ATTRIBUTE_ENDERS = new Set(['{', '}', '(', ')', '=', '~', '!', '<', '>', '&', '|', '^', ',']);

export function endsAttributeName(ch: string): boolean {
  return ch === '' || ch === ' ' || ATTRIBUTE_ENDERS.has(ch) || /\s/.test(ch);
}
