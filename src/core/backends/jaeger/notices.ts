import type { Notice } from '../../query/types';

/** Jaeger hit its search depth on some searches: the answer covers only what it returned. */
export function jaegerBoundedNotice(o: {
  searches: number;
  cappedSearches: number;
  searchDepth: number;
  scanned: number;
  matched: number;
  fanOut: boolean;
}): Notice {
  const where = o.searches > 1 ? `${o.cappedSearches} of ${o.searches} searches (one per service)` : 'the search';
  const narrow = o.fanOut
    ? 'add a service condition ({ resource.service.name = "..." }) or shorten the time range'
    : 'add conditions Jaeger can match (operation, exact attributes, duration) or shorten the time range';
  return {
    severity: 'warning',
    text:
      `Jaeger returned its search-depth limit of ${o.searchDepth} traces for ${where}: ` +
      `${o.scanned} traces scanned, ${o.matched} matched. More traces may match. ` +
      `To narrow, ${narrow}; to widen, raise the search depth.`,
  };
}

export function fanOutNotice(services: number): Notice {
  if (services === 0) {
    return {
      severity: 'warning',
      text: 'Jaeger lists no services: it has stored no traces yet, so there was nothing to search.',
    };
  }
  return {
    severity: 'info',
    text: `No service condition in the query: searched each of Jaeger's ${services} services and merged the results.`,
  };
}
