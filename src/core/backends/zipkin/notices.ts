import type { Notice } from '../../query/types';
import { capitalisedNames } from './names';

/** Zipkin returned its limit for some searches: the answer covers only what it returned. */
export function zipkinBoundedNotice(
  searchDepth: number,
  searches: number,
  capped: number,
  scanned: number,
  matched: number
): Notice {
  const where = searches > 1 ? `${capped} of ${searches} searches` : 'the search';
  return {
    severity: 'warning',
    text:
      `Zipkin returned its limit of ${searchDepth} traces for ${where}: ${scanned} traces scanned, ` +
      `${matched} matched. More traces may match. To narrow, add conditions Zipkin can match (service, ` +
      'span name, exact tags, duration) or shorten the time range; to widen, raise the search depth.',
  };
}

/** Zipkin stores span and service names lower-cased, so a name literal with capitals never matches. */
export function capitalisedNameNotice(query: string): Notice | null {
  const names = [...new Set(capitalisedNames(query).map((n) => n.value))];
  if (names.length === 0) {
    return null;
  }
  return {
    severity: 'warning',
    text:
      `Zipkin stores span and service names lower-cased, so ${names.map((n) => JSON.stringify(n)).join(', ')} ` +
      `can match nothing; write ${names.map((n) => JSON.stringify(n.toLowerCase())).join(', ')}.`,
  };
}
