import type { TraceQLDiagnostic } from '../../language/traceql';

export interface EditorMarker {
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
  message: string;
}

/** 1-based line and column of an offset, as Monaco counts them. */
export function positionAt(text: string, offset: number): { lineNumber: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)));
  const lines = before.split('\n');
  return { lineNumber: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** A diagnostic as a marker; an empty range (end of input) still underlines one character. */
export function toMarker(text: string, d: TraceQLDiagnostic): EditorMarker {
  const start = positionAt(text, d.from);
  const end = positionAt(text, Math.max(d.to, d.from + 1));
  return {
    startLineNumber: start.lineNumber,
    startColumn: start.column,
    endLineNumber: end.lineNumber,
    endColumn: end.lineNumber === start.lineNumber && end.column === start.column ? start.column + 1 : end.column,
    message: d.message,
  };
}
