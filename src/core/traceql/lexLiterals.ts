/**
 * Scanners for literal tokens: strings (Go escapes and backtick raw strings), numbers and
 * durations. Each returns where the literal ends and either its value or a one-line reason.
 */

export type Scanned<T> =
  | { readonly end: number; readonly ok: true; readonly value: T }
  | { readonly end: number; readonly ok: false; readonly message: string };

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

const HEX = /^[0-9a-fA-F]+$/;

/** A double-quoted string starting at `start` (which holds the quote). */
export function scanQuoted(text: string, start: number): Scanned<string> {
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      return { end: i + 1, ok: true, value: out };
    }
    if (ch === '\n') {
      return { end: i, ok: false, message: 'newline in string' };
    }
    if (ch !== '\\') {
      out += ch;
      i++;
      continue;
    }
    const esc = decodeEscape(text, i);
    if (!esc.ok) {
      return skipToQuote(text, esc.end, esc.message);
    }
    out += esc.value;
    i = esc.end;
  }
  return { end: text.length, ok: false, message: 'unterminated string' };
}

/** After a bad escape, the string still ends at its closing quote so lexing resumes sensibly. */
function skipToQuote(text: string, from: number, message: string): Scanned<string> {
  let i = from;
  while (i < text.length && text[i] !== '"' && text[i] !== '\n') {
    i += text[i] === '\\' ? 2 : 1;
  }
  return { end: Math.min(text.length, text[i] === '"' ? i + 1 : i), ok: false, message };
}

function decodeEscape(text: string, at: number): Scanned<string> {
  const c = text[at + 1] ?? '';
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) {
    return { end: at + 2, ok: true, value: simple };
  }
  if (c === 'x' || c === 'u' || c === 'U') {
    const width = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    const digits = text.slice(at + 2, at + 2 + width);
    if (digits.length !== width || !HEX.test(digits)) {
      return { end: at + 2, ok: false, message: `invalid escape \\${c} in string: expected ${width} hex digits` };
    }
    const code = parseInt(digits, 16);
    if (c !== 'x' && (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))) {
      return { end: at + 2 + width, ok: false, message: `invalid escape \\${c}${digits}: not a Unicode code point` };
    }
    // Go's \xNN is a byte; bytes above 0x7f only make sense inside UTF-8 sequences, which a JS
    // string cannot hold, so they map onto the Latin-1 code point of the same number.
    return { end: at + 2 + width, ok: true, value: String.fromCodePoint(code) };
  }
  if (c >= '0' && c <= '7') {
    const digits = text.slice(at + 1, at + 4);
    if (!/^[0-7]{3}$/.test(digits) || parseInt(digits, 8) > 255) {
      return {
        end: at + 2,
        ok: false,
        message: 'invalid octal escape in string: expected three octal digits up to \\377',
      };
    }
    return { end: at + 4, ok: true, value: String.fromCharCode(parseInt(digits, 8)) };
  }
  return { end: at + 2, ok: false, message: `unknown escape sequence \\${c} in string` };
}

/** A backtick raw string: no escapes; carriage returns dropped, as Go does. */
export function scanRaw(text: string, start: number): Scanned<string> {
  const close = text.indexOf('`', start + 1);
  if (close < 0) {
    return { end: text.length, ok: false, message: 'unterminated raw string' };
  }
  return { end: close + 1, ok: true, value: text.slice(start + 1, close).replace(/\r/g, '') };
}

export type NumberLiteral =
  | { readonly kind: 'int'; readonly value: number | bigint }
  | { readonly kind: 'float'; readonly value: number }
  | { readonly kind: 'duration'; readonly value: number };

const UNIT_NANOS: ReadonlyArray<readonly [string, number]> = [
  // Longest spelling first, so `ms` is not read as `m` followed by `s`.
  ['ns', 1],
  ['us', 1e3],
  ['µs', 1e3],
  ['μs', 1e3],
  ['ms', 1e6],
  ['s', 1e9],
  ['m', 60e9],
  ['h', 3600e9],
  ['d', 86400e9],
  ['w', 7 * 86400e9],
  ['y', 365 * 86400e9],
];

const INT64_MAX = 9223372036854775807n;

function scanDigits(text: string, i: number): number {
  while (i < text.length && text[i] >= '0' && text[i] <= '9') {
    i++;
  }
  return i;
}

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && /[A-Za-z0-9_µμ]/.test(ch);
}

