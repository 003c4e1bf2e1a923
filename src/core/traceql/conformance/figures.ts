import { parseTraceQL } from '../index';
import { parseSyntax } from '../parser';
import { ConformanceCase, OurClass, TempoClass } from './caseTypes';

/** What our parser does with a query, in the classes the table uses. */
export function classifyQuery(query: string): OurClass {
  if (!parseSyntax(query).ok) {
    return 'parse_fails';
  }
  return parseTraceQL(query).ok ? 'valid' : 'validate_fails';
}

export interface ClassFigures {
  readonly tempo: TempoClass;
  readonly cases: number;
  /** Cases where we do what Tempo does (for `unsupported`: where we refuse the query too). */
  readonly agree: number;
  /** Of the rest, how many we run although Tempo does not (`unsupported` only). */
  readonly extension: number;
  readonly decision: number;
  readonly gap: number;
}

const CLASSES: readonly TempoClass[] = ['valid', 'parse_fails', 'validate_fails', 'unsupported'];

/**
 * Per Tempo class: how many cases, and how many our parser agrees with Tempo on, measured by
 * running the parser now (not by trusting the table's `ours`), so the figures stay true as the
 * parser changes.
 */
export function conformanceFigures(cases: readonly ConformanceCase[]): ClassFigures[] {
  return CLASSES.map((tempo) => {
    const mine = cases.filter((c) => c.tempo === tempo);
    const agree = mine.filter((c) => agrees(c.tempo, classifyQuery(c.query))).length;
    const count = (d: ConformanceCase['divergence']) => mine.filter((c) => c.divergence === d).length;
    return {
      tempo,
      cases: mine.length,
      agree,
      extension: count('extension'),
      decision: count('decision'),
      gap: count('gap'),
    };
  });
}

function agrees(tempo: TempoClass, ours: OurClass): boolean {
  return tempo === 'unsupported' ? ours !== 'valid' : ours === tempo;
}

export function formatFigures(figures: readonly ClassFigures[]): string {
  const rows = figures.map(
    (f) =>
      `${f.tempo.padEnd(15)} ${String(f.cases).padStart(5)} ${String(f.agree).padStart(6)}` +
      `   (extension ${f.extension}, decision ${f.decision}, gap ${f.gap})`
  );
  const total = figures.reduce((n, f) => n + f.cases, 0);
  const agree = figures.reduce((n, f) => n + f.agree, 0);
  return [
    'TraceQL conformance, per Tempo class:',
    `${'class'.padEnd(15)} ${'cases'.padStart(5)} ${'agree'.padStart(6)}`,
    ...rows,
    `${'total'.padEnd(15)} ${String(total).padStart(5)} ${String(agree).padStart(6)}`,
  ].join('\n');
}
