import type { Notice } from './types';

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

export function engineMetricsNotice(backend: string, traces: number, bounded: boolean): Notice {
  return {
    severity: bounded ? 'warning' : 'info',
    text:
      `Metrics computed by TraceLens over ${traces} traces fetched from ${backend}` +
      (bounded
        ? ', a bounded sample (the search-depth limit was reached): counts and rates are lower bounds.'
        : ' (every trace the backend returned for the range).'),
  };
}

export function tempoFallbackNotice(
  version: string,
  labels: readonly string[],
  narrowing: string,
  traces: number
): Notice {
  return {
    severity: 'info',
    text:
      `Tempo ${version || '(version unknown)'} does not support ${labels.join(', ')}; ` +
      `Tempo ran ${narrowing} and TraceLens finished the query over ${traces} fetched traces.`,
  };
}

export function tempoBoundedNotice(searchDepth: number): Notice {
  return {
    severity: 'warning',
    text: `Tempo returned ${searchDepth} traces, the fetch limit: more traces may match. Shorten the time range or raise the search depth.`,
  };
}

export function limitReachedNotice(limit: number, matched: number): Notice {
  return {
    severity: 'info',
    text: `Showing ${limit} of ${matched} matching traces; raise the limit to see more.`,
  };
}

export function partialNotice(what: string, message: string | undefined): Notice {
  return { severity: 'warning', text: `Tempo returned a partial ${what}${message ? `: ${message}` : ''}.` };
}