/**
 * A number or duration at `start` (a digit, or a `.` followed by a digit). Durations are one or
 * more `<number><unit>` pairs (`1h30m`, `1.5s`); a number glued to other letters is an error.
 */
export function scanNumber(text: string, start: number): Scanned<NumberLiteral> {
  let i = scanDigits(text, start);
  let isFloat = false;
  if (text[i] === '.' && text[i + 1] >= '0' && text[i + 1] <= '9') {
    i = scanDigits(text, i + 1);
    isFloat = true;
  } else if (
    text[i] === '.' &&
    i > start &&
    (!isWordChar(text[i + 1]) || /^[eE][+-]?[0-9]/.test(text.slice(i + 1, i + 4)))
  ) {
    // Go's scanner (Tempo's lexer) reads `1.` as a float, and `1.e3` too: digits after the point are optional.
    i++;
    isFloat = true;
  }
  if ((text[i] === 'e' || text[i] === 'E') && /^[eE][+-]?[0-9]/.test(text.slice(i, i + 3))) {
    i = scanDigits(text, i + (text[i + 1] === '+' || text[i + 1] === '-' ? 2 : 1));
    isFloat = true;
  }
  const numText = text.slice(start, i);
  if (!isWordChar(text[i])) {
    if (isFloat) {
      return { end: i, ok: true, value: { kind: 'float', value: Number(numText) } };
    }
    const big = BigInt(numText);
    if (big > INT64_MAX) {
      return { end: i, ok: false, message: `integer ${numText} is out of the 64-bit range` };
    }
    return { end: i, ok: true, value: { kind: 'int', value: Number.isSafeInteger(Number(big)) ? Number(big) : big } };
  }
  return scanDuration(text, start);
}

/** Prometheus' duration units, in the only order its parser takes them, each at most once. */
const PROMETHEUS_ORDER = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
const DAY_UNITS: ReadonlySet<string> = new Set(['d', 'w', 'y']);

/**
 * Tempo reads a duration with Prometheus' parser, then Go's. So a literal is valid when either
 * takes it: Go's takes fractions and any order (`1.5s`, `30s1m`) but no d, w or y; Prometheus'
 * takes d, w and y but only whole numbers, units in order y w d h m s ms, each once (`1d12h`).
 * Hence `1.5d` and `1s1d` are refused, as Tempo refuses them.
 */
function scanDuration(text: string, start: number): Scanned<{ kind: 'duration'; value: number }> {
  let i = start;
  let total = 0;
  const parts: Array<{ number: string; unit: string }> = [];
  while (i < text.length && ((text[i] >= '0' && text[i] <= '9') || text[i] === '.')) {
    const numEnd = scanNumberPart(text, i);
    const unit = UNIT_NANOS.find(([u]) => text.startsWith(u, numEnd));
    if (numEnd === i || unit === undefined) {
      return badDuration(text, start);
    }
    parts.push({ number: text.slice(i, numEnd), unit: unit[0] });
    total += Number(text.slice(i, numEnd)) * unit[1];
    i = numEnd + unit[0].length;
  }
  if (isWordChar(text[i])) {
    return badDuration(text, start);
  }
  if (parts.some((p) => DAY_UNITS.has(p.unit)) && !prometheusForm(parts)) {
    return {
      end: i,
      ok: false,
      message: `invalid duration ${text.slice(start, i)}: with d, w or y, write whole numbers with units in the order y w d h m s ms, e.g. 1d12h`,
    };
  }
  return { end: i, ok: true, value: { kind: 'duration', value: Math.round(total) } };
}

function prometheusForm(parts: ReadonlyArray<{ number: string; unit: string }>): boolean {
  let last = -1;
  for (const p of parts) {
    const at = PROMETHEUS_ORDER.indexOf(p.unit);
    if (at <= last || !/^[0-9]+$/.test(p.number)) {
      return false;
    }
    last = at;
  }
  return true;
}

function scanNumberPart(text: string, i: number): number {
  let j = scanDigits(text, i);
  if (text[j] === '.') {
    j = scanDigits(text, j + 1);
  }
  return j;
}

function badDuration(text: string, start: number): Scanned<never> {
  let end = start;
  while (end < text.length && (isWordChar(text[end]) || text[end] === '.')) {
    end++;
  }
  const word = text.slice(start, end);
  return { end, ok: false, message: `invalid number or duration ${word} (units are ns, us, µs, ms, s, m, h, d, w, y)` };
}
