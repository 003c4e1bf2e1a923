import { VALUE_WORDS, tokenize, type Token } from '../../language/traceql';

/** What the user is typing at the cursor, decided from our own lexer's tokens. */
export type Situation =
  /** Start of the query, or after a top-level `|`: a spanset, an aggregate or a metrics function. */
  | { type: 'start'; afterPipe: boolean; prefix: string }
  /** Inside `{ }` where a field goes (after `{`, `&&`, `||`, `(`, `!`), or typing one. */
  | { type: 'field'; prefix: string }
  /** After a complete field: a comparison operator. */
  | { type: 'operator'; field: string }
  /**
   * After `field op`: a value of that field, maybe partly typed. `filter` holds the conditions
   * typed before it in the same braces (`{ a = 1 }`), so values can be narrowed to spans matching them.
   */
  | { type: 'value'; field: string; op: string; prefix: string; filter?: string }
  /** After a complete condition inside braces. */
  | { type: 'afterCondition' }
  /** After `}` or `)` at the top level: spanset operators and pipeline stages. */
  | { type: 'afterSpanset' }
  | { type: 'none' };

export interface SituationAt {
  situation: Situation;
  /** Offset where a completion replaces text (start of the partly typed word). */
  replaceFrom: number;
}

const COMPARISONS = new Set(['=', '!=', '<', '<=', '>', '>=', '=~', '!~']);
const VALUE_WORD_SET = new Set<string>(VALUE_WORDS);

function isFieldToken(t: Token): boolean {
  return t.kind === 'attribute' || t.kind === 'scopedIntrinsic' || (t.kind === 'ident' && !VALUE_WORD_SET.has(t.text));
}

/** A token the cursor is still typing: a word, an attribute, or an unterminated string. */
function isPartial(t: Token, offset: number): boolean {
  if (t.to !== offset) {
    return false;
  }
  if (t.kind === 'attribute' || t.kind === 'ident' || t.kind === 'scopedIntrinsic') {
    return true;
  }
  return t.kind === 'error' && /^["`.A-Za-z]/.test(t.text);
}

function braceDepth(tokens: readonly Token[]): number {
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'lbrace') {
      depth++;
    } else if (t.kind === 'rbrace') {
      depth = Math.max(0, depth - 1);
    }
  }
  return depth;
}

export function situationAt(text: string, offset: number): SituationAt {
  const tokens = tokenize(text.slice(0, offset)).filter((t) => t.kind !== 'eof');
  const last = tokens[tokens.length - 1];
  const partial = last && isPartial(last, offset) ? last : undefined;
  const before = partial ? tokens.slice(0, -1) : tokens;
  const prev = before[before.length - 1];
  const replaceFrom = partial ? partial.from : offset;
  const prefix = partial?.text ?? '';
  const at = (situation: Situation): SituationAt => ({ situation, replaceFrom });

  if (braceDepth(before) === 0) {
    if (!prev || (prev.kind === 'op' && prev.text === '|')) {
      return at({ type: 'start', afterPipe: prev !== undefined, prefix });
    }
    if (!partial && (prev.kind === 'rbrace' || prev.kind === 'rparen')) {
      return at({ type: 'afterSpanset' });
    }
    return at({ type: 'none' });
  }

  if (prev && prev.kind === 'op' && COMPARISONS.has(prev.text)) {
    const field = before[before.length - 2];
    if (field && isFieldToken(field)) {
      const filter = precedingConditions(text, before, before.length - 2);
      return at({ type: 'value', field: field.text, op: prev.text, prefix, ...(filter ? { filter } : {}) });
    }
    return at({ type: 'none' });
  }
  if (partial) {
    return at({ type: 'field', prefix });
  }
  if (
    !prev ||
    prev.kind === 'lbrace' ||
    prev.kind === 'lparen' ||
    (prev.kind === 'op' && ['&&', '||', '!'].includes(prev.text))
  ) {
    return at({ type: 'field', prefix: '' });
  }
  if (isFieldToken(prev)) {
    const beforeField = before[before.length - 2];
    const isValue = beforeField?.kind === 'op' && COMPARISONS.has(beforeField.text);
    return at(isValue ? { type: 'afterCondition' } : { type: 'operator', field: prev.text });
  }
  if (['string', 'int', 'float', 'duration', 'ident', 'rparen'].includes(prev.kind)) {
    return at({ type: 'afterCondition' });
  }
  return at({ type: 'none' });
}

/**
 * `{ a = 1 && b = ` → `{ a = 1 }`: the conditions joined by `&&` before the field at `fieldIndex`
 * in the innermost open braces. Anything with `||` or parentheses is left out: narrowing by part of
 * an alternative would hide values that can match.
 */
function precedingConditions(text: string, tokens: readonly Token[], fieldIndex: number): string | undefined {
  let open = -1;
  for (let i = fieldIndex - 1; i >= 0; i--) {
    if (tokens[i].kind === 'lbrace') {
      open = i;
      break;
    }
    if (tokens[i].kind === 'rbrace') {
      return undefined;
    }
  }
  const inner = tokens.slice(open + 1, fieldIndex);
  const last = inner[inner.length - 1];
  if (open < 0 || !last || last.kind !== 'op' || last.text !== '&&') {
    return undefined;
  }
  if (
    inner.some(
      (t) => t.kind === 'lparen' || t.kind === 'rparen' || t.kind === 'error' || (t.kind === 'op' && t.text === '||')
    )
  ) {
    return undefined;
  }
  const body = text.slice(inner[0].from, last.from).trim();
  return body === '' ? undefined : `{ ${body} }`;
}
