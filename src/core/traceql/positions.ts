/**
 * Offsets are the currency inside the front end; lines and columns exist only for people, so they
 * are computed here, at the edge, when a message is shown.
 */

export interface LineColumn {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters (code points) from the start of the line. */
  readonly column: number;
}

export function offsetToLineColumn(text: string, offset: number): LineColumn {
  const at = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Array.from(text.slice(lineStart, at)).length + 1 };
}

/** Lines longer than this are shown as a window around the problem. */
const MAX_SHOWN = 160;
const BEFORE = 60;

/** The source line holding `offset`, and a caret line marking [from, to) beneath it. */
export function caretLines(
  text: string,
  from: number,
  to: number
): { readonly source: string; readonly caret: string } {
  const at = Math.max(0, Math.min(from, text.length));
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const nl = text.indexOf('\n', at);
  const lineEnd = nl < 0 ? text.length : nl;
  const chars = Array.from(text.slice(lineStart, lineEnd).replace(/\t/g, ' '));
  let lead = Array.from(text.slice(lineStart, at)).length;
  let width = Math.max(1, Array.from(text.slice(at, Math.min(Math.max(to, at), lineEnd))).length);
  if (chars.length <= MAX_SHOWN) {
    return { source: chars.join(''), caret: ' '.repeat(lead) + '^'.repeat(width) };
  }
  const start = Math.max(0, lead - BEFORE);
  const end = Math.min(chars.length, start + MAX_SHOWN);
  const prefix = start > 0 ? '…' : '';
  const suffix = end < chars.length ? '…' : '';
  lead = lead - start + prefix.length;
  width = Math.max(1, Math.min(width, end - start + prefix.length - lead));
  return { source: prefix + chars.slice(start, end).join('') + suffix, caret: ' '.repeat(lead) + '^'.repeat(width) };
}
