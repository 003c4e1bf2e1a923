/**
 * The shape of a conformance case: one TraceQL query, what current Tempo does with it, and what our
 * parser does where that differs. The queries are ours, written from the grammar as Tempo documents
 * it (docs/reference/protocols.md §1); each class was worked out by reading Tempo's grammar, lexer
 * and validator, not taken from Tempo's tests.
 */

/**
 * What Tempo does with a query:
 * - `valid`: parses, validates and runs;
 * - `parse_fails`: the lexer or grammar refuses it;
 * - `validate_fails`: it parses, and the semantic checks refuse it with an error;
 * - `unsupported`: it parses, and Tempo answers "not yet supported" (a feature the grammar has and
 *   the engine lacks).
 */
export type TempoClass = 'valid' | 'parse_fails' | 'validate_fails' | 'unsupported';

/** What our parser does: `parseSyntax` fails, `parseTraceQL` fails after parsing, or neither. */
export type OurClass = 'valid' | 'parse_fails' | 'validate_fails';

/**
 * Why our class differs from Tempo's:
 * - `extension`: Tempo parses the query but does not run it, and we do (only for `unsupported`);
 * - `decision`: we chose to differ, and the note says why;
 * - `gap`: a difference we mean to close; when it closes, the test says so and the case loses its gap.
 */
export type Divergence = 'extension' | 'decision' | 'gap';

export interface ConformanceCase {
  readonly query: string;
  readonly tempo: TempoClass;
  /** What our parser must do; Tempo's class unless the case is marked as diverging. */
  readonly ours: OurClass;
  readonly divergence?: Divergence;
  /** Why we diverge, or what is surprising about Tempo's behaviour. Required when we diverge. */
  readonly note?: string;
  /** The construct the case exercises; set by `section()`. */
  readonly construct: string;
}

/** A case before `section()` names its construct. */
export type Draft = Omit<ConformanceCase, 'construct'>;

export const valid = (query: string, note?: string): Draft => ({ query, tempo: 'valid', ours: 'valid', note });

export const parseFails = (query: string, note?: string): Draft => ({
  query,
  tempo: 'parse_fails',
  ours: 'parse_fails',
  note,
});

export const validateFails = (query: string, note?: string): Draft => ({
  query,
  tempo: 'validate_fails',
  ours: 'validate_fails',
  note,
});

/** Tempo parses the query and refuses to run it; `ours` says what we do instead, `note` why. */
export const unsupported = (query: string, ours: OurClass, note: string): Draft => ({
  query,
  tempo: 'unsupported',
  ours,
  divergence: ours === 'valid' ? 'extension' : 'decision',
  note,
});

/** A case where we decided to differ from Tempo. */
export const decision = (draft: Draft, ours: OurClass, note: string): Draft => ({
  ...draft,
  ours,
  divergence: 'decision',
  note,
});

/** A difference from Tempo that should be closed (by fixing our parser or validator). */
export const gap = (draft: Draft, ours: OurClass, note: string): Draft => ({
  ...draft,
  ours,
  divergence: 'gap',
  note,
});

export function section(construct: string, drafts: readonly Draft[]): ConformanceCase[] {
  return drafts.map((d) => ({ ...d, construct }));
}
