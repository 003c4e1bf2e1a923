import { Token, TokenKind } from './tokens';

/**
 * Thrown inside the parser only, and always caught by `parse`: it carries the first problem found
 * so deep recursive-descent code can stop without threading results through every call.
 */
export class ParseFailure {
  constructor(
    readonly message: string,
    readonly from: number,
    readonly to: number,
    readonly token: string
  ) {}
}

/** Deep nesting is legal but a hostile query could exhaust the stack; this keeps it bounded. */
const MAX_DEPTH = 400;

/** Describes a token for messages: `}` in backticks, or "end of query". */
export function describe(token: Token): string {
  if (token.kind === 'eof') {
    return 'end of query';
  }
  // Messages are one line: control characters in the token are shown escaped.
  const flat = token.text.replace(/\r/g, '\\r').replace(/\n/g, '\\n').replace(/\t/g, '\\t');
  const shown = flat.length > 40 ? `${flat.slice(0, 37)}...` : flat;
  return `\`${shown}\``;
}

/** A position in the token list with the small vocabulary the parsers share. */
export class Cursor {
  private index = 0;
  private depth = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[]
  ) {}

  peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (this.index < this.tokens.length - 1) {
      this.index++;
    }
    return t;
  }

  /** End offset of the last consumed token. */
  lastEnd(): number {
    return this.index === 0 ? 0 : this.tokens[this.index - 1].to;
  }

  isOp(op: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'op' && t.text === op;
  }

  isKind(kind: TokenKind, ahead = 0): boolean {
    return this.peek(ahead).kind === kind;
  }

  isWord(word: string, ahead = 0): boolean {
    const t = this.peek(ahead);
    return t.kind === 'ident' && t.text === word;
  }

  expect(kind: TokenKind, what: string): Token {
    const t = this.peek();
    if (t.kind !== kind) {
      this.fail(t, `unexpected ${describe(t)}, expected ${what}`);
    }
    return this.next();
  }

  expectOp(op: string, what: string): Token {
    if (!this.isOp(op)) {
      const t = this.peek();
      this.fail(t, `unexpected ${describe(t)}, expected ${what}`);
    }
    return this.next();
  }

  /** Fails at `token`; an error token's own message wins, since it says what is wrong with it. */
  fail(token: Token, message: string): never {
    const text = token.kind === 'eof' ? '' : token.text;
    throw new ParseFailure(
      token.kind === 'error' && token.message ? token.message : message,
      token.from,
      token.to,
      text
    );
  }

  failAt(from: number, to: number, message: string): never {
    throw new ParseFailure(message, from, to, this.text.slice(from, to));
  }

  /** Runs `body` one nesting level deeper, failing cleanly past MAX_DEPTH. */
  nested<T>(body: () => T): T {
    if (this.depth >= MAX_DEPTH) {
      this.fail(this.peek(), `query nests more than ${MAX_DEPTH} levels deep`);
    }
    this.depth++;
    try {
      return body();
    } finally {
      this.depth--;
    }
  }
}
