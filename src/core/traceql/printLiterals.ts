import { AttributeNode, IntrinsicNode, StaticNode, StaticValue } from './ast';
import { CANONICAL_SPELLING, INT64_MIN, intrinsicFromSpelling } from './names';
import { endsAttributeName } from './tokens';

/** Literals, attributes and intrinsics as TraceQL text, for the printer and query builders. */

const DURATION_UNITS: ReadonlyArray<readonly [string, number]> = [
  ['h', 3600e9],
  ['m', 60e9],
  ['s', 1e9],
  ['ms', 1e6],
  ['us', 1e3],
  ['ns', 1],
];

/** Nanoseconds as a compound Go-style duration: 5400e9 → `1h30m`, 1500 → `1us500ns`. */
export function formatDuration(nanos: number): string {
  if (!Number.isFinite(nanos)) {
    return '0s';
  }
  if (nanos < 0) {
    return `-${formatDuration(-nanos)}`;
  }
  if (nanos === 0) {
    return '0s';
  }
  let rest = Math.round(nanos);
  let out = '';
  for (const [unit, size] of DURATION_UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      out += `${n}${unit}`;
      rest -= n * size;
    }
  }
  return out;
}

/** A Go double-quoted string literal; JSON's escapes are a subset Go accepts. */
export function quoteString(s: string): string {
  return JSON.stringify(s);
}

export function formatStaticValue(v: StaticValue): string {
  switch (v.kind) {
    case 'string':
      return quoteString(v.value);
    case 'int':
      // -9223372036854775808 is not a literal (its digits overflow before the minus applies).
      return BigInt(v.value) === INT64_MIN ? 'minInt' : String(v.value);
    case 'float': {
      const s = String(v.value);
      // A float written like an int would come back as an int.
      return /^-?\d+$/.test(s) ? `${s}.0` : s;
    }
    case 'duration':
      return formatDuration(v.value);
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'status':
    case 'spanKind':
      return v.value;
    case 'nil':
      return 'nil';
  }
}

/** The source spelling when there is one, so `1h30m`, `.99` and backtick strings survive. */
export function printStatic(s: StaticNode): string {
  return s.raw !== '' ? s.raw : formatStaticValue(s.value);
}

export function printIntrinsic(i: IntrinsicNode): string {
  return intrinsicFromSpelling(i.raw) === i.name ? i.raw : CANONICAL_SPELLING[i.name];
}

function needsQuotes(a: AttributeNode): boolean {
  const name = a.name;
  if (name === '' || [...name].some((ch) => ch === '"' || endsAttributeName(ch))) {
    return true;
  }
  if (a.scope === 'unscoped' && !a.parent && /^[0-9]/.test(name)) {
    return true; // `.5x` would read as the number .5
  }
  // After `parent.`, a leading `span.` or `resource.` would be read as a scope.
  return a.parent && a.scope === 'unscoped' && /^(span|resource)\./.test(name);
}

export function printAttribute(a: AttributeNode): string {
  const prefix = a.scope === 'unscoped' ? (a.parent ? 'parent.' : '.') : `${a.parent ? 'parent.' : ''}${a.scope}.`;
  const name = needsQuotes(a) ? `"${a.name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"` : a.name;
  return prefix + name;
}
