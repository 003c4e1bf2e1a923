import { lex } from '../lexer';
import { parseTraceQL } from '../index';
import {
  AGGREGATES,
  KIND_WORDS,
  LEGACY_INTRINSICS,
  METRICS_FUNCTIONS,
  SAFE_HINTS,
  SCOPED_INTRINSICS,
  STAGE_WORDS,
  STATUS_WORDS,
  UNSAFE_HINTS,
  VALUE_WORDS,
} from '../names';
import { OPERATORS } from '../tokens';
import { CONFORMANCE_CASES, classifyQuery, conformanceFigures, formatFigures } from './index';

/** Cases both Tempo and we run: what the coverage checks count as "covering" a construct. */
const BOTH_VALID = CONFORMANCE_CASES.filter((c) => c.tempo === 'valid' && c.ours === 'valid');
const TOKENS = BOTH_VALID.flatMap((c) => lex(c.query));

describe('TraceQL conformance table', () => {
  it.each(CONFORMANCE_CASES.map((c) => [c.construct, c.query, c.ours, c.tempo, c]))(
    '%s: %j is %s (Tempo: %s)',
    (_construct, query, ours, tempo, c) => {
      const got = classifyQuery(query);
      if (c.divergence === 'gap' && got === tempo) {
        throw new Error(`${JSON.stringify(query)} now agrees with Tempo (${tempo}): remove its gap from the table`);
      }
      expect(got).toBe(ours);
    }
  );

  it('marks every difference from Tempo, and says why', () => {
    for (const c of CONFORMANCE_CASES) {
      const differs = c.tempo === 'unsupported' || c.ours !== c.tempo;
      expect({ query: c.query, marked: c.divergence !== undefined }).toEqual({ query: c.query, marked: differs });
      if (differs) {
        expect({ query: c.query, note: (c.note ?? '').length > 10 }).toEqual({ query: c.query, note: true });
      }
    }
  });

  it('lists each query once', () => {
    const seen = new Set<string>();
    const repeated = CONFORMANCE_CASES.filter((c) => seen.size === seen.add(c.query).size).map((c) => c.query);
    expect(repeated).toEqual([]);
  });

  it('covers every intrinsic, keyword, function, stage and hint in a query both Tempo and we run', () => {
    const words = new Set(TOKENS.filter((t) => t.kind === 'ident' || t.kind === 'scopedIntrinsic').map((t) => t.text));
    // The scoped nestedSet* spellings are our aliases; Tempo documents only the unscoped ones.
    const scoped = Object.keys(SCOPED_INTRINSICS).filter((k) => !k.startsWith('span:nestedSet'));
    const vocabulary = [
      ...Object.keys(LEGACY_INTRINSICS).filter((k) => k !== 'parent'),
      ...scoped,
      ...AGGREGATES,
      ...METRICS_FUNCTIONS,
      ...STAGE_WORDS,
      ...VALUE_WORDS,
      ...STATUS_WORDS,
      ...KIND_WORDS,
      ...SAFE_HINTS,
      ...UNSAFE_HINTS,
    ];
    expect(vocabulary.filter((w) => !words.has(w))).toEqual([]);
  });

  it('covers every operator, attribute scope and literal form', () => {
    const ops = new Set(TOKENS.filter((t) => t.kind === 'op').map((t) => t.text));
    expect(OPERATORS.filter((op) => !ops.has(op))).toEqual([]);

    const scopes = new Set(TOKENS.flatMap((t) => (t.attribute ? [t.attribute.scope] : [])));
    expect([...scopes].sort()).toEqual(['event', 'instrumentation', 'link', 'resource', 'span', 'unscoped']);
    const quoted = TOKENS.filter((t) => t.kind === 'attribute' && t.text.includes('"'));
    expect(quoted.length).toBeGreaterThan(0);
    // parent. is Tempo's `unsupported`, so it is covered there rather than among the valid cases.
    const parentCases = CONFORMANCE_CASES.filter((c) => lex(c.query).some((t) => t.attribute?.parent === true));
    expect(parentCases.length).toBeGreaterThan(0);

    const literals = TOKENS.filter((t) => ['string', 'int', 'float', 'duration'].includes(t.kind));
    const forms = new Set(literals.map((t) => (t.kind === 'string' ? `string${t.text[0]}` : t.kind)));
    expect([...forms].sort()).toEqual(['duration', 'float', 'int', 'string"', 'string`']);
    const units = new Set(literals.filter((t) => t.kind === 'duration').flatMap((t) => t.text.match(/[a-zµ]+/g) ?? []));
    expect(['ns', 'us', 'µs', 'ms', 's', 'm', 'h', 'd', 'w', 'y'].filter((u) => !units.has(u))).toEqual([]);
  });

  it('has refusals from the lexer, the grammar and the validator', () => {
    const refused = CONFORMANCE_CASES.filter((c) => c.tempo === 'parse_fails' && c.ours === 'parse_fails');
    const lexical = refused.filter((c) => lex(c.query).some((t) => t.kind === 'error'));
    expect(lexical.length).toBeGreaterThanOrEqual(20);
    expect(refused.length - lexical.length).toBeGreaterThanOrEqual(100);
    expect(CONFORMANCE_CASES.filter((c) => c.tempo === 'validate_fails').length).toBeGreaterThanOrEqual(60);
  });

  it('gives every refusal a one-line message with a position inside the query', () => {
    for (const c of CONFORMANCE_CASES.filter((x) => x.ours !== 'valid')) {
      const r = parseTraceQL(c.query);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.message).not.toMatch(/\n/);
        expect(r.error.from).toBeGreaterThanOrEqual(0);
        expect(r.error.from).toBeLessThanOrEqual(c.query.length);
        const before = c.query.slice(0, r.error.from);
        expect(r.error.line).toBe(before.split('\n').length);
        expect(r.error.column).toBe(r.error.from - before.lastIndexOf('\n'));
      }
    }
  });

  it('reports how many cases of each Tempo class we agree with Tempo on', () => {
    const figures = conformanceFigures(CONFORMANCE_CASES);
    // The figures come from running the parser; they must match what the table claims.
    for (const f of figures) {
      const expected = f.tempo === 'unsupported' ? f.cases - f.extension : f.cases - f.decision - f.gap;
      expect({ tempo: f.tempo, agree: f.agree }).toEqual({ tempo: f.tempo, agree: expected });
    }
    expect(figures.reduce((n, f) => n + f.cases, 0)).toBe(CONFORMANCE_CASES.length);
    process.stdout.write(`\n${formatFigures(figures)}\n`);
  });
});
