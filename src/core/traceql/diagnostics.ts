/** A problem in a query, located at character offsets and at a 1-based line and column. */
export interface TraceQLDiagnostic {
  /** One line, no trailing period: "unexpected `}`, expected a value". */
  readonly message: string;
  readonly from: number;
  readonly to: number;
  /** 1-based. */
  readonly line: number;
  /** 1-based, in characters. */
  readonly column: number;
  /** The offending token's text ('' at end of input). */
  readonly token: string;
}

export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: TraceQLDiagnostic };
