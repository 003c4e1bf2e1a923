/**
 * Finds places where a file says it was copied, ported or translated from an AGPL project
 * (Grafana core, Tempo, Loki, Mimir), or names their test data as its source. TraceLens is
 * Apache-2.0: we match those projects' behaviour, we do not take their text (CONTRIBUTING.md,
 * "Provenance"). Grafana's Apache-2.0 packages (@grafana/data, ui, runtime, create-plugin) are not
 * AGPL, so "Grafana" alone is not a match; "Grafana core" or grafana/grafana is.
 */

export interface CopyClaim {
  /** 1-based line of the claim's first word. */
  readonly line: number;
  readonly text: string;
}

const AGPL = String.raw`(?:tempo|loki|mimir|grafana[ -]core|grafana/grafana|grafana['’]s (?:core|own|source|code|tests?|regex|implementation))`;

const VERBS = String.raw`(?:cop(?:y|ied|ies|ying)|ported|porting|an? port of|translat(?:ed|ion|ing|es?)|transliterat(?:ed|ion)|lift(?:ed)?|borrow(?:ed)?|adapt(?:ed|ation)|taken|verbatim|line[- ]by[- ]line|derived|based)`;

/** A claim: a copying word, then within one sentence a link word and an AGPL project. */
const CLAIM = new RegExp(String.raw`\b${VERBS}\b[^.;!?]{0,80}?\b(?:from|of|on|in)\b[^.;!?]{0,50}?\b${AGPL}\b`, 'gi');

/** The project first: "Grafana core's variable regex, copied ...". */
const CLAIM_AFTER = new RegExp(String.raw`\b${AGPL}['’]s?\b[^.;!?]{0,60}?\b${VERBS}\b`, 'gi');

/** An AGPL project's test data named as a source (`grafana/tempo pkg/traceql/test_examples.yaml`). */
const TEST_DATA = new RegExp(
  String.raw`\bgrafana/(?:tempo|loki|grafana|mimir)\b[^\n]{0,80}?(?:test_examples\.yaml|_test\.go|\btestdata/|\.test\.tsx?\b|mockJsonResponse)`,
  'gi'
);

/** Words that, shortly before the claim in the same sentence, make it a denial or a rule. */
const NEGATION = /\b(?:not|never|nothing|no|nor|without|don't|doesn't|isn't)\b[^.;!?]{0,40}$/i;

/** Comment markers and line breaks removed, so a claim wrapped over comment lines reads as one. */
function flatten(text: string): { flat: string; lineAt: number[] } {
  let flat = '';
  const lineAt: number[] = [];
  let line = 1;
  for (const raw of text.split('\n')) {
    const stripped = raw.replace(/^\s*(?:\/\/+|\/?\*+\/?|#+|<!--|-->)?\s*/, '');
    for (let i = 0; i < stripped.length + 1; i++) {
      lineAt.push(line);
    }
    flat += `${stripped} `;
    line++;
  }
  return { flat, lineAt };
}

export function findCopyClaims(text: string): CopyClaim[] {
  const { flat, lineAt } = flatten(text);
  const claims: CopyClaim[] = [];
  for (const pattern of [CLAIM, CLAIM_AFTER, TEST_DATA]) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(flat); m !== null; m = pattern.exec(flat)) {
      const before = flat.slice(Math.max(0, m.index - 60), m.index);
      if (pattern !== TEST_DATA && NEGATION.test(before + (pattern === CLAIM_AFTER ? m[0] : ''))) {
        continue;
      }
      claims.push({ line: lineAt[m.index], text: m[0] });
    }
  }
  return claims.sort((a, b) => a.line - b.line);
}
