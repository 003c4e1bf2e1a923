/**
 * Finds dashboard-variable references in a string, following the syntaxes Grafana documents
 * ("Variable syntax" and "Advanced variable format options" in the Grafana docs):
 *
 * - `$name`: the name is the run of letters, digits and underscores after the `$`, so it cannot
 *   sit in the middle of a word (`$hostname` is the variable `hostname`, never `host` + "name").
 * - `${name}`: braces delimit the name, so it can sit in the middle of a word (`a${x}b`).
 * - `${name:format}`: a format after the first colon, up to the closing brace. Formats can take
 *   arguments separated by further colons (`${__from:date:iso}`), so the whole rest is the format.
 * - `${name.path}` / `${name.path:format}`: a field path into an object-valued variable, as data
 *   links use (`${__field.labels.service}`); the path runs to the first `:` or `}`.
 * - `[[name]]` and `[[name:format]]`: the deprecated form, still interpolated.
 * - Global variables (`__from`, `__to`, `__range`, `__interval`, ...) are names like any other.
 *
 * Anything else is text: a `$` not followed by a name character, `${` without a name or without
 * its closing brace, `[[` without `]]`, and spaces inside braces (`${ name }` is not a reference).
 */

export type VariableSyntax = 'dollar' | 'braces' | 'brackets';

export interface VariableReference {
  /** Offsets of the whole reference in the text: `text.slice(start, end)` is e.g. `${x:csv}`. */
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly fieldPath?: string;
  readonly format?: string;
  readonly syntax: VariableSyntax;
}

function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || // 0-9
    (code >= 65 && code <= 90) || // A-Z
    (code >= 97 && code <= 122) || // a-z
    code === 95 // _
  );
}

/** End of the run of name characters starting at `from` (equal to `from` when there is none). */
function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isNameChar(text.charCodeAt(i))) {
    i++;
  }
  return i;
}

/** `${...}` at `start` (text[start] is `$`, text[start + 1] is `{`), or undefined when malformed. */
function readBraces(text: string, start: number): VariableReference | undefined {
  const nameStart = start + 2;
  const afterName = nameEnd(text, nameStart);
  const close = text.indexOf('}', afterName);
  if (afterName === nameStart || close < 0) {
    return undefined;
  }
  const name = text.slice(nameStart, afterName);
  let i = afterName;
  let fieldPath: string | undefined;
  if (text[i] === '.') {
    const colon = text.indexOf(':', i);
    const pathEnd = colon >= 0 && colon < close ? colon : close;
    fieldPath = text.slice(i + 1, pathEnd);
    if (fieldPath === '' || /\s/.test(fieldPath)) {
      return undefined;
    }
    i = pathEnd;
  }
  let format: string | undefined;
  if (text[i] === ':') {
    format = text.slice(i + 1, close);
    i = close;
  }
  if (i !== close) {
    return undefined;
  }
  return { start, end: close + 1, name, fieldPath, format: format || undefined, syntax: 'braces' };
}

/** `[[name]]` or `[[name:format]]` at `start`, or undefined when malformed. */
function readBrackets(text: string, start: number): VariableReference | undefined {
  const nameStart = start + 2;
  const afterName = nameEnd(text, nameStart);
  if (afterName === nameStart) {
    return undefined;
  }
  let i = afterName;
  let format: string | undefined;
  if (text[i] === ':') {
    const formatEnd = nameEnd(text, i + 1);
    format = text.slice(i + 1, formatEnd);
    i = formatEnd;
  }
  if (!text.startsWith(']]', i)) {
    return undefined;
  }
  const name = text.slice(nameStart, afterName);
  return { start, end: i + 2, name, format: format || undefined, syntax: 'brackets' };
}

/** Every variable reference in `text`, left to right, not overlapping. */
export function findVariableReferences(text: string): VariableReference[] {
  const found: VariableReference[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    let ref: VariableReference | undefined;
    if (ch === '$' && text[i + 1] === '{') {
      ref = readBraces(text, i);
    } else if (ch === '$') {
      const end = nameEnd(text, i + 1);
      if (end > i + 1) {
        ref = { start: i, end, name: text.slice(i + 1, end), syntax: 'dollar' };
      }
    } else if (ch === '[' && text[i + 1] === '[') {
      ref = readBrackets(text, i);
    }
    if (ref === undefined) {
      i++;
      continue;
    }
    found.push(ref);
    i = ref.end;
  }
  return found;
}

/** `text` with each reference replaced by what `replacement` returns (undefined keeps it as is). */
export function replaceVariableReferences(
  text: string,
  replacement: (ref: VariableReference) => string | undefined
): string {
  let out = '';
  let last = 0;
  for (const ref of findVariableReferences(text)) {
    const value = replacement(ref);
    if (value !== undefined) {
      out += text.slice(last, ref.start) + value;
      last = ref.end;
    }
  }
  return out + text.slice(last);
}
