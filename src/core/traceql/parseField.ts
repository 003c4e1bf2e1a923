import { AttributeNode, FieldBinaryOp, FieldExpr, IntrinsicNode, StaticNode } from './ast';
import { Cursor, describe } from './cursor';
import {
  INT64_MAX,
  INT64_MIN,
  KIND_WORDS,
  STATUS_WORDS,
  intrinsicFromSpelling,
  isKindWord,
  isStatusWord,
} from './names';
import { Token } from './tokens';

/**
 * Field expressions: what sits inside `{ }` and in aggregate, `by()` arguments. Precedence climbing
 * with Tempo's levels (expr.y): `&& ||` < comparisons < `+ -` < `!` < `* / %` < `^` (right) < unary `-`.
 */

export const FIELD_PRECEDENCE: Readonly<Record<FieldBinaryOp, number>> = {
  '||': 1,
  '&&': 1,
  '=': 2,
  '!=': 2,
  '<': 2,
  '<=': 2,
  '>': 2,
  '>=': 2,
  '=~': 2,
  '!~': 2,
  '+': 3,
  '-': 3,
  '*': 5,
  '/': 5,
  '%': 5,
  '^': 6,
};

/** `!x` binds looser than `* / % ^` and tighter than `+ -`. */
export const NOT_OPERAND_PRECEDENCE = 5;
/** Unary minus binds tightest: its operand is a single primary. */
export const NEG_OPERAND_PRECEDENCE = 7;

function fieldOp(token: Token): FieldBinaryOp | undefined {
  if (token.kind !== 'op') {
    return undefined;
  }
  return Object.prototype.hasOwnProperty.call(FIELD_PRECEDENCE, token.text) ? (token.text as FieldBinaryOp) : undefined;
}

export function parseFieldExpr(c: Cursor, minPrecedence = 1): FieldExpr {
  return c.nested(() => {
    let left = parseFieldPrefix(c);
    for (;;) {
      const op = fieldOp(c.peek());
      if (op === undefined || FIELD_PRECEDENCE[op] < minPrecedence) {
        return left;
      }
      c.next();
      const prec = FIELD_PRECEDENCE[op];
      const right = parseFieldExpr(c, op === '^' ? prec : prec + 1);
      left = { type: 'FieldBinary', op, left, right, from: left.from, to: right.to };
    }
  });
}

function parseFieldPrefix(c: Cursor): FieldExpr {
  const t = c.peek();
  if (t.kind === 'op' && t.text === '!') {
    c.next();
    const operand = parseFieldExpr(c, NOT_OPERAND_PRECEDENCE);
    return { type: 'FieldUnary', op: '!', operand, from: t.from, to: operand.to };
  }
  if (t.kind === 'op' && t.text === '-') {
    c.next();
    const negated = negativeLiteral(c, t);
    if (negated !== undefined) {
      return negated;
    }
    const operand = parseFieldExpr(c, NEG_OPERAND_PRECEDENCE);
    return { type: 'FieldUnary', op: '-', operand, from: t.from, to: operand.to };
  }
  if (t.kind === 'lparen') {
    c.next();
    const expr = parseFieldExpr(c);
    const close = c.expect('rparen', '`)`');
    return { type: 'FieldParen', expr, from: t.from, to: close.to };
  }
  return parseFieldOperand(c);
}

/**
 * `-5`, `-1.5`, `-5s` become one negative literal: unary minus binds tightest, so folding it into
 * the literal changes nothing in meaning and gives the planner plain values to push down.
 */
export function negativeLiteral(c: Cursor, minus: Token): StaticNode | undefined {
  const t = c.peek();
  if (t.kind !== 'int' && t.kind !== 'float' && t.kind !== 'duration') {
    return undefined;
  }
  c.next();
  const lit = literalFromToken(t);
  const raw = `-${t.text}`;
  const v = lit.value;
  if (v.kind === 'int') {
    // Keep bigint only while the value is outside the safe range; avoid a -0 number.
    const neg: number | bigint = typeof v.value === 'bigint' ? -v.value : v.value === 0 ? 0 : -v.value;
    const exact = typeof neg === 'bigint' && Number.isSafeInteger(Number(neg)) ? Number(neg) : neg;
    return { type: 'Static', value: { kind: 'int', value: exact }, raw, from: minus.from, to: t.to };
  }
  if (v.kind === 'float' || v.kind === 'duration') {
    return {
      type: 'Static',
      value: { kind: v.kind, value: v.value === 0 ? 0 : -v.value },
      raw,
      from: minus.from,
      to: t.to,
    };
  }
  return undefined;
}

