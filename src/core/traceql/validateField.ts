import { FieldBinaryNode, FieldExpr } from './ast';
import { compileAnchoredRegex } from '../regex';
import { FieldType, INTRINSIC_TYPES, isNumeric, staticType, typesMatch } from './fieldTypes';

/** Collects a problem at a node's range; validate.ts turns these into diagnostics. */
export type Report = (from: number, to: number, message: string) => void;

/**
 * Infers the type of a field expression, reporting each operator applied to types Tempo rejects.
 * After an error the result is `attribute` (unknown), so one mistake is reported once.
 */
export function checkField(e: FieldExpr, report: Report): FieldType {
  switch (e.type) {
    case 'Static':
      return staticType(e.value);
    case 'Attribute':
      return 'attribute';
    case 'Intrinsic':
      return INTRINSIC_TYPES[e.name];
    case 'FieldParen':
      return checkField(e.expr, report);
    case 'FieldUnary': {
      const t = checkField(e.operand, report);
      if (e.op === '-') {
        if (t === 'attribute' || isNumeric(t)) {
          return t;
        }
        report(e.from, e.to, `unary - needs a number or duration, not ${t}`);
        return 'attribute';
      }
      if (t === 'attribute' || t === 'bool') {
        return 'bool';
      }
      report(e.from, e.to, `! needs a boolean, not ${t}`);
      return 'attribute';
    }
    case 'FieldBinary':
      return checkBinaryChain(e, report);
  }
}

/**
 * Long `a && b && c ...` chains are deep on the left; walking the left spine in a loop keeps the
 * stack flat however many conditions a query has (right-nesting is bounded by the parser).
 */
function checkBinaryChain(e: FieldBinaryNode, report: Report): FieldType {
  const spine: FieldBinaryNode[] = [];
  let cur: FieldExpr = e;
  while (cur.type === 'FieldBinary') {
    spine.push(cur);
    cur = cur.left;
  }
  let type = checkField(cur, report);
  for (let i = spine.length - 1; i >= 0; i--) {
    type = checkBinary(spine[i], type, checkField(spine[i].right, report), report);
  }
  return type;
}

function checkBinary(e: FieldBinaryNode, l: FieldType, r: FieldType, report: Report): FieldType {
  const fail = (why: string): FieldType => {
    report(e.from, e.to, why);
    return 'attribute';
  };
  switch (e.op) {
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case '^': {
      const bad = [l, r].find((t) => t !== 'attribute' && !isNumeric(t));
      if (bad !== undefined) {
        return fail(`arithmetic ${e.op} needs numbers or durations, not ${bad}`);
      }
      return arithmeticResult(l, r);
    }
    case '&&':
    case '||': {
      const bad = [l, r].find((t) => t !== 'attribute' && t !== 'bool');
      return bad === undefined ? 'bool' : fail(`${e.op} needs booleans on both sides, not ${bad}`);
    }
    case '=~':
    case '!~': {
      const bad = [l, r].find((t) => t !== 'attribute' && t !== 'string');
      if (bad !== undefined) {
        return fail(`${e.op} matches strings against a regular expression, not ${bad}`);
      }
      checkRegex(e, report);
      return 'bool';
    }
    case '=':
    case '!=':
      if (!typesMatch(l, r) || (l === 'parent' && r !== 'nil') || (r === 'parent' && l !== 'nil')) {
        return fail(`cannot compare ${l} with ${r}${enumHint(l, r)}`);
      }
      if (e.op === '=') {
        const fixed = notNillable(e);
        if (fixed !== null) {
          return fail(
            `= nil tests for a missing attribute, and Tempo refuses it on ${fixed}; use != nil, or compare with a value`
          );
        }
      }
      return 'bool';
    default: {
      const bad = [l, r].find((t) => t !== 'attribute' && t !== 'string' && !isNumeric(t));
      if (bad !== undefined) {
        return fail(`${e.op} orders numbers, durations or strings, not ${bad}`);
      }
      return typesMatch(l, r) ? 'bool' : fail(`cannot compare ${l} with ${r}`);
    }
  }
}

function unwrap(e: FieldExpr): FieldExpr {
  let cur = e;
  while (cur.type === 'FieldParen') {
    cur = cur.expr;
  }
  return cur;
}

/**
 * For `x = nil` (either order), what Tempo's validator refuses to test for absence, described for
 * the message: every intrinsic (the legacy `parent`, which TraceLens evaluates, aside) and
 * `resource.service.name`, which every resource carries. `!= nil` stays valid on both.
 */
function notNillable(e: FieldBinaryNode): string | null {
  const l = unwrap(e.left);
  const r = unwrap(e.right);
  const isNil = (x: FieldExpr) => x.type === 'Static' && x.value.kind === 'nil';
  const other = isNil(r) ? l : isNil(l) ? r : null;
  if (other === null) {
    return null;
  }
  if (other.type === 'Intrinsic' && other.name !== 'parent') {
    return `the intrinsic ${other.raw}`;
  }
  if (other.type === 'Attribute' && other.scope === 'resource' && !other.parent && other.name === 'service.name') {
    return 'resource.service.name, which every resource carries';
  }
  return null;
}

/** Quoting an enum value is the commonest slip; say how to write it. */
function enumHint(l: FieldType, r: FieldType): string {
  const pair = [l, r];
  if (pair.includes('string') && pair.includes('status')) {
    return '; write status values without quotes: ok, error, unset';
  }
  if (pair.includes('string') && pair.includes('kind')) {
    return '; write kind values without quotes: server, client, producer, consumer, internal, unspecified';
  }
  return '';
}

function arithmeticResult(l: FieldType, r: FieldType): FieldType {
  if (l === 'attribute' && r === 'attribute') {
    return 'attribute';
  }
  if (l === 'duration' || r === 'duration') {
    return 'duration';
  }
  if (l === 'float' || r === 'float') {
    return 'float';
  }
  return l === 'attribute' ? r : l;
}

/** Tempo compiles the pattern on the right at validation time; so do we, with RE2 syntax. */
function checkRegex(e: FieldBinaryNode, report: Report): void {
  let right = e.right;
  while (right.type === 'FieldParen') {
    right = right.expr;
  }
  if (right.type !== 'Static' || right.value.kind !== 'string') {
    return;
  }
  const compiled = compileAnchoredRegex(right.value.value, right);
  if (!compiled.ok) {
    report(right.from, right.to, compiled.message);
  }
}
