const VARIABLE = /^\$(?:\{[A-Za-z0-9_]+(?::[A-Za-z0-9_]+)?\}|[A-Za-z0-9_]+)/;

/**
 * Template variables outside strings become same-length string literals, so the editor can check
 * a query that uses `$var` where a value goes, with every position unchanged. Inside strings they
 * are left alone: they are already valid there.
 */
export function maskTemplateVariables(text: string): string {
  let out = '';
  let quote: '"' | '`' | null = null;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quote === null && ch === '$') {
      const m = VARIABLE.exec(text.slice(i, i + 128));
      if (m && m[0].length >= 2) {
        out += `"${'v'.repeat(m[0].length - 2)}"`;
        i += m[0].length;
        continue;
      }
    }
    if (quote === '"' && ch === '\\') {
      out += text.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (quote === null && (ch === '"' || ch === '`')) {
      quote = ch;
    } else if (quote !== null && ch === quote) {
      quote = null;
    }
    out += ch;
    i++;
  }
  return out;
}