/** A literal token (string, number, duration) as a Static node. */
export function literalFromToken(t: Token): StaticNode {
  const base = { type: 'Static' as const, raw: t.text, from: t.from, to: t.to };
  switch (t.kind) {
    case 'string':
      return { ...base, value: { kind: 'string', value: t.value ?? '' } };
    case 'int':
      return { ...base, value: { kind: 'int', value: t.num ?? 0 } };
    case 'float':
      return { ...base, value: { kind: 'float', value: Number(t.num ?? 0) } };
    default:
      return { ...base, value: { kind: 'duration', value: Number(t.num ?? 0) } };
  }
}

/** A keyword literal (`true`, `nil`, `ok`, `server`, `minInt`...), or undefined for other words. */
export function keywordLiteral(t: Token): StaticNode | undefined {
  const base = { type: 'Static' as const, raw: t.text, from: t.from, to: t.to };
  const w = t.text;
  if (w === 'true' || w === 'false') {
    return { ...base, value: { kind: 'bool', value: w === 'true' } };
  }
  if (w === 'nil') {
    return { ...base, value: { kind: 'nil' } };
  }
  if (w === 'minInt' || w === 'maxInt') {
    return { ...base, value: { kind: 'int', value: w === 'minInt' ? INT64_MIN : INT64_MAX } };
  }
  if (isStatusWord(w)) {
    return { ...base, value: { kind: 'status', value: w } };
  }
  if (isKindWord(w)) {
    return { ...base, value: { kind: 'spanKind', value: w } };
  }
  return undefined;
}

export function attributeFromToken(t: Token): AttributeNode {
  const ref = t.attribute ?? { scope: 'unscoped' as const, parent: false, name: t.text };
  return { type: 'Attribute', scope: ref.scope, name: ref.name, parent: ref.parent, from: t.from, to: t.to };
}

/** An intrinsic spelled by `t`, or a parse failure naming the unknown word. */
export function intrinsicFromToken(c: Cursor, t: Token): IntrinsicNode | undefined {
  const name = intrinsicFromSpelling(t.text);
  if (name !== undefined) {
    return { type: 'Intrinsic', name, raw: t.text, from: t.from, to: t.to };
  }
  if (t.kind === 'scopedIntrinsic') {
    c.fail(t, `unknown intrinsic ${describe(t)}`);
  }
  return undefined;
}

/** A single value, attribute or intrinsic. */
export function parseFieldOperand(c: Cursor): FieldExpr {
  const t = c.peek();
  switch (t.kind) {
    case 'string':
    case 'int':
    case 'float':
    case 'duration':
      c.next();
      return literalFromToken(t);
    case 'attribute':
      c.next();
      return attributeFromToken(t);
    case 'scopedIntrinsic':
    case 'ident': {
      const lit = t.kind === 'ident' ? keywordLiteral(t) : undefined;
      const node = lit ?? intrinsicFromToken(c, t);
      if (node === undefined) {
        const next = c.peek(1);
        if (next.kind === 'attribute' && next.from === t.to && next.text.startsWith('.')) {
          c.fail(
            t,
            `${t.text}. is not a scope; use span., resource., event., link., instrumentation., parent. or a leading .`
          );
        }
        const enumWords = enumComparedWith(c);
        if (enumWords) {
          c.fail(t, `${enumWords.name} is one of ${enumWords.words.join(', ')}; ${describe(t)} is not`);
        }
        c.fail(t, `unknown identifier ${describe(t)}: attributes need a scope, e.g. .${t.text} or span.${t.text}`);
      }
      c.next();
      return node;
    }
    default:
      return c.fail(t, `unexpected ${describe(t)}, expected a value, attribute or intrinsic`);
  }
}

/**
 * When the unknown word is the right side of `status =`/`kind !=` (the tokens just before it), the
 * user meant one of that intrinsic's words, not an attribute: name them instead of asking for a scope.
 */
function enumComparedWith(c: Cursor): { name: string; words: readonly string[] } | undefined {
  const op = c.peek(-1) as Token | undefined;
  const left = c.peek(-2) as Token | undefined;
  if (!op || !left || (op.text !== '=' && op.text !== '!=')) {
    return undefined;
  }
  const name = left.text.replace(/^span:/, '');
  if (name === 'status') {
    return { name: left.text, words: STATUS_WORDS };
  }
  if (name === 'kind') {
    return { name: left.text, words: KIND_WORDS };
  }
  return undefined;
}
