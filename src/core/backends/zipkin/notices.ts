import type { Notice } from '../../query/types';
import { capitalisedNames, resourceAttributesZipkinLacks } from './names';

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

/**
 * A `resource.x` other than the service matches nothing on Zipkin (see resourceAttributesZipkinLacks):
 * said plainly, with the unscoped spelling that finds the flattened tag, rather than an empty answer.
 */
export function flattenedResourceNotice(query: string): Notice | null {
  const names = resourceAttributesZipkinLacks(query);
  if (names.length === 0) {
    return null;
  }
  const scoped = names.map((n) => `resource.${n}`).join(', ');
  const unscoped = names.map((n) => `.${n}`).join(', ');
  return {
    severity: 'warning',
    text:
      `Zipkin keeps no resource attribute but the service name; exporters store the others as span tags, ` +
      `so ${scoped} is unset on every Zipkin span. Write ${unscoped} to match the tag.`,
  };
}

/** Everything to say about a query's text before it runs on Zipkin. */
export function zipkinQueryNotices(query: string): Notice[] {
  return [capitalisedNameNotice(query), flattenedResourceNotice(query)].filter((n): n is Notice => n !== null);
}
