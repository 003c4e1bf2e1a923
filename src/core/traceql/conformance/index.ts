import { ATTRIBUTE_CASES } from './attributes.cases';
import { ConformanceCase } from './caseTypes';
import { FIELD_EXPRESSION_CASES } from './fieldExpressions.cases';
import { HINT_CASES } from './hints.cases';
import { METRICS_CASES } from './metrics.cases';
import { SPANSET_CASES } from './spansets.cases';
import { SYNTAX_ERROR_CASES } from './syntaxErrors.cases';

export type { ConformanceCase, Divergence, OurClass, TempoClass } from './caseTypes';
export { classifyQuery, conformanceFigures, formatFigures } from './figures';

/**
 * Our TraceQL conformance table: queries we wrote from the grammar as documented, each classed by
 * what Tempo does with it. To add a construct, add a section to the file for its area (or a new
 * `*.cases.ts` listed here); see CONTRIBUTING.md.
 */
export const CONFORMANCE_CASES: readonly ConformanceCase[] = [
  ...FIELD_EXPRESSION_CASES,
  ...ATTRIBUTE_CASES,
  ...SPANSET_CASES,
  ...METRICS_CASES,
  ...HINT_CASES,
  ...SYNTAX_ERROR_CASES,
];
