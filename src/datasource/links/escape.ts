/**
 * Escaping for the query languages logs links are written in. Every value that reaches a logs
 * query (trace ids from URLs, tag values from spans) passes through one of these, so a quote or a
 * backslash in a span attribute can never end a string early or change the query.
 */

/** Content of a LogQL double-quoted string (Go string literal syntax). */
export function escapeLogQLString(value: string): string {
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') {
      out += '\\\\';
    } else if (ch === '"') {
      out += '\\"';
    } else if (ch === '\n') {
      out += '\\n';
    } else if (ch === '\r') {
      out += '\\r';
    } else if (ch === '\t') {
      out += '\\t';
    } else if (code < 0x20 || code === 0x7f) {
      out += `\\x${code.toString(16).padStart(2, '0')}`;
    } else {
      // Other code points, including astral ones, are valid UTF-8 inside a Go string as written.
      out += ch;
    }
  }
  return out;
}

/** `"..."` LogQL string literal. */
export function logQLString(value: string): string {
  return `"${escapeLogQLString(value)}"`;
}

/**
 * Loki label names must match [a-zA-Z_][a-zA-Z0-9_]*. OTLP attribute names (`service.name`) are
 * stored by Loki's OTLP ingestion with every other character replaced by `_`, so do the same.
 */
export function toLokiLabelName(name: string): string {
  const replaced = name.replace(/[^a-zA-Z0-9_]/g, '_');
  return /^[a-zA-Z_]/.test(replaced) ? replaced : `_${replaced}`;
}

/** Content of a Lucene quoted phrase: only `\` and `"` are special inside quotes. */
export function escapeLucenePhrase(value: string): string {
  return value.replace(/[\\"]/g, (c) => `\\${c}`);
}

export function lucenePhrase(value: string): string {
  return `"${escapeLucenePhrase(value)}"`;
}

/**
 * A Lucene field name: reserved characters and whitespace are backslash-escaped. Dots stay as they
 * are because Elasticsearch and OpenSearch address nested fields with them.
 */
export function escapeLuceneField(name: string): string {
  return name.replace(/[+\-!(){}[\]^"~*?:\\/&|\s<>=]/g, (c) => `\\${c}`);
}
