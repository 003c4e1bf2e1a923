import { TraceLensError } from '../../errors';
import { findJsonErrorOffset, offsetToLineColumn } from './jsonErrorOffset';

/**
 * JSON.parse for bodies and files from outside: a failure becomes a TraceLensError of kind
 * 'malformed' naming what was being read (`what`, e.g. "Tempo trace response" or a file name) and
 * where it broke, with a short excerpt, instead of a bare SyntaxError.
 */
export function parseJsonBody(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (text.trim().length === 0) {
      throw new TraceLensError('malformed', `${what}: expected JSON, got an empty body`, { cause });
    }
    const location = findJsonErrorOffset(text);
    if (location === null) {
      // The scanner accepts it but V8 did not (e.g. a number out of range): report V8's message.
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw new TraceLensError('malformed', `${what}: invalid JSON (${detail})`, { cause });
    }
    const { line, column } = offsetToLineColumn(text, location.offset);
    const excerpt = JSON.stringify(text.slice(Math.max(0, location.offset - 20), location.offset + 20));
    throw new TraceLensError(
      'malformed',
      `${what}: invalid JSON at line ${line}, column ${column} (offset ${location.offset}): ${location.reason}, near ${excerpt}`,
      { cause }
    );
  }
}
