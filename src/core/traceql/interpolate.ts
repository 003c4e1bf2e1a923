/**
 * Grafana template variables (`$var`, `${var}`, `${var:format}`) replaced before parsing, so
 * positions in diagnostics refer to the text that was actually parsed.
 *
 * Where a variable sits decides how it is written:
 * - inside a double-quoted string, values are escaped so they can never close the string;
 * - inside a string that is the pattern of `=~` / `!~`, a multi-value variable becomes a regex
 *   alternation of its values, each regex-escaped (`a|b`, or `(?:a|b)` when other text surrounds
 *   the variable, so a prefix applies to every value);
 * - elsewhere a multi-value variable gives its first value.
 * Unknown variables are left as written, as Grafana does, and then fail parsing visibly.
 */
export type TemplateVariables = Readonly<Record<string, string | readonly string[]>>;

type Context = 'code' | 'string' | 'regexString' | 'rawString';

const VARIABLE = /^\$(?:\{([A-Za-z0-9_]+)(?::([A-Za-z0-9_]+))?\}|([A-Za-z0-9_]+))/;

export function interpolateTemplateVariables(text: string, vars: TemplateVariables): string {
  let out = '';
  let context: Context = 'code';
  let stringStart = 0;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '$') {
      const m = VARIABLE.exec(text.slice(i, i + 256));
      const name = m === null ? undefined : (m[1] ?? m[3]);
      if (m !== null && name !== undefined && Object.prototype.hasOwnProperty.call(vars, name)) {
        const whole = context === 'regexString' && isWholeString(text, stringStart, i, m[0].length);
        out += render(vars[name], m[2], context, whole);
        i += m[0].length;
        continue;
      }
    }
    if (context === 'code' && (ch === '"' || ch === '`')) {
      context = ch === '`' ? 'rawString' : followsRegexOperator(out) ? 'regexString' : 'string';
      stringStart = i;
    } else if ((context === 'string' || context === 'regexString') && ch === '\\' && i + 1 < text.length) {
      out += ch + text[i + 1];
      i += 2;
      continue;
    } else if ((context === 'string' || context === 'regexString') && ch === '"') {
      context = 'code';
    } else if (context === 'rawString' && ch === '`') {
      context = 'code';
    }
    out += ch;
    i++;
  }
  return out;
}

function followsRegexOperator(before: string): boolean {
  return /[=!]~\s*$/.test(before);
}

/** The variable is the whole string content: `"$var"`. */
function isWholeString(text: string, quoteAt: number, at: number, length: number): boolean {
  return at === quoteAt + 1 && text[at + length] === '"';
}

const REGEX_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

export function escapeRegex(s: string): string {
  return s.replace(REGEX_SPECIAL, '\\$&');
}

function render(
  value: string | readonly string[],
  format: string | undefined,
  context: Context,
  whole: boolean
): string {
  const values = typeof value === 'string' ? [value] : [...value];
  const formatted = format !== undefined ? applyFormat(values, format) : defaultFormat(values, context, whole);
  return escapeFor(formatted, context);
}

function defaultFormat(values: string[], context: Context, whole: boolean): string {
  if (values.length <= 1) {
    return values[0] ?? '';
  }
  if (context !== 'regexString') {
    return values[0];
  }
  const alternation = values.map(escapeRegex).join('|');
  return whole ? alternation : `(?:${alternation})`;
}

/** The Grafana formats that make sense in TraceQL; others fall back to comma-joined text. */
function applyFormat(values: string[], format: string): string {
  switch (format) {
    case 'regex':
      return values.length === 1 ? escapeRegex(values[0]) : `(${values.map(escapeRegex).join('|')})`;
    case 'pipe':
      return values.join('|');
    case 'json':
      return JSON.stringify(values.length === 1 ? values[0] : values);
    case 'doublequote':
      return values.map((v) => `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',');
    case 'singlequote':
      return values.map((v) => `'${v.replace(/'/g, "\\'")}'`).join(',');
    case 'glob':
      return values.length === 1 ? values[0] : `{${values.join(',')}}`;
    case 'percentencode':
      return values.map(encodeURIComponent).join(',');
    case 'text':
    case 'raw':
    case 'csv':
    default:
      return values.join(',');
  }
}

/** Inside quotes a value can hold anything except a way out of the quotes. */
function escapeFor(s: string, context: Context): string {
  switch (context) {
    case 'string':
    case 'regexString':
      return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
    case 'rawString':
      // A raw string has no escapes; a backtick inside it cannot be written at all.
      return s.replace(/`/g, '');
    case 'code':
      return s;
  }
}
