/**
 * An unpaired UTF-16 surrogate is not text: it cannot be encoded as UTF-8, so encodeURIComponent
 * throws a URIError on it and a server would never see the character anyway. Queries, path
 * segments and query parameters are checked for one up front, so it becomes an input error with a
 * position instead of a crash deep in a transport.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The offset of the first unpaired surrogate in `s`, or -1. */
export function loneSurrogateAt(s: string): number {
  const m = LONE_SURROGATE.exec(s);
  return m === null ? -1 : m.index;
}

/** `U+D800`, for messages. */
export function codeUnitName(s: string, at: number): string {
  return `U+${s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')}`;
}
