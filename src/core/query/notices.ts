import type { Notice } from './types';

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

export function limitReachedNotice(limit: number, matched: number): Notice {
  return {
    severity: 'info',
    text: `Showing ${limit} of ${matched} matching traces; raise the limit to see more.`,
  };
}
