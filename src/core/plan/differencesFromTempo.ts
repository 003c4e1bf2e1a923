/**
 * What `explain` says, on every backend, where TraceLens answers a query differently from Tempo on
 * its own (docs/tempo-compatibility.md, "Differences from Tempo"): the construct in the query,
 * what TraceLens answers, and what Tempo would.
 */
import type { FieldExpr, RootNode } from '../traceql/ast';
import { forEachSubexpression, isNumberLiteral, negatesCondition } from '../traceql/fieldShapes';
import { forEachFilterCondition } from '../traceql/mapFilters';
import { usesCompare } from '../traceql/validate';
import { comparison } from './comparison';

export const NUMBERS_BY_VALUE =
  'Numbers compare by value: an attribute compared with 250 also matches 250.0 stored as a double, and one compared with 499.5 matches ints. Tempo on its own compares an attribute only with a literal of the type it is stored as; TraceLens asks Tempo in both types.';
export const NEGATION =
  'A negated condition !( … ) keeps the spans for which the condition is false. Tempo answers it with no spans, so on Tempo the engine answers it.';
export const TIME_SINCE_START =
  'event:timeSinceStart is compared per event, as written. Tempo answers such comparisons with no spans, so on Tempo the engine answers them.';
export const COMPARE_COUNTS =
  'compare() counts each span once. Tempo counts every span twice, so on Tempo the engine answers it.';

/** An attribute compared (=, !=, <, <=, >, >=) with an int or float literal, in either order. */
export function comparesAttributeWithNumber(e: FieldExpr): boolean {
  const c = comparison(e);
  return c !== null && c.op !== '=~' && c.op !== '!~' && c.field.type === 'Attribute' && isNumberLiteral(c.value);
}

export function differencesFromTempo(root: RootNode): string[] {
  let numbers = false;
  let negation = false;
  let sinceStart = false;
  forEachFilterCondition(root, (cond) =>
    forEachSubexpression(cond, (e) => {
      numbers ||= comparesAttributeWithNumber(e);
      negation ||= negatesCondition(e);
      sinceStart ||= e.type === 'Intrinsic' && e.name === 'event:timeSinceStart';
    })
  );
  const notes: string[] = [];
  if (numbers) {
    notes.push(NUMBERS_BY_VALUE);
  }
  if (negation) {
    notes.push(NEGATION);
  }
  if (sinceStart) {
    notes.push(TIME_SINCE_START);
  }
  if (root.query.type !== 'Pipeline' && usesCompare(root.query)) {
    notes.push(COMPARE_COUNTS);
  }
  return notes;
}

/** The notes as a block to append to explain text ('' when there are none). */
export function differencesText(root: RootNode): string {
  const notes = differencesFromTempo(root);
  return notes.length === 0 ? '' : ['', 'Differences from Tempo:', ...notes.map((n) => `  - ${n}`)].join('\n');
}
